import fc from 'fast-check';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryPage, SaveEntryInput } from '@ficathon/schema';
import { createEntry, defaultPseudId, organizeChallenge, story } from './support/entries';
import { errorPaths, expectProblem, signUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

const SLUG = 'search-lights';

type Header = SaveEntryInput['header'];
/** The stories every search test reads; titles are unique. */
const STORIES: { header: Header; body: string }[] = [
  {
    header: { title: 'Lanterns at Dusk', rating: 'PG-13', fandoms: ['Firefly'] },
    body: 'The lanterns swung over the harbour while Zoë hummed an old song about the sea.',
  },
  {
    header: { title: 'Song of Stone', rating: 'NC-17', fandoms: ['Firefly'] },
    body: 'That song was old before the hills were raised; the lantern maker knew it.',
  },
  {
    // "Song" ends the title and "Old" starts the summary: not a phrase, two fields.
    header: { title: 'The Last Song', rating: 'G', summary: 'Old friends meet again.' },
    body: 'They met at the station and said nothing at all.',
  },
  {
    header: { title: 'Atlantis Rising', rating: 'Mature', warnings: ['Violence'] },
    body: 'Atlantis sank beneath the waves, and the <script>alert("pwned")</script> secret sank too.',
  },
  {
    header: {
      title: 'Winter Harbour',
      rating: 'G',
      warnings: ['Violence'],
      fandoms: ['Angel'],
    },
    body: 'Lantern light on the snow; the harbour froze overnight.',
  },
  {
    header: { title: 'Café Nights', rating: 'PG-13', fandoms: ['angel'] },
    body: 'Søren ordered coffee in the Straße café; the ΩΜΕΓΑ sign flickered over the Ёлка stall.',
  },
  {
    header: { title: 'Odd Words', rating: 'none', characters: ['Zoë'] },
    body: 'A naïve ﬁnal note: don’t e-mail 3.14 to the Œuvre club, or ｆｕｌｌ stop.',
  },
];

/**
 * Facet values in one order (count, then key), for comparing which values and counts the two
 * databases give apart from the order of ties (compared on its own).
 */
const sortFacets = (facets: EntryPage['facets']) =>
  Object.fromEntries(
    Object.entries(facets).map(([dimension, values]) => [
      dimension,
      [...values].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)),
    ]),
  );

const titlesOf = (page: EntryPage) => page.entries.map((e) => e.title).sort();

/** Creates the stories in a new open challenge on the app (the same order on every database). */
async function seedStories(app: Express): Promise<void> {
  const organizer = await signUp(app, { displayName: 'Search Organizer' });
  const writer = await signUp(app, { displayName: 'Search Writer' });
  const pseudId = await defaultPseudId(app, writer.token);
  await organizeChallenge(app, organizer.token, SLUG);
  for (const entry of STORIES) {
    await createEntry(app, writer.token, SLUG, story(pseudId, { ...entry, submit: true }));
  }
}

/** Queries whose syntax FTS5 or to_tsquery would reject if passed through. */
const HOSTILE = [
  '"',
  '""',
  '"unbalanced lantern',
  'lantern"',
  '*',
  '**',
  '*lant',
  'lant**',
  'OR',
  'NOT',
  'AND',
  'lantern OR harbour',
  'NOT lantern',
  'lantern NOT harbour',
  'NEAR(',
  'NEAR(lantern harbour, 2)',
  '^lantern',
  'title:lantern',
  'body:',
  ':',
  '-',
  '-lantern',
  '+lantern',
  '(',
  ')',
  '(lantern',
  '{title body}: lantern',
  '\\',
  "'",
  "lantern' OR '1'='1",
  '%',
  '_',
  '&',
  '|',
  '!',
  '<->',
  'lantern:*',
  'lantern & harbour',
  'lantern | harbour',
  '!lantern',
  'lantern <-> harbour',
  '😀',
  '\u200b',
  'a'.repeat(500),
  'lantern '.repeat(62).slice(0, 500),
  '"'.repeat(500),
  '*'.repeat(500),
  'NEAR('.repeat(100),
];

