import { StoredEntryHeaderSchema, type StoredEntryHeader } from '@ficathon/schema';

/** An entry's stored header, read back through the schema (unknown keys from old rows dropped). */
export function headerOf(entry: { header_json: string }): StoredEntryHeader {
  const parsed = StoredEntryHeaderSchema.safeParse(JSON.parse(entry.header_json));
  return parsed.success ? parsed.data : { title: '' };
}

// Header labels that name the writer: `By:`, `Author:`, `Written by:`, `Pen name:`, `Posted by:`...
const NAMES_THE_WRITER =
  /^(by|authors?|author name|written by|pen ?name|pseuds?|posted by|writer|creator)\b/i;

/**
 * The header as a viewer who may not know the writer sees it: pasted lines and unknown labels
 * that name the writer are left out (the pseud itself is never in the header).
 */
export function headerWithoutAuthor(header: StoredEntryHeader): StoredEntryHeader {
  const extra = header.extra
    ? Object.fromEntries(
        Object.entries(header.extra).filter(([label]) => !NAMES_THE_WRITER.test(label.trim())),
      )
    : undefined;
  return {
    ...header,
    ...(header.lines
      ? { lines: header.lines.filter((line) => !NAMES_THE_WRITER.test(line.label.trim())) }
      : {}),
    ...(extra ? { extra } : {}),
  };
}

/**
 * A search excerpt as HTML: the text escaped, the matches (marked \u0002...\u0003 by the
 * database) wrapped in <mark>. Nothing from the story can become markup.
 */
export function snippetHtml(snippet: string): string {
  return snippet
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replaceAll('\u0002', '<mark>')
    .replaceAll('\u0003', '</mark>');
}
