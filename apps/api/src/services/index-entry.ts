import { entryTagsOf, foldToWords, searchDocumentOf } from '@ficathon/core';
import type { EntryRow, Repositories } from '@ficathon/db';
import { headerOf } from '../serializers/stored-header';

/**
 * Brings an entry's filter tags and full-text index up to date with its saved text. Every write
 * of an entry calls it, in the same transaction, so lists and search never lag behind a save.
 */
export async function indexEntry(repos: Repositories, entry: EntryRow): Promise<void> {
  const header = headerOf(entry);
  await repos.browse.replaceTags(entry.id, entryTagsOf(header));
  const doc = searchDocumentOf({ title: entry.title, header, body: entry.body });
  const fold = (text: string) => foldToWords(text).join(' ');
  await repos.browse.indexForSearch(entry.id, {
    title: fold(doc.title),
    summary: fold(doc.summary),
    header: fold(doc.header),
    body: fold(doc.body),
  });
}