describe.each(testDatabaseKinds())('full-text search on %s', (kind) => {
  const t = useTestApp(kind);
  const search = (query: string) => request(t.app).get(`/api/challenges/${SLUG}/entries?${query}`);
  const found = async (q: string, more = '') => {
    const res = await search(`q=${encodeURIComponent(q)}${more}`);
    expect(res.status, `${q}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body as EntryPage;
  };

  beforeAll(() => seedStories(t.app));

  it('finds a single word in the story, any case, with it marked in the snippet', async () => {
    for (const q of ['harbour', 'HARBOUR', 'Harbour']) {
      const page = await found(q);
      expect(titlesOf(page), q).toEqual(['Lanterns at Dusk', 'Winter Harbour']);
      expect(page.total).toBe(2);
      for (const entry of page.entries) expect(entry.snippetHtml).toMatch(/<mark>harbour<\/mark>/i);
    }
  });

  it('finds words in the title, summary and header as well as the story', async () => {
    expect(titlesOf(await found('atlantis'))).toEqual(['Atlantis Rising']);
    expect(titlesOf(await found('friends'))).toEqual(['The Last Song']);
    expect(titlesOf(await found('firefly'))).toEqual(['Lanterns at Dusk', 'Song of Stone']);
  });

  it('needs every word, in any order, when they are not quoted', async () => {
    expect(titlesOf(await found('old song'))).toEqual([
      'Lanterns at Dusk',
      'Song of Stone',
      'The Last Song',
    ]);
    expect(titlesOf(await found('song harbour'))).toEqual(['Lanterns at Dusk']);
  });

  it('finds a quoted phrase only where its words are adjacent and in order', async () => {
    const phrase = await found('"old song"');
    expect(titlesOf(phrase)).toEqual(['Lanterns at Dusk']);
    // One mark around the phrase, or one per word.
    expect(phrase.entries[0]!.snippetHtml).toMatch(/<mark>old(<\/mark>\s*<mark>|\s+)song<\/mark>/);
    expect(titlesOf(await found('"an old song about"'))).toEqual(['Lanterns at Dusk']);
    expect(titlesOf(await found('"song about old"'))).toEqual([]);
  });

  it('finds nothing for the reversed phrase, even where a title ends and the summary begins', async () => {
    expect(titlesOf(await found('"song old"'))).toEqual([]);
  });

  it('finds words by prefix with *, and only by prefix', async () => {
    for (const q of ['lant*', 'LANT*', 'Lant*']) {
      expect(titlesOf(await found(q)), q).toEqual([
        'Lanterns at Dusk',
        'Song of Stone',
        'Winter Harbour',
      ]);
    }
    // Without the star a word is whole; "Atlantis" holds "lant" but does not start with it.
    expect(titlesOf(await found('lant'))).toEqual([]);
    const marked = await found('lant*', '&sort=title');
    expect(marked.entries[0]!.snippetHtml).toContain('<mark>lanterns</mark>');
  });

  it('folds accents both ways: zoe finds Zoë, café finds cafe', async () => {
    for (const q of ['zoe', 'ZOË', 'Zoë']) {
      expect(titlesOf(await found(q)), q).toEqual(['Lanterns at Dusk', 'Odd Words']);
    }
    for (const q of ['cafe', 'café', 'CAFÉ']) {
      expect(titlesOf(await found(q)), q).toEqual(['Café Nights']);
    }
  });

  it('finds a word spelled exactly as the story spells it', async () => {
    for (const [q, title] of [
      ['Søren', 'Café Nights'],
      ['Straße', 'Café Nights'],
      ['ΩΜΕΓΑ', 'Café Nights'],
      ['Ёлка', 'Café Nights'],
      ['ﬁnal', 'Odd Words'],
      ['ｆｕｌｌ', 'Odd Words'],
      ['Œuvre', 'Odd Words'],
    ] as const) {
      expect.soft(titlesOf(await found(q)), q).toEqual([title]);
    }
  });

  it('marks an accented word found without its accent', async () => {
    const page = await found('zoe', '&sort=title');
    expect(page.entries[0]!.title).toBe('Lanterns at Dusk');
    expect(page.entries[0]!.snippetHtml).toContain('<mark>Zoë</mark>');
  });

  it('combines with filters, facets and every sort', async () => {
    const page = await found('lant*', '&excludeRating=explicit&sort=title');
    expect(page.entries.map((e) => e.title)).toEqual(['Lanterns at Dusk', 'Winter Harbour']);
    expect(page.total).toBe(2);
    // The rating facet counts the search's matches under the other filters.
    expect(page.facets.rating).toEqual(
      expect.arrayContaining([
        { key: 'teen', label: 'teen', count: 1 },
        { key: 'explicit', label: 'explicit', count: 1 },
        { key: 'general', label: 'general', count: 1 },
      ]),
    );
    expect(page.facets.rating).toHaveLength(3);
    expect(titlesOf(await found('lant*', '&fandom=Angel'))).toEqual(['Winter Harbour']);
    expect(titlesOf(await found('lant*', '&excludeWarning=violence'))).toEqual([
      'Lanterns at Dusk',
      'Song of Stone',
    ]);
    const byTitle = await found('harbour', '&sort=title&limit=1');
    expect(byTitle.entries.map((e) => e.title)).toEqual(['Lanterns at Dusk']);
    const rest = await found('harbour', `&sort=title&limit=1&cursor=${byTitle.nextCursor}`);
    expect(rest.entries.map((e) => e.title)).toEqual(['Winter Harbour']);
    expect(rest.nextCursor).toBeNull();
  });

  it('escapes the story’s HTML in the snippet and only adds <mark>', async () => {
    const page = await found('secret');
    expect(titlesOf(page)).toEqual(['Atlantis Rising']);
    const snippet = page.entries[0]!.snippetHtml!;
    expect(snippet).toContain('<mark>secret</mark>');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    // The writer's text is shown as written, escaped, not dropped.
    expect(snippet).toContain('&lt;script&gt;');
  });

  it.each(HOSTILE.map((q) => [q]))('answers %j with a list, never an error', async (q) => {
    const page = await found(q);
    expect(page.entries.length).toBe(page.total);
    for (const entry of page.entries)
      expect(STORIES.map((s) => s.header.title)).toContain(entry.title);
  });

  it('reads operators and stray quotes as plain words or separators', async () => {
    expect(titlesOf(await found('"unbalanced lantern'))).toEqual([]);
    expect(titlesOf(await found('lantern"'))).toEqual(['Song of Stone', 'Winter Harbour']);
    expect(titlesOf(await found('-lantern'))).toEqual(['Song of Stone', 'Winter Harbour']);
    expect(titlesOf(await found('title:atlantis'))).toEqual([]);
    // Nothing to search for is no search at all.
    for (const q of ['*', '"', '""', '-', ':', '😀']) {
      expect((await found(q)).total, q).toBe(STORIES.length);
    }
  });

  it('never answers 500 to any query up to 500 characters', async () => {
    const piece = fc.oneof(
      fc.constantFrom(...'"*():^-+{}[]\\\'%_&|!<>,.;~`@#$= \t'.split('')),
      fc.constantFrom('OR', 'AND', 'NOT', 'NEAR', 'NEAR(', '<->', ':*', 'lant', 'harbour', 'zoë'),
      fc.string({ maxLength: 3, unit: 'grapheme' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 80 }), async (pieces) => {
        let q = '';
        for (const next of pieces) {
          if (q.length + next.length > 500) break;
          q += next;
        }
        const res = await search(`q=${encodeURIComponent(q)}`);
        expect(res.status, `${JSON.stringify(q)}: ${JSON.stringify(res.body)}`).toBe(200);
      }),
      { numRuns: 150 },
    );
  });

  it('takes 500 characters and answers 400 naming q beyond', async () => {
    expect((await search(`q=${'a'.repeat(500)}`)).status).toBe(200);
    const long = await search(`q=${'a'.repeat(501)}`);
    expectProblem(long, 400, 'VALIDATION_FAILED');
    expect(errorPaths(long)).toEqual(['q']);
  });
});

