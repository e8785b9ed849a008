import {
  parseSearchQuery,
  searchSnippet,
  publicEntryStatuses,
  tagKey,
  toFts5Query,
  toTsQuery,
} from '@ficathon/core';
import type { EntryCursor, EntryFilter, Store, StoredRating } from '@ficathon/db';
import { z } from 'zod';
import {
  MAX_ID,
  RatingSchema,
  type EntryFacets,
  type EntryListQuery,
  type EntryPage,
  type ReaderPreferences,
} from '@ficathon/schema';
import { AppError } from '../http/app-error';
import { serializeEntrySummary } from '../serializers/challenge.serializer';
import type { Authenticated } from './auth.service';
import type { ChallengeAccess } from './challenge-access';

const CursorSchema = z.object({
  s: z.string(),
  // A title key, a timestamp, or a whole number no entry can exceed (words, kudos).
  v: z.union([z.string().max(600), z.number().int().min(0).max(MAX_ID)]),
  i: z.number().int().positive().max(MAX_ID),
});

const BAD_CURSOR = () =>
  AppError.badRequest(
    'VALIDATION_FAILED',
    'This page link is broken or out of date; start from the first page.',
    [{ path: 'cursor', message: 'This page link is broken or out of date.' }],
  );

/** Readers' use cases: the filtered, sorted, searchable entry list, and their preferences. */
export class BrowseService {
  constructor(
    private readonly store: Store,
    private readonly access: ChallengeAccess,
    private readonly clock: () => Date,
  ) {}

  async listEntries(
    slug: string,
    auth: Authenticated | null,
    query: EntryListQuery,
  ): Promise<EntryPage> {
    const repos = this.store.repos;
    const context = await this.access.load(slug, auth);
    const { challenge, phase } = context;
    const prefs = auth ? await repos.preferences.get(auth.user.id) : null;
    const terms = query.q === undefined ? [] : parseSearchQuery(query.q);
    const filter: EntryFilter = {
      challengeId: challenge.id,
      statuses: publicEntryStatuses(challenge.moderated === 1),
      ratings: query.rating,
      excludeRatings: query.excludeRating,
      excludeWarnings: query.excludeWarning?.map(tagKey),
      // A reader's account filters apply everywhere, on top of what they pick on the page.
      hiddenRatings: (prefs?.hiddenRatings ?? []) as StoredRating[],
      hiddenWarnings: (prefs?.hiddenWarnings ?? []).map(tagKey),
      hiddenTags: (prefs?.hiddenTags ?? []).map(tagKey),
      fandoms: query.fandom?.map(tagKey),
      pairings: query.pairing?.map(tagKey),
      characters: query.character?.map(tagKey),
      promptId: query.prompt,
      minWords: query.minWords,
      maxWords: query.maxWords,
      search:
        terms.length > 0 ? { fts5: toFts5Query(terms), tsquery: toTsQuery(terms) } : undefined,
    };

    const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, query.sort);
    // One more than the page, to know whether another page follows.
    const rows = await repos.browse.page(filter, query.sort, cursor, query.limit + 1);
    const pageRows = rows.slice(0, query.limit);
    const last = pageRows[pageRows.length - 1];
    // Excerpts are cut in one place for both databases, from the story as written.
    const snippets = new Map(
      filter.search ? pageRows.map((row) => [row.id, searchSnippet(row.body, terms)] as const) : [],
    );
    const viewer = { userId: auth?.user.id ?? null, role: context.role };
    const prompts = await repos.prompts.listByChallenge(challenge.id);
    const promptTitle = new Map(prompts.map((p) => [String(p.id), p.title]));

    const facet = async (dimension: keyof EntryFacets) =>
      (await repos.browse.facet(filter, dimension)).map((row) => ({
        key: row.key,
        label: dimension === 'prompt' ? (promptTitle.get(row.key) ?? row.value) : row.value,
        count: row.count,
      }));
    const [total, rating, warning, fandom, pairing, character, prompt] = await Promise.all([
      repos.browse.count(filter),
      facet('rating'),
      facet('warning'),
      facet('fandom'),
      facet('pairing'),
      facet('character'),
      facet('prompt'),
    ]);
    return {
      entries: pageRows.map((row) =>
        serializeEntrySummary(row, { challenge, phase, viewer }, snippets.get(row.id)),
      ),
      total,
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor(query.sort, sortValue(last, query.sort), last.id)
          : null,
      facets: { rating, warning, fandom, pairing, character, prompt },
    };
  }

  async preferences(auth: Authenticated): Promise<ReaderPreferences> {
    const stored = await this.store.repos.preferences.get(auth.user.id);
    return {
      ...stored,
      hiddenRatings: stored.hiddenRatings.filter(
        (r) => RatingSchema.safeParse(r).success,
      ) as ReaderPreferences['hiddenRatings'],
    };
  }

  async savePreferences(auth: Authenticated, prefs: ReaderPreferences): Promise<ReaderPreferences> {
    await this.store.repos.preferences.save(auth.user.id, prefs, this.clock().toISOString());
    return this.preferences(auth);
  }
}

function sortValue(
  row: { submitted_at: string | null; title_key: string; word_count: number; kudos_count: number },
  sort: EntryListQuery['sort'],
): string | number {
  switch (sort) {
    case 'newest':
      return row.submitted_at ?? '';
    case 'title':
      return row.title_key;
    case 'length':
      return row.word_count;
    case 'kudos':
      return row.kudos_count;
  }
}

/** A cursor is the last entry's sort value and id; it only continues the order it came from. */
function encodeCursor(sort: string, value: string | number, id: number): string {
  return Buffer.from(JSON.stringify({ s: sort, v: value, i: id })).toString('base64url');
}

function decodeCursor(raw: string, sort: string): EntryCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw BAD_CURSOR();
  }
  const cursor = CursorSchema.safeParse(parsed);
  const numeric = sort === 'length' || sort === 'kudos';
  if (
    !cursor.success ||
    cursor.data.s !== sort ||
    typeof cursor.data.v !== (numeric ? 'number' : 'string')
  ) {
    throw BAD_CURSOR();
  }
  return { value: cursor.data.v, id: cursor.data.i };
}
