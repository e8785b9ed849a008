import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../database';
import type { EntryStatus, StoredRating } from '../tables/entry.table';
import { isPostgres, type Executor } from './executor';
import type { EntryListRow } from './entry.repository';

export type EntrySort = 'newest' | 'title' | 'length' | 'kudos';
export type FacetDimension = 'rating' | 'warning' | 'fandom' | 'pairing' | 'character' | 'prompt';

/** A search already written in each database's syntax (see @ficathon/core search-query). */
export interface EntrySearch {
  fts5: string;
  tsquery: string;
}

export interface EntryFilter {
  challengeId: number;
  statuses: readonly EntryStatus[];
  ratings?: readonly StoredRating[];
  excludeRatings?: readonly StoredRating[];
  /** Folded tag keys (see tagKey): an entry with any of these warnings is left out. */
  excludeWarnings?: readonly string[];
  /** Every given fandom / pairing / character must be on the entry. */
  fandoms?: readonly string[];
  pairings?: readonly string[];
  characters?: readonly string[];
  /**
   * The reader's account filters: hidden everywhere, so facets never offer them either (unlike
   * the page's own include/exclude choices, which a facet leaves out to show every choice).
   */
  hiddenRatings?: readonly StoredRating[];
  hiddenWarnings?: readonly string[];
  /** Tags of any kind (including freeform tags) the reader hides everywhere. */
  hiddenTags?: readonly string[];
  promptId?: number;
  minWords?: number;
  maxWords?: number;
  search?: EntrySearch;
}

export interface SearchDocument {
  title: string;
  summary: string;
  header: string;
  body: string;
}

/** Where the previous page ended: the sort value and id of its last entry. */
export interface EntryCursor {
  value: string | number;
  id: number;
}

type EntryQuery = SelectQueryBuilder<Database, 'entry', object>;
const SORTS: Record<
  EntrySort,
  { column: 'submitted_at' | 'title_key' | 'word_count' | 'kudos_count'; direction: 'asc' | 'desc' }
> = {
  newest: { column: 'submitted_at', direction: 'desc' },
  title: { column: 'title_key', direction: 'asc' },
  length: { column: 'word_count', direction: 'desc' },
  kudos: { column: 'kudos_count', direction: 'desc' },
};

/** Readers' queries over a challenge's entries: filters, facets, keyset pages and full-text search. */
export class EntryBrowseRepository {
  constructor(private readonly db: Executor) {}

  /** One page in the given order, starting after `cursor`. */
  async page(
    filter: EntryFilter,
    sort: EntrySort,
    cursor: EntryCursor | null,
    limit: number,
  ): Promise<EntryListRow[]> {
    const { column, direction } = SORTS[sort];
    const ref = `entry.${column}` as const;
    let query = this.filtered(filter)
      .innerJoin('pseud', 'pseud.id', 'entry.pseud_id')
      .selectAll('entry')
      .select('pseud.name as pseud_name');
    if (cursor) {
      const op = direction === 'desc' ? '<' : '>';
      query = query.where((eb) =>
        eb.or([
          eb(ref, op, cursor.value),
          eb.and([eb(ref, '=', cursor.value), eb('entry.id', op, cursor.id)]),
        ]),
      );
    }
    return query.orderBy(ref, direction).orderBy('entry.id', direction).limit(limit).execute();
  }