describe.skipIf(testDatabaseKinds().length < 2)('search on SQLite and PostgreSQL', () => {
  const sqlite = useTestApp('sqlite');
  const postgres = useTestApp('postgres');

  beforeAll(async () => {
    await seedStories(sqlite.app);
    await seedStories(postgres.app);
  });

  /** What a reader sees of a search: titles in order, the total, marked words and facets. */
  const answer = async (app: Express, query: string, sortedFacets = true) => {
    const res = await request(app).get(`/api/challenges/${SLUG}/entries?${query}`);
    if (res.status !== 200) return { status: res.status, code: res.body.code };
    const page = res.body as EntryPage;
    return {
      status: 200,
      titles: page.entries.map((e) => e.title),
      total: page.total,
      marked: page.entries.map((e) =>
        // One mark per phrase or one per word: compare the words marked.
        [...(e.snippetHtml ?? '').matchAll(/<mark>(.*?)<\/mark>/g)].flatMap((m) =>
          m[1]!.toLowerCase().split(/\s+/),
        ),
      ),
      facets: sortedFacets ? sortFacets(page.facets) : page.facets,
    };
  };

  it.each([
    'harbour',
    '"old song"',
    '"song old"',
    'lant*',
    'zoe',
    'cafe',
    'soren',
    'søren',
    'strasse',
    'straße',
    'ωμεγα',
    'ΩΜΕΓΑ',
    'ёлка',
    'елка',
    'naive',
    'final',
    'ﬁnal',
    'full',
    'ｆｕｌｌ',
    'oeuvre',
    'œuvre',
    'don’t',
    "don't",
    'dont',
    'mail',
    '3.14',
    '14',
    'secret',
  ])('finds the same entries and marks the same words for %j', async (q) => {
    const query = `q=${encodeURIComponent(q)}&sort=title`;
    expect(await answer(postgres.app, query)).toEqual(await answer(sqlite.app, query));
  });

  it.each(HOSTILE.map((q) => [q]))('answers %j the same way', async (q) => {
    const query = `q=${encodeURIComponent(q)}&sort=title`;
    expect(await answer(postgres.app, query)).toEqual(await answer(sqlite.app, query));
  });

  it('gives the same facets, labels included, for the same data', async () => {
    for (const query of ['sort=title', 'fandom=ANGEL&sort=title', 'excludeWarning=violence']) {
      expect(await answer(postgres.app, query, false), query).toEqual(
        await answer(sqlite.app, query, false),
      );
    }
  });
});
