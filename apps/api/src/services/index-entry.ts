import { entryTagsOf, searchDocumentOf } from '@ficathon/core';
import type { EntryRow, Repositories } from '@ficathon/db';
import { headerOf } from '../serializers/stored-header';

/**
 * Brings an entry's filter tags and full-text index up to date with its saved text. Every write
 * of an entry calls it, in the same transaction, so lists and search never lag behind a save.
 */
export async function indexEntry(repos: Repositories, entry: EntryRow): Promise<void> {
  const header = headerOf(entry);
  await repos.browse.replaceTags(entry.id, entryTagsOf(header));
  await repos.browse.indexForSearch(
    entry.id,
    searchDocumentOf({ title: entry.title, header, body: entry.body }),
  );
}