  async count(filter: EntryFilter): Promise<number> {
    const { n } = await this.filtered(filter)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /**
   * How many entries have each value of one dimension, among those matching every other filter
   * (so a reader sees what choosing, or excluding, a value would leave). Most common first.
   */
  async facet(
    filter: EntryFilter,
    dimension: FacetDimension,
    max = 50,
  ): Promise<{ value: string; key: string; count: number }[]> {
    const others = withoutDimension(filter, dimension);
    if (dimension === 'rating' || dimension === 'prompt') {
      const column = dimension === 'rating' ? 'entry.rating' : 'entry.prompt_id';
      const rows = await this.filtered(others)
        .select([
          sql<string>`${sql.ref(column)}`.as('key'),
          (eb) => eb.fn.countAll<number | string>().as('n'),
        ])
        .where(column, 'is not', null)
        .groupBy(column)
        .orderBy('n', 'desc')
        .orderBy(column)
        .execute();
      return rows.map((row) => ({
        value: String(row.key),
        key: String(row.key),
        count: Number(row.n),
      }));
    }
    const rows = await this.filtered(others)
      .innerJoin('entry_tag', 'entry_tag.entry_id', 'entry.id')
      .where('entry_tag.kind', '=', dimension)
      .select([
        'entry_tag.value_key as key',
        (eb) => eb.fn.min('entry_tag.value').as('value'),
        (eb) => eb.fn.countAll<number | string>().as('n'),
      ])
      .groupBy('entry_tag.value_key')
      .orderBy('n', 'desc')
      .orderBy('entry_tag.value_key')
      .limit(max)
      .execute();
    return rows.map((row) => ({ value: String(row.value), key: row.key, count: Number(row.n) }));
  }

  /** Replaces the entry's filterable tags (call inside the transaction that saves the entry). */
  async replaceTags(
    entryId: number,
    tags: readonly { kind: string; value: string; valueKey: string }[],
  ): Promise<void> {
    await this.db.deleteFrom('entry_tag').where('entry_id', '=', entryId).execute();
    if (tags.length === 0) return;
    await this.db
      .insertInto('entry_tag')
      .values(
        tags.map((tag) => ({
          entry_id: entryId,
          kind: tag.kind,
          value: tag.value,
          value_key: tag.valueKey,
        })),
      )
      .execute();
  }

  /**
   * Writes the entry into the full-text index (title and summary weigh most, then header, body).
   * `folded` is the text as plain folded words (foldToWords in @ficathon/core) on both databases:
   * PostgreSQL's own parser would keep "Ines/Corrin" or "3.14" whole, and SQLite's tokenizer does
   * not unfold "ﬁ" or full-width letters, so both index and search the same words.
   */
  async indexForSearch(entryId: number, folded: SearchDocument): Promise<void> {
    if (isPostgres(this.db)) {
      await sql`update entry set search_vector =
          setweight(to_tsvector('simple', ${folded.title}), 'A') ||
          setweight(to_tsvector('simple', ${folded.summary}), 'B') ||
          setweight(to_tsvector('simple', ${folded.header}), 'C') ||
          setweight(to_tsvector('simple', ${folded.body}), 'D')
        where id = ${entryId}`.execute(this.db);
      return;
    }
    await sql`delete from entry_search where rowid = ${entryId}`.execute(this.db);
    await sql`insert into entry_search (rowid, title, summary, header, body)
      values (${entryId}, ${folded.title}, ${folded.summary}, ${folded.header}, ${folded.body})`.execute(
      this.db,
    );
  }

  private filtered(filter: EntryFilter): EntryQuery {
    let query: EntryQuery = this.db
      .selectFrom('entry')
      .where('entry.challenge_id', '=', filter.challengeId)
      .where('entry.status', 'in', filter.statuses);
    if (filter.ratings?.length) query = query.where('entry.rating', 'in', filter.ratings);
    if (filter.excludeRatings?.length)
      query = query.where('entry.rating', 'not in', filter.excludeRatings);
    if (filter.hiddenRatings?.length)
      query = query.where('entry.rating', 'not in', filter.hiddenRatings);
    if (filter.promptId !== undefined) query = query.where('entry.prompt_id', '=', filter.promptId);
    if (filter.minWords !== undefined)
      query = query.where('entry.word_count', '>=', filter.minWords);
    if (filter.maxWords !== undefined)
      query = query.where('entry.word_count', '<=', filter.maxWords);
    if (filter.excludeWarnings?.length) {
      const keys = filter.excludeWarnings;
      query = query.where((eb) => eb.not(hasTag(eb, 'warning', keys)));
    }
    if (filter.hiddenWarnings?.length) {
      const keys = filter.hiddenWarnings;
      query = query.where((eb) => eb.not(hasTag(eb, 'warning', keys)));
    }
    if (filter.hiddenTags?.length) {
      const keys = filter.hiddenTags;
      query = query.where((eb) => eb.not(hasTag(eb, null, keys)));
    }
    for (const [kind, keys] of [
      ['fandom', filter.fandoms],
      ['pairing', filter.pairings],
      ['character', filter.characters],
    ] as const) {
      for (const key of keys ?? []) query = query.where((eb) => hasTag(eb, kind, [key]));
    }
    if (filter.search) {
      const search = filter.search;
      query = isPostgres(this.db)
        ? query.where(sql<boolean>`entry.search_vector @@ to_tsquery('simple', ${search.tsquery})`)
        : query.where(
            sql<boolean>`entry.id in (select rowid from entry_search where entry_search match ${search.fts5})`,
          );
    }
    return query;
  }
}

function hasTag(
  eb: ExpressionBuilder<Database, 'entry'>,
  kind: string | null,
  keys: readonly string[],
) {
  let sub = eb
    .selectFrom('entry_tag')
    .select('entry_tag.entry_id')
    .whereRef('entry_tag.entry_id', '=', 'entry.id')
    .where('entry_tag.value_key', 'in', keys);
  if (kind !== null) sub = sub.where('entry_tag.kind', '=', kind);
  return eb.exists(sub);
}

/** The filter without the dimension a facet counts, so the facet shows every choice. */
function withoutDimension(filter: EntryFilter, dimension: FacetDimension): EntryFilter {
  switch (dimension) {
    case 'rating':
      return { ...filter, ratings: undefined, excludeRatings: undefined };
    case 'warning':
      return { ...filter, excludeWarnings: undefined };
    case 'fandom':
      return { ...filter, fandoms: undefined };
    case 'pairing':
      return { ...filter, pairings: undefined };
    case 'character':
      return { ...filter, characters: undefined };
    case 'prompt':
      return { ...filter, promptId: undefined };
  }
}
