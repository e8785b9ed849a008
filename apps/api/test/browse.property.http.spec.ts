import fc from 'fast-check';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryDetail, EntryPage, Rating } from '@ficathon/schema';
import { createEntry, defaultPseudId, organizeChallenge, story } from './support/entries';
import { bearer, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

/*
 * The filter and sort endpoint against a brute-force filter over the same entries: generated once
 * (fixed seed) and created through the API, then queried with generated filters, every page
 * followed to the end.
 */

const RATINGS: readonly Rating[] = ['general', 'teen', 'mature', 'explicit', 'not_rated'];
/** Ratings as writers type them, with where each belongs on the scale. */
const RAW_RATINGS: readonly [string | undefined, Rating][] = [
  ['G', 'general'],
  ['PG-13', 'teen'],
  ['Mature', 'mature'],
  ['NC-17', 'explicit'],
  ['none', 'not_rated'],
  [undefined, 'not_rated'],
];

/** Spellings that must match each other: case, accents and spacing around / and & do not count. */
type Groups = Record<string, readonly string[]>;
const WARNINGS: Groups = {
  violence: ['Violence', 'violence', 'VIOLENCE'],
  death: ['Major Character Death', 'major character death'],
  noncon: ['Rape/Non-Con', 'rape / non-con'],
};
const FANDOMS: Groups = {
  angel: ['Angel', 'angel'],
  pokemon: ['Pokémon', 'Pokemon', 'POKÉMON'],
  firefly: ['Firefly'],
  omens: ['Good Omens', 'good  omens'],
};
const PAIRINGS: Groups = {
  spikewes: ['Spike/Wesley', 'spike / wesley'],
  zoewash: ['Zoë & Wash', 'Zoe&Wash', 'zoë&wash'],
  ineffable: ['Aziraphale/Crowley'],
};
const CHARACTERS: Groups = {
  zoe: ['Zoë', 'Zoe', 'ZOË'],
  river: ['River Tam', 'river tam'],
  wash: ['Wash'],
};
const spellings = (groups: Groups) => Object.values(groups).flat();
const groupOf = (groups: Groups, spelling: string): string => {
  const found = Object.entries(groups).find(([, values]) => values.includes(spelling));
  if (!found) throw new Error(`no group spells "${spelling}"`);
  return found[0];
};

/**
 * Title words whose lower-cased byte order differs from a dictionary's: accents sort after "z",
 * punctuation and digits before letters, capitals fold.
 */
const TITLE_WORDS = ['apple', 'Apple', 'banana', 'Éclair', 'éclair', 'zebra', '_under', 'Ωmega'];
const TITLE_WORDS_ODD = ['10', '2', 'a-b', 'ab', 'A b'];
/** Story words: none appears in a title or a tag, so a search for one only finds stories. */
const BODY_WORDS = ['amber', 'birch', 'cobalt', 'garnet', 'garland', 'harbor'];
const FILLER = 'lorem';

interface Generated {
  title: string;
  rating: readonly [string | undefined, Rating];
  warnings: string[];
  fandoms: string[];
  pairings: string[];
  characters: string[];
  promptIndex: number | null;
  words: string[];
  hoursLater: number;
  kudos: number;
}

const entryArbitrary: fc.Arbitrary<Generated> = fc.record({
  title: fc
    .array(fc.constantFrom(...TITLE_WORDS, ...TITLE_WORDS_ODD), { minLength: 1, maxLength: 3 })
    .map((words) => words.join(' ')),
  rating: fc.constantFrom(...RAW_RATINGS),
  warnings: fc.uniqueArray(fc.constantFrom(...spellings(WARNINGS)), { maxLength: 3 }),
  fandoms: fc.uniqueArray(fc.constantFrom(...spellings(FANDOMS)), { maxLength: 2 }),
  pairings: fc.uniqueArray(fc.constantFrom(...spellings(PAIRINGS)), { maxLength: 2 }),
  characters: fc.uniqueArray(fc.constantFrom(...spellings(CHARACTERS)), { maxLength: 3 }),
  promptIndex: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  words: fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(FILLER) },
      { weight: 1, arbitrary: fc.constantFrom(...BODY_WORDS) },
    ),
    { minLength: 1, maxLength: 40 },
  ),
  // Few distinct times, word counts and kudos: ties that only the id can break.
  hoursLater: fc.integer({ min: 0, max: 6 }),
  kudos: fc.integer({ min: 0, max: 3 }),
});

