import type { StoredEntryHeader } from '@ficathon/schema';
import { renderEntryHeader, type RenderableEntryHeader } from '../header';
import { renderSafeHtml, type TextFormat } from './render-safe-html';

export interface EntryDocument {
  header: StoredEntryHeader;
  /** The pseud to show as author; null shows "Anonymous" (before an anonymous challenge's reveal). */
  author: string | null;
  body: string;
  bodyFormat: TextFormat;
  challengeTitle: string;
  promptTitle: string | null;
}

/** The stored header in the shape the canonical renderer takes, with the author the viewer may see. */
function renderable(doc: EntryDocument): RenderableEntryHeader {
  const { lines: _lines, custom: _custom, warningsNone, ...fields } = doc.header;
  return {
    ...fields,
    authors: [doc.author ?? 'Anonymous'],
    ...(warningsNone ? { warningsNone: true as const } : {}),
    ...(doc.promptTitle ? { prompt: doc.promptTitle } : {}),
    challenge: doc.challengeTitle,
  };
}

/** The .txt download: the canonical header, a blank line, then the story exactly as written. */
export function renderEntryText(doc: EntryDocument): string {
  return `${renderEntryHeader(renderable(doc))}\n\n${doc.body}`;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The story as safe HTML plus its header as a definition list: shared by .html and .epub. */
export function renderEntryHtmlParts(doc: EntryDocument): { headerHtml: string; bodyHtml: string } {
  const header = renderable(doc);
  const rows: [string, string | undefined][] = [
    ['By', header.authors?.join(', ')],
    ['Challenge', header.challenge],
    ['Prompt', header.prompt],
    ['Rating', header.rating?.raw],
    ['Warnings', header.warningsNone ? 'No warnings apply' : header.warnings?.join(', ')],
    ['Fandoms', header.fandoms?.join(', ')],
    ['Pairings', header.pairings?.join(', ')],
    ['Characters', header.characters?.join(', ')],
    ['Spoilers', header.spoilers],
    ['Summary', header.summary],
    ['Notes', header.notes],
    ['Disclaimer', header.disclaimer],
    ['Archive', header.archive],
  ];
  const list = rows
    .filter((row): row is [string, string] => row[1] !== undefined && row[1].trim() !== '')
    .map(
      ([label, value]) =>
        `<dt>${escape(label)}</dt><dd>${escape(value).replace(/\n/g, '<br/>')}</dd>`,
    )
    .join('\n');
  const epigraph = header.epigraph
    ? `<blockquote class="epigraph"><p>${escape(header.epigraph.text).replace(/\n/g, '<br/>')}</p><p class="credit">${escape(header.epigraph.credit)}</p></blockquote>`
    : '';
  return {
    headerHtml: `<dl class="header">\n${list}\n</dl>\n${epigraph}`,
    bodyHtml: renderSafeHtml(doc.body, doc.bodyFormat),
  };
}

const STYLES = `
  body { font: 1.125rem/1.6 Georgia, 'Times New Roman', serif; max-width: 38rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; background: #fffdf8; }
  h1 { font-size: 1.8rem; line-height: 1.2; }
  dl.header { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; font: 0.95rem/1.5 system-ui, sans-serif; border-block: 1px solid #ccc; padding: 0.75rem 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  blockquote.epigraph { font-style: italic; margin: 2rem 2rem; }
  blockquote.epigraph .credit { font-style: normal; text-align: right; }
  @media (prefers-color-scheme: dark) { body { color: #eee; background: #1a1a1a; } dl.header { border-color: #555; } }
`;

/** The .html download: one standalone, readable page (no scripts, no outside resources). */
export function renderEntryHtmlDocument(doc: EntryDocument): string {
  const { headerHtml, bodyHtml } = renderEntryHtmlParts(doc);
  const title = escape(doc.header.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: data:">
<title>${title}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<h1>${title}</h1>
${headerHtml}
<article>
${bodyHtml}
</article>
</main>
</body>
</html>
`;
}
