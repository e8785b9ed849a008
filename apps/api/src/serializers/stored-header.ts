import { StoredEntryHeaderSchema, type StoredEntryHeader } from '@ficathon/schema';

/** An entry's stored header, read back through the schema (unknown keys from old rows dropped). */
export function headerOf(entry: { header_json: string }): StoredEntryHeader {
  const parsed = StoredEntryHeaderSchema.safeParse(JSON.parse(entry.header_json));
  return parsed.success ? parsed.data : { title: '' };
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
