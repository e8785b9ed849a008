import {
  parseSearchQuery,
  searchSnippet,
  publicEntryStatuses,
  tagKey,
  toFts5Query,
  toTsQuery,
} from '@ficathon/core';
import type {
  EntryCursor,
  EntryFilter,
  EntrySort,
  Repositories,
  Store,
  StoredRating,
} from '@ficathon/db';
import { z } from 'zod';
import {
  MAX_ID,
  RatingSchema,
  ResultsSchema,
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

    const { pageRows, nextCursor } =
      query.sort === 'rank'
        ? await this.rankedPage(repos, challenge.id, filter, query)
        : await this.orderedPage(repos, filter, query, query.sort);
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
      nextCursor,
      facets: { rating, warning, fandom, pairing, character, prompt },
    };
  }

  /** A page in one of the database's orders, by keyset. */
  private async orderedPage(
    repos: Repositories,
    filter: EntryFilter,
    query: EntryListQuery,
    sort: EntrySort,
  ) {
    const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, sort);
    // One more than the page, to know whether another page follows.
    const rows = await repos.browse.page(filter, sort, cursor, query.limit + 1);
    const pageRows = rows.slice(0, query.limit);
    const last = pageRows[pageRows.length - 1];
    const nextCursor =
      rows.length > query.limit && last ? encodeCursor(sort, sortValue(last, sort), last.id) : null;
    return { pageRows, nextCursor };
  }

  /**
   * A page in the order of the published results: the first category's places (unplaced
   * entries last), then title. Ranks live in the frozen results, not in an indexed column, so
   * this orders one challenge's matching entries in memory (a bounded number) and pages by
   * position; the cursor names the position and the entry there, so a stale one is refused.
   */
  private async rankedPage(
    repos: Repositories,
    challengeId: number,
    filter: EntryFilter,
    query: EntryListQuery,
  ) {
    const stored = await repos.voting.findResult(challengeId);
    if (!stored) {
      throw AppError.badRequest(
        'VALIDATION_FAILED',
        'Entries have ranks once the results are published.',
        [{ path: 'sort', message: 'Entries have ranks once the results are published.' }],
      );
    }
    const placings =
      ResultsSchema.parse(JSON.parse(stored.snapshot_json)).categories[0]?.placings ?? [];
    const placeOf = new Map(placings.map((p) => [p.entryId, p.place ?? Number.POSITIVE_INFINITY]));
    const rows = (await repos.browse.page(filter, 'title', null, RANKED_MAX)).sort(
      (a, b) =>
        (placeOf.get(a.id) ?? Number.POSITIVE_INFINITY) -
          (placeOf.get(b.id) ?? Number.POSITIVE_INFINITY) ||
        a.title_key.localeCompare(b.title_key) ||
        a.id - b.id,
    );
    let from = 0;
    if (query.cursor !== undefined) {
      const cursor = decodeCursor(query.cursor, 'rank');
      from = Number(cursor.value);
      if (rows[from - 1]?.id !== cursor.id) throw BAD_CURSOR();
    }
    const pageRows = rows.slice(from, from + query.limit);
    const last = pageRows[pageRows.length - 1];
    const end = from + pageRows.length;
    return {
      pageRows,
      nextCursor: end < rows.length && last ? encodeCursor('rank', end, last.id) : null,
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

// Orders the matching entries of one challenge by rank in memory: far more than any challenge has.
const RANKED_MAX = 10_000;

function sortValue(
  row: { submitted_at: string | null; title_key: string; word_count: number; kudos_count: number },
  sort: EntrySort,
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
  const numeric = sort === 'length' || sort === 'kudos' || sort === 'rank';
  if (
    !cursor.success ||
    cursor.data.s !== sort ||
    typeof cursor.data.v !== (numeric ? 'number' : 'string')
  ) {
    throw BAD_CURSOR();
  }
  return { value: cursor.data.v, id: cursor.data.i };
}
