import type { EntrySummary } from '@ficathon/schema';
import type { ApiClient } from './api';

/** An entry as the voting and results pages list it: its title, and its author once revealed. */
export interface VotableEntry {
  id: number;
  title: string;
  author: string | null;
}

/** Every entry of the challenge readers can see, by title, following the list's pages. */
export async function allEntries(client: ApiClient, slug: string): Promise<VotableEntry[]> {
  const entries: EntrySummary[] = [];
  let cursor: string | null = null;
  // A bound on pages so a misbehaving cursor cannot loop forever.
  for (let page = 0; page < 50; page++) {
    const query = new URLSearchParams({ sort: 'title', limit: '100' });
    if (cursor) query.set('cursor', cursor);
    const result = await client.listEntries(slug, query);
    entries.push(...result.entries);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return entries.map((e) => ({ id: e.id, title: e.title, author: e.author }));
}
