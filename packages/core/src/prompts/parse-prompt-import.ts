import { parse as parseCsv } from 'csv-parse/sync';
import type { PromptKind } from '@ficathon/schema';

/** A prompt read from pasted text or CSV, before validation. */
export interface ImportedPrompt {
  kind: PromptKind;
  title: string;
  credit: string | null;
  body: string;
  link: string | null;
  imageAlt: string | null;
}

export interface PromptImportResult {
  prompts: ImportedPrompt[];
  /** Problems by 1-based block (text) or row (CSV) number; nothing is imported when there are any. */
  problems: { item: number; message: string }[];
}

// "by Moby", "— Traditional", "- Anonymous", "~ Lyrics by Moby": a credit line under the title.
const CREDIT_LINE = /^\s*(?:by\s+|[-–—~]+\s*)(.+?)\s*$/i;
const URL_LINE = /^\s*(https?:\/\/\S+)\s*$/i;

/**
 * Reads prompts pasted one per block, blocks separated by blank lines:
 *
 *     Scarborough Fair
 *     by Traditional
 *     Are you going to Scarborough Fair?
 *     Parsley, sage, rosemary and thyme
 *     https://example.com/song
 *
 * The first line is the title; an optional credit line follows; a last line that is only a web
 * address is the link; everything else is the excerpt, line breaks kept.
 */
export function parsePromptBlocks(text: string, kind: PromptKind): PromptImportResult {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);

  const prompts = blocks.map((lines): ImportedPrompt => {
    const [titleLine = '', ...rest] = lines;
    const creditMatch = rest[0] !== undefined ? CREDIT_LINE.exec(rest[0]) : null;
    const afterCredit = creditMatch ? rest.slice(1) : rest;
    const linkMatch =
      afterCredit.length > 0 ? URL_LINE.exec(afterCredit[afterCredit.length - 1]!) : null;
    const bodyLines = linkMatch ? afterCredit.slice(0, -1) : afterCredit;
    const link = linkMatch?.[1] ?? null;
    return {
      kind,
      title: titleLine.trim(),
      credit: creditMatch?.[1] ?? null,
      body: bodyLines.map((line) => line.trimEnd()).join('\n'),
      link,
      imageAlt: kind === 'image' ? bodyLines.join(' ').trim() || null : null,
    };
  });
  return { prompts, problems: [] };
}

const CSV_COLUMNS = ['kind', 'title', 'credit', 'body', 'link', 'image_alt'] as const;
const KINDS: readonly PromptKind[] = ['lyrics', 'quote', 'text', 'image'];

/**
 * Reads prompts from CSV with a header row naming any of: kind, title, credit, body, link,
 * image_alt (case-insensitive; `artist` and `source` are accepted for credit, `excerpt` and
 * `lyrics` for body, `alt` for image_alt). Only `title` is required; `kind` defaults to `kind`.
 */
export function parsePromptCsv(text: string, defaultKind: PromptKind): PromptImportResult {
  let records: string[][];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { prompts: [], problems: [{ item: 1, message: `This is not valid CSV: ${message}` }] };
  }
  const [header, ...rows] = records;
  if (!header) return { prompts: [], problems: [{ item: 1, message: 'The CSV is empty.' }] };

  const aliases: Record<string, (typeof CSV_COLUMNS)[number]> = {
    artist: 'credit',
    source: 'credit',
    excerpt: 'body',
    lyrics: 'body',
    text: 'body',
    alt: 'image_alt',
    url: 'link',
  };
  const columns = header.map((name) => {
    const key = name.trim().toLowerCase().replace(/\s+/g, '_');
    return (CSV_COLUMNS as readonly string[]).includes(key) ? key : (aliases[key] ?? null);
  });
  if (!columns.includes('title')) {
    return {
      prompts: [],
      problems: [{ item: 1, message: 'The first row must name the columns, including “title”.' }],
    };
  }

  const prompts: ImportedPrompt[] = [];
  const problems: PromptImportResult['problems'] = [];
  rows.forEach((row, index) => {
    const value = (column: (typeof CSV_COLUMNS)[number]) => {
      const at = columns.indexOf(column);
      const cell = at >= 0 ? row[at] : undefined;
      return cell === undefined || cell.trim() === '' ? null : cell;
    };
    const kindText = value('kind')?.trim().toLowerCase() ?? defaultKind;
    const kind = KINDS.find((k) => k === kindText);
    const rowNumber = index + 2; // the header is row 1
    if (!kind) {
      problems.push({
        item: rowNumber,
        message: `Unknown kind “${kindText}”: use lyrics, quote, text or image.`,
      });
      return;
    }
    prompts.push({
      kind,
      title: value('title')?.trim() ?? '',
      credit: value('credit')?.trim() ?? null,
      body: (value('body') ?? '').replace(/\r\n?/g, '\n'),
      link: value('link')?.trim() ?? null,
      imageAlt: value('image_alt')?.trim() ?? null,
    });
  });
  return { prompts, problems };
}
