import { describe, expect, it } from 'vitest';
import {
  facetChoices,
  filterParams,
  narrowed,
  queryString,
  ratingChoices,
  readFilters,
  sortOptionsFor,
  resultsHeading,
} from './entry-filters';

const read = (query: string) => readFilters(new URLSearchParams(query));

describe('readFilters and filterParams', () => {
  it('drops the empty fields a plain form sends, and the default order', () => {
    const filters = read(
      'q=&rating=&excludeRating=explicit&prompt=&minWords=&maxWords=&sort=newest',
    );
    expect(queryString(filterParams(filters))).toBe('?excludeRating=explicit');
  });

  it('writes every filter state one way, whatever order the URL had', () => {
    const a = read('sort=kudos&fandom=Angel&q=tea&excludeRating=explicit&excludeRating=mature');
    const b = read('excludeRating=explicit,mature&q=tea&fandom=Angel&sort=kudos');
    expect(filterParams(a).toString()).toBe(filterParams(b).toString());
    expect(filterParams(a).toString()).toBe(
      'q=tea&excludeRating=explicit&excludeRating=mature&fandom=Angel&sort=kudos',
    );
  });

  it('is stable: reading what it wrote gives the same address', () => {
    const once = filterParams(read('q="a phrase" pre*&minWords=100&character=Willow&rating=teen'));
    expect(filterParams(readFilters(once)).toString()).toBe(once.toString());
  });

  it('adds the cursor of a later page last, and ignores parameters it does not know', () => {
    expect(filterParams(read('utm_source=x&q=tea'), 'abc').toString()).toBe('q=tea&cursor=abc');
  });

  it('keeps values it cannot judge for the API to name', () => {
    expect(filterParams(read('minWords=lots&sort=sideways')).toString()).toBe(
      'minWords=lots&sort=sideways',
    );
  });
});

describe('narrowed', () => {
  it('is true for a filter or a search, not for an order alone', () => {
    expect(narrowed(read(''))).toBe(false);
    expect(narrowed(read('sort=title'))).toBe(false);
    expect(narrowed(read('q=tea'))).toBe(true);
    expect(narrowed(read('excludeWarning=Major character death'))).toBe(true);
    expect(narrowed(read('maxWords=1000'))).toBe(true);
  });
});

describe('ratingChoices', () => {
  it('lists every rating in scale order with its count, 0 when the facet lacks it', () => {
    const choices = ratingChoices(
      [
        { key: 'explicit', label: 'explicit', count: 2 },
        { key: 'teen', label: 'teen', count: 1 },
      ],
      'rating',
    );
    expect(choices.map((c) => c.label)).toEqual([
      'General audiences (0)',
      'Teen and up (1)',
      'Mature (0)',
      'Explicit (2)',
      'Not rated (0)',
    ]);
    expect(choices[3]).toMatchObject({ value: 'explicit', id: 'rating-explicit' });
  });
});

describe('facetChoices', () => {
  const facet = [
    { key: 'angel', label: 'Angel', count: 2 },
    { key: 'buffy the vampire slayer', label: 'Buffy the Vampire Slayer', count: 1 },
  ];

  it('labels each value with its count and gives it an id that is valid HTML', () => {
    const { choices } = facetChoices(facet, [], 'fandom');
    expect(choices).toEqual([
      { value: 'angel', label: 'Angel (2)', id: 'fandom-0' },
      { value: 'buffy the vampire slayer', label: 'Buffy the Vampire Slayer (1)', id: 'fandom-1' },
    ]);
  });

  it('ticks a value chosen in another case or spacing as the facet spells it', () => {
    expect(facetChoices(facet, ['Buffy  the Vampire Slayer'], 'fandom').selected).toEqual([
      'buffy the vampire slayer',
    ]);
  });

  it('keeps a chosen value the facet no longer lists, so it can be unticked', () => {
    const { choices, selected } = facetChoices(facet, ['Firefly'], 'fandom');
    expect(choices.at(-1)).toEqual({ value: 'Firefly', label: 'Firefly (0)', id: 'fandom-2' });
    expect(selected).toEqual(['Firefly']);
  });
});

describe('resultsHeading', () => {
  it('counts, and says "match" once the list is narrowed', () => {
    expect(resultsHeading(3, false)).toBe('3 entries');
    expect(resultsHeading(1, true)).toBe('1 entry matches');
    expect(resultsHeading(0, true)).toBe('0 entries match');
  });
});

describe('sortOptionsFor', () => {
  it('offers rank order only once the results are out', () => {
    expect(sortOptionsFor('open').map((o) => o.value)).toEqual([
      'newest',
      'title',
      'length',
      'kudos',
    ]);
    expect(sortOptionsFor('results').map((o) => o.value)).toContain('rank');
    expect(sortOptionsFor('archived').map((o) => o.value)).toContain('rank');
  });
});
