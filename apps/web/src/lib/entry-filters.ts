import type { EntryFacets, EntrySortOrder, Rating } from '@ficathon/schema';
import { RATINGS, countLabel, ratingLabel } from './format';

/**
 * The filters of a challenge's entry list as the page's URL holds them. The URL's parameters are
 * the API's own (rating, excludeWarning, q, ...), so a filtered list can be bookmarked and shared,
 * and the page passes them on as they are. Pure and free of zod: the page's form uses it too.
 */

/** Parameters that may appear several times (a group of checkboxes). */
export const LIST_FILTERS = [
  'rating',
  'excludeRating',
  'excludeWarning',
  'fandom',
  'pairing',
  'character',
] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** Parameters with one value. */
export const TEXT_FILTERS = ['q', 'prompt', 'minWords', 'maxWords', 'sort'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

export type EntryFilters = Record<ListFilter, string[]> & Record<TextFilter, string>;

export const DEFAULT_SORT: EntrySortOrder = 'newest';

export const SORT_OPTIONS: { value: EntrySortOrder; label: string }[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'title', label: 'Title (A to Z)' },
  { value: 'length', label: 'Longest first' },
  { value: 'kudos', label: 'Most kudos first' },
];

/** Once the results are published, entries can also be read in the order they placed. */
export const RANK_SORT_OPTION: { value: EntrySortOrder; label: string } = {
  value: 'rank',
  label: 'Rank in the results',
};

/** The orders a challenge's list offers: rank only once its results are out. */
export function sortOptionsFor(phase: string): { value: EntrySortOrder; label: string }[] {
  return phase === 'results' || phase === 'archived'
    ? [...SORT_OPTIONS, RANK_SORT_OPTION]
    : SORT_OPTIONS;
}

/** Every value given for `name`, whether repeated (`a=1&a=2`) or comma-separated (`a=1,2`). */
function listValues(params: URLSearchParams, name: string): string[] {
  const values = params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return [...new Set(values)];
}

/** The filters in a URL's query; unknown parameters are ignored. */
export function readFilters(params: URLSearchParams): EntryFilters {
  const filters = {} as EntryFilters;
  for (const name of LIST_FILTERS) filters[name] = listValues(params, name);
  for (const name of TEXT_FILTERS) filters[name] = (params.get(name) ?? '').trim();
  if (filters.sort === '') filters.sort = DEFAULT_SORT;
  return filters;
}

/**
 * The filters as a query string in one fixed order, without empty fields or the default sort:
 * one address per filter state. `cursor` continues a list at its next page.
 */
export function filterParams(filters: EntryFilters, cursor?: string | null): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q !== '') params.set('q', filters.q);
  for (const name of LIST_FILTERS) {
    for (const value of filters[name]) params.append(name, value);
  }
  for (const name of ['prompt', 'minWords', 'maxWords'] as const) {
    if (filters[name] !== '') params.set(name, filters[name]);
  }
  if (filters.sort !== DEFAULT_SORT) params.set('sort', filters.sort);
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** `?query` for a link, or '' when there is nothing to say. */
export function queryString(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether any filter or search narrows the list (the order alone does not). */
export function narrowed(filters: EntryFilters): boolean {
  return (
    LIST_FILTERS.some((name) => filters[name].length > 0) ||
    filters.q !== '' ||
    filters.prompt !== '' ||
    filters.minWords !== '' ||
    filters.maxWords !== ''
  );
}

/** One checkbox or option of a facet: the value to send, and its label with the count. */
export interface FacetChoice {
  value: string;
  label: string;
  /** A valid HTML id: facet values are free text (spaces, slashes). */
  id: string;
}

function withCount(label: string, count: number): string {
  return `${label} (${count})`;
}

/** The five ratings in scale order, each with how many entries it would leave (or remove). */
export function ratingChoices(facet: EntryFacets['rating'], idPrefix: string): FacetChoice[] {
  const counts = new Map(facet.map((row) => [row.key, row.count]));
  return RATINGS.map((rating: Rating) => ({
    value: rating,
    label: withCount(ratingLabel({ raw: null, normalized: rating }), counts.get(rating) ?? 0),
    id: `${idPrefix}-${rating}`,
  }));
}

/** How facet keys compare: the API folds case and spacing in tag values. */
function fold(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A facet's values with their counts, most common first, plus any value the URL chose that the
 * facet no longer lists (so a choice can always be unticked). `selected` comes back as the
 * facet's own keys, so "Angel" in a URL ticks the box of "angel".
 */
export function facetChoices(
  facet: readonly { key: string; label: string; count: number }[],
  selected: readonly string[],
  idPrefix: string,
): { choices: FacetChoice[]; selected: string[] } {
  const rows = [...facet];
  const byFolded = new Map(rows.map((row) => [fold(row.key), row.key]));
  const chosen: string[] = [];
  for (const value of selected) {
    const key = byFolded.get(fold(value));
    if (key !== undefined) {
      chosen.push(key);
    } else {
      rows.push({ key: value, label: value, count: 0 });
      byFolded.set(fold(value), value);
      chosen.push(value);
    }
  }
  return {
    choices: rows.map((row, i) => ({
      value: row.key,
      label: withCount(row.label, row.count),
      id: `${idPrefix}-${i}`,
    })),
    selected: chosen,
  };
}

/** "3 entries match", "1 entry", for the results heading. */
export function resultsHeading(total: number, isNarrowed: boolean): string {
  const count = countLabel(total, 'entry', 'entries');
  if (!isNarrowed) return count;
  return `${count} ${total === 1 ? 'matches' : 'match'}`;
}