/** An entry as the brute force knows it. */
interface Known {
  id: number;
  titleKey: Buffer;
  rating: Rating;
  warnings: Set<string>;
  fandoms: Set<string>;
  pairings: Set<string>;
  characters: Set<string>;
  promptId: number | null;
  wordCount: number;
  words: string[];
  submittedAt: string;
  kudos: number;
}

type Sort = 'newest' | 'title' | 'length' | 'kudos';
interface Query {
  rating?: Rating[];
  excludeRating?: Rating[];
  excludeWarning?: string[];
  fandom?: string[];
  pairing?: string[];
  character?: string[];
  promptIndex?: number;
  minWords?: number;
  maxWords?: number;
  q?: { text: string; matches: (words: string[]) => boolean };
  sort: Sort;
  limit: number;
  /** Send lists as `a,b` or as repeated parameters. */
  repeat: boolean;
}

/** Present about one time in `every`. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, every = 4): fc.Arbitrary<T | undefined> =>
  fc.oneof(
    { weight: every - 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: arbitrary },
  );

const has = (words: string[], run: string[]) =>
  words.some((_, at) => run.every((word, k) => words[at + k] === word));

const searchArbitrary = fc.oneof(
  fc.constantFrom(...BODY_WORDS).map((word) => ({
    text: word.toUpperCase(),
    matches: (words: string[]) => words.includes(word),
  })),
  fc.constantFrom('gar', 'harb', 'cob').map((start) => ({
    text: `${start}*`,
    matches: (words: string[]) => words.some((w) => w.startsWith(start)),
  })),
  fc
    .tuple(fc.constantFrom(FILLER, ...BODY_WORDS), fc.constantFrom(...BODY_WORDS))
    .map(([a, b]) => ({ text: `"${a} ${b}"`, matches: (words: string[]) => has(words, [a, b]) })),
);

const queryArbitrary: fc.Arbitrary<Query> = fc
  .record({
    rating: sometimes(fc.subarray([...RATINGS], { minLength: 1 })),
    excludeRating: sometimes(fc.subarray([...RATINGS], { minLength: 1, maxLength: 2 })),
    excludeWarning: sometimes(
      fc.uniqueArray(fc.constantFrom(...spellings(WARNINGS)), { minLength: 1, maxLength: 2 }),
    ),
    fandom: sometimes(
      fc.uniqueArray(fc.constantFrom(...spellings(FANDOMS)), { minLength: 1, maxLength: 2 }),
    ),
    pairing: sometimes(
      fc.constantFrom(...spellings(PAIRINGS)).map((p) => [p]),
      6,
    ),
    character: sometimes(
      fc.constantFrom(...spellings(CHARACTERS)).map((c) => [c]),
      6,
    ),
    promptIndex: sometimes(fc.integer({ min: 0, max: 2 }), 5),
    minWords: sometimes(fc.integer({ min: 0, max: 45 })),
    maxWords: sometimes(fc.integer({ min: 0, max: 45 })),
    q: sometimes(searchArbitrary, 5),
    sort: fc.constantFrom<Sort>('newest', 'title', 'length', 'kudos'),
    limit: fc.integer({ min: 1, max: 7 }),
    repeat: fc.boolean(),
  })
  .map((query) => {
    // minWords above maxWords is a 400 (tested in browse.http.spec.ts); keep the range valid.
    if (
      query.minWords !== undefined &&
      query.maxWords !== undefined &&
      query.minWords > query.maxWords
    ) {
      return { ...query, minWords: query.maxWords, maxWords: query.minWords };
    }
    return query;
  });

const ENTRY_SEED = 20_261_122;
const ENTRY_COUNT = 36;

describe.each(testDatabaseKinds())('the entry list against a brute-force filter on %s', (kind) => {
  const t = useTestApp(kind);
  const slug = 'property-browse';
  const known: Known[] = [];
  let promptIds: number[] = [];
  let organizer: SignedUp;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Property Organizer' });
    const writer = await signUp(t.app, { displayName: 'Property Writer' });
    const readers = [
      await signUp(t.app, { displayName: 'Property Reader 1' }),
      await signUp(t.app, { displayName: 'Property Reader 2' }),
      await signUp(t.app, { displayName: 'Property Reader 3' }),
    ];
    const pseudId = await defaultPseudId(t.app, writer.token);
    const made = await organizeChallenge(t.app, organizer.token, slug, {
      prompts: ['First Song', 'Second Song', 'Third Song'].map((title) => ({
        kind: 'lyrics',
        title,
        body: 'A line to quote',
      })),
    });
    promptIds = made.prompts.map((p) => p.id);

    // Entries submitted at a few distinct times, out of id order, so "newest" is not "last made".
    const start = Date.now();
    let at = start;
    const writingApp: Express = t.buildApp({ clock: () => new Date(at) });
    const generated = fc.sample(entryArbitrary, { seed: ENTRY_SEED, numRuns: ENTRY_COUNT });
    for (const entry of generated) {
      at = start + entry.hoursLater * 60 * 60 * 1000;
      const header = {
        title: entry.title,
        rating: entry.rating[0],
        ...(entry.warnings.length > 0 ? { warnings: entry.warnings } : {}),
        ...(entry.fandoms.length > 0 ? { fandoms: entry.fandoms } : {}),
        ...(entry.pairings.length > 0 ? { pairings: entry.pairings } : {}),
        ...(entry.characters.length > 0 ? { characters: entry.characters } : {}),
      };
      const created: EntryDetail = await createEntry(
        writingApp,
        writer.token,
        slug,
        story(pseudId, {
          header,
          promptId: entry.promptIndex === null ? null : promptIds[entry.promptIndex]!,
          body: entry.words.join(' '),
          submit: true,
        }),
      );
      expect(created.rating.normalized).toBe(entry.rating[1]);
      expect(created.wordCount).toBe(entry.words.length);
      for (const reader of readers.slice(0, entry.kudos)) {
        await request(t.app)
          .post(`/api/entries/${created.id}/kudos`)
          .set(bearer(reader.token))
          .expect(201);
      }
      known.push({
        id: created.id,
        titleKey: Buffer.from(entry.title.toLowerCase(), 'utf8'),
        rating: entry.rating[1],
        warnings: new Set(entry.warnings.map((w) => groupOf(WARNINGS, w))),
        fandoms: new Set(entry.fandoms.map((f) => groupOf(FANDOMS, f))),
        pairings: new Set(entry.pairings.map((p) => groupOf(PAIRINGS, p))),
        characters: new Set(entry.characters.map((c) => groupOf(CHARACTERS, c))),
        promptId: entry.promptIndex === null ? null : promptIds[entry.promptIndex]!,
        wordCount: entry.words.length,
        words: entry.words,
        submittedAt: created.submittedAt!,
        kudos: entry.kudos,
      });
    }
  }, 60_000);

  type Dimension = 'rating' | 'warning' | 'fandom' | 'pairing' | 'character' | 'prompt';

  /** The brute force: does the entry pass every filter but the one a facet counts? */
  const passes = (entry: Known, query: Query, ignoring?: Dimension): boolean => {
    const keys = (groups: Groups, values: string[] | undefined) =>
      (values ?? []).map((v) => groupOf(groups, v));
    if (ignoring !== 'rating') {
      if (query.rating && !query.rating.includes(entry.rating)) return false;
      if (query.excludeRating?.includes(entry.rating)) return false;
    }
    if (ignoring !== 'warning') {
      if (keys(WARNINGS, query.excludeWarning).some((w) => entry.warnings.has(w))) return false;
    }
    if (ignoring !== 'fandom' && !keys(FANDOMS, query.fandom).every((f) => entry.fandoms.has(f)))
      return false;
    if (
      ignoring !== 'pairing' &&
      !keys(PAIRINGS, query.pairing).every((p) => entry.pairings.has(p))
    )
      return false;
    if (
      ignoring !== 'character' &&
      !keys(CHARACTERS, query.character).every((c) => entry.characters.has(c))
    )
      return false;
    if (
      ignoring !== 'prompt' &&
      query.promptIndex !== undefined &&
      entry.promptId !== promptIds[query.promptIndex]
    )
      return false;
    if (query.minWords !== undefined && entry.wordCount < query.minWords) return false;
    if (query.maxWords !== undefined && entry.wordCount > query.maxWords) return false;
    if (query.q && !query.q.matches(entry.words)) return false;
    return true;
  };

  const ordered = (entries: Known[], sort: Sort): Known[] =>
    [...entries].sort((a, b) => {
      switch (sort) {
        case 'newest':
          return (
            (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0) ||
            b.id - a.id
          );
        case 'title':
          return Buffer.compare(a.titleKey, b.titleKey) || a.id - b.id;
        case 'length':
          return b.wordCount - a.wordCount || b.id - a.id;
        case 'kudos':
          return b.kudos - a.kudos || b.id - a.id;
      }
    });

  /** Per-value counts of one dimension among the entries matching every other filter. */
  const expectedFacet = (query: Query, dimension: Dimension): Record<string, number> => {
    const counts: Record<string, number> = {};
    const add = (value: string) => (counts[value] = (counts[value] ?? 0) + 1);
    for (const entry of known.filter((e) => passes(e, query, dimension))) {
      if (dimension === 'rating') add(entry.rating);
      else if (dimension === 'prompt') {
        if (entry.promptId !== null) add(String(entry.promptId));
      } else {
        const values = {
          warning: entry.warnings,
          fandom: entry.fandoms,
          pairing: entry.pairings,
          character: entry.characters,
        }[dimension];
        for (const value of values) add(value);
      }
    }
    return counts;
  };

  /** The API's facet as counts per value (tag facets by spelling group, each listed once). */
  const actualFacet = (page: EntryPage, dimension: Dimension): Record<string, number> => {
    const groups: Groups | undefined = {
      rating: undefined,
      prompt: undefined,
      warning: WARNINGS,
      fandom: FANDOMS,
      pairing: PAIRINGS,
      character: CHARACTERS,
    }[dimension];
    const counts: Record<string, number> = {};
    for (const value of page.facets[dimension]) {
      const name = groups ? groupOf(groups, value.label) : value.key;
      expect(counts[name], `${dimension} "${name}" listed twice`).toBeUndefined();
      counts[name] = value.count;
    }
    return counts;
  };

  const urlOf = (query: Query, cursor: string | null): string => {
    const params = new URLSearchParams();
    const list = (name: string, values: string[] | undefined) => {
      if (!values) return;
      if (query.repeat) for (const value of values) params.append(name, value);
      else params.set(name, values.join(','));
    };
    list('rating', query.rating);
    list('excludeRating', query.excludeRating);
    list('excludeWarning', query.excludeWarning);
    list('fandom', query.fandom);
    list('pairing', query.pairing);
    list('character', query.character);
    if (query.promptIndex !== undefined) params.set('prompt', String(promptIds[query.promptIndex]));
    if (query.minWords !== undefined) params.set('minWords', String(query.minWords));
    if (query.maxWords !== undefined) params.set('maxWords', String(query.maxWords));
    if (query.q) params.set('q', query.q.text);
    params.set('sort', query.sort);
    params.set('limit', String(query.limit));
    if (cursor !== null) params.set('cursor', cursor);
    return `/api/challenges/${slug}/entries?${params.toString()}`;
  };

  it('creates every generated entry through the API', () => {
    expect(known).toHaveLength(ENTRY_COUNT);
    // The data has the ties and spread the property needs.
    expect(new Set(known.map((e) => e.submittedAt)).size).toBeLessThan(ENTRY_COUNT);
    expect(new Set(known.map((e) => e.rating)).size).toBe(RATINGS.length);
    expect(known.some((e) => e.kudos > 0)).toBe(true);
  });

  it('pages through exactly the brute-force result, in order, with its total and facets', async () => {
    await fc.assert(
      fc.asyncProperty(queryArbitrary, async (query) => {
        const expected = ordered(
          known.filter((e) => passes(e, query)),
          query.sort,
        ).map((e) => e.id);
        const seen: number[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const url = urlOf(query, cursor);
          const res = await request(t.app).get(url);
          expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
          const page = res.body as EntryPage;
          pages += 1;
          expect(page.entries.length).toBeLessThanOrEqual(query.limit);
          // A page that says more follow is full; the last page says none follow.
          if (page.nextCursor !== null) expect(page.entries).toHaveLength(query.limit);
          expect(page.total, url).toBe(expected.length);
          for (const entry of page.entries) {
            expect(entry.snippetHtml === null, url).toBe(query.q === undefined);
            if (query.q) expect(entry.snippetHtml, url).toContain('<mark>');
          }
          seen.push(...page.entries.map((e) => e.id));
          if (pages === 1) {
            for (const dimension of [
              'rating',
              'warning',
              'fandom',
              'pairing',
              'character',
              'prompt',
            ] as const) {
              expect(actualFacet(page, dimension), `${dimension} facet of ${url}`).toEqual(
                expectedFacet(query, dimension),
              );
            }
          }
          cursor = page.nextCursor;
          expect(pages, 'more pages than entries').toBeLessThanOrEqual(ENTRY_COUNT + 1);
        } while (cursor !== null);
        expect(new Set(seen).size, 'an entry on two pages').toBe(seen.length);
        expect(seen, urlOf(query, null)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
