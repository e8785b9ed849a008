import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryDetail, EntryPage, ReaderPreferences } from '@ficathon/schema';
import {
  asUser,
  createEntry,
  defaultPseudId,
  getEntry,
  organizeChallenge,
  story,
} from './support/entries';
import { bearer, errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

const SLUG = 'filtered-reading';

/** Every story holds this word, so a search finds them all unless a filter hides some. */
const SHARED_WORD = 'moonwell';

describe.each(testDatabaseKinds())('account content filters on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let careful: SignedUp;
  let other: SignedUp;
  const ids: Record<string, number> = {};

  const list = (query: string, token?: string) =>
    request(t.app).get(`/api/challenges/${SLUG}/entries${query}`).set(asUser(token));
  const titlesOf = async (query: string, token?: string) => {
    const res = await list(query, token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const page = res.body as EntryPage;
    return { titles: page.entries.map((e) => e.title).sort(), page };
  };
  const savePreferences = (token: string, prefs: Partial<ReaderPreferences> | object) =>
    request(t.app).put('/api/me/preferences').set(bearer(token)).send(prefs);

  const ALL = [
    'Dark Matter',
    'Fluffy Ending',
    'Gentle Morning',
    'Hard Edge',
    'Pocket Monsters',
    'Serenity Now',
  ];
  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Filter Organizer' });
    writer = await signUp(t.app, { displayName: 'Filter Writer' });
    careful = await signUp(t.app, { displayName: 'Careful Reader' });
    other = await signUp(t.app, { displayName: 'Other Reader' });
    const pseudId = await defaultPseudId(t.app, writer.token);
    await organizeChallenge(t.app, organizer.token, SLUG);
    const post = async (header: Record<string, unknown>) => {
      const entry: EntryDetail = await createEntry(
        t.app,
        writer.token,
        SLUG,
        story(pseudId, {
          header: { title: 'x', ...header },
          body: `The ${SHARED_WORD} glowed.`,
          submit: true,
        }),
      );
      ids[entry.title] = entry.id;
    };
    await post({ title: 'Gentle Morning', rating: 'G', fandoms: ['Angel'] });
    await post({ title: 'Hard Edge', rating: 'NC-17', warnings: ['Violence'], fandoms: ['Angel'] });
    await post({ title: 'Dark Matter', rating: 'Mature', warnings: ['Major Character Death'] });
    await post({ title: 'Pocket Monsters', rating: 'PG-13', fandoms: ['Pokemon'] });
    await post({ title: 'Serenity Now', rating: 'PG-13', pairings: ['Zoë & Wash'] });
    // A freeform tag, as AO3 readers hide "Fluff" or "Character Death" tags.
    await post({ title: 'Fluffy Ending', rating: 'G', tags: ['Fluff'] });

    const saved = await savePreferences(careful.token, {
      hiddenRatings: ['explicit'],
      // Spelled differently from the entries: case, accents and spacing do not matter.
      hiddenWarnings: ['MAJOR character death'],
      hiddenTags: ['pokémon', 'zoe&wash', 'fluff'],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });

  it('keeps the reader’s preferences, with defaults for what they left out', async () => {
    const res = await request(t.app).get('/api/me/preferences').set(bearer(careful.token));
    expect(res.body).toEqual({
      skipAdultGate: false,
      hiddenRatings: ['explicit'],
      hiddenWarnings: ['MAJOR character death'],
      hiddenTags: ['pokémon', 'zoe&wash', 'fluff'],
    });
    const fresh = await request(t.app).get('/api/me/preferences').set(bearer(other.token));
    expect(fresh.body).toEqual({
      skipAdultGate: false,
      hiddenRatings: [],
      hiddenWarnings: [],
      hiddenTags: [],
    });
  });

  it('leaves hidden ratings out of the list for that reader only', async () => {
    const { titles } = await titlesOf('?limit=100', careful.token);
    expect(titles).not.toContain('Hard Edge');
    expect((await titlesOf('?limit=100', other.token)).titles).toEqual(ALL);
    expect((await titlesOf('?limit=100')).titles).toEqual(ALL);
  });

  it('leaves hidden warnings and tags (of any kind, any spelling) out of the list', async () => {
    const { titles } = await titlesOf('', careful.token);
    expect(titles).not.toContain('Dark Matter');
    expect(titles).not.toContain('Pocket Monsters');
    expect(titles).not.toContain('Serenity Now');
  });

  it('leaves entries with a hidden freeform tag out of the list', async () => {
    const { titles } = await titlesOf('', careful.token);
    expect(titles).not.toContain('Fluffy Ending');
  });

  it('shows exactly the rest, with the total counting only them', async () => {
    const { titles, page } = await titlesOf('', careful.token);
    // (The freeform tag has its own test above.)
    expect(titles.filter((title) => title !== 'Fluffy Ending')).toEqual(['Gentle Morning']);
    expect(page.total).toBe(titles.length);
  });

  it('applies to search as to the list', async () => {
    const { titles, page } = await titlesOf(`?q=${SHARED_WORD}`, careful.token);
    const visible = (await titlesOf('', careful.token)).titles;
    expect(titles).toEqual(visible);
    expect(page.total).toBe(visible.length);
    expect((await titlesOf(`?q=${SHARED_WORD}`, other.token)).titles).toEqual(ALL);
  });

  it('combines with the filters the reader picks on the page', async () => {
    // Asking for explicit work does not bring back what the account hides.
    const { titles } = await titlesOf('?rating=explicit,general', careful.token);
    expect(titles).not.toContain('Hard Edge');
    expect((await titlesOf('?rating=explicit', other.token)).titles).toEqual(['Hard Edge']);
  });

  it('counts tag facets without the hidden entries', async () => {
    const { page } = await titlesOf('', careful.token);
    // Angel: "Gentle Morning" only, "Hard Edge" being of a hidden rating.
    expect(page.facets.fandom).toEqual([{ key: 'angel', label: 'Angel', count: 1 }]);
    expect(page.facets.pairing).toEqual([]);
    expect(page.facets.character).toEqual([]);
  });

  it('does not offer or count a hidden rating or warning in the facets', async () => {
    const { page } = await titlesOf('', careful.token);
    expect.soft(page.facets.rating.map((value) => value.key)).not.toContain('explicit');
    expect.soft(page.facets.warning.map((value) => value.key)).toEqual([]);
    for (const dimension of ['rating', 'warning'] as const) {
      for (const value of page.facets[dimension]) {
        expect.soft(value.count, `${dimension} ${value.key}`).toBeLessThanOrEqual(page.total);
      }
    }
  });

  it('does not change what a reader sees on an entry’s own page, nor what its writer sees', async () => {
    const read = await getEntry(t.app, ids['Hard Edge']!, careful.token);
    expect(read.status).toBe(200);
    expect(read.body.title).toBe('Hard Edge');

    const hides = await savePreferences(writer.token, {
      hiddenRatings: ['explicit', 'mature'],
      hiddenWarnings: ['Violence'],
    });
    expect(hides.status).toBe(200);
    const own = await getEntry(t.app, ids['Hard Edge']!, writer.token);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ title: 'Hard Edge', isMine: true });
    expect(own.body.body).toContain(SHARED_WORD);
    // Their preferences still shape their own reading list.
    expect((await titlesOf('', writer.token)).titles).not.toContain('Hard Edge');
    await savePreferences(writer.token, {}).expect(200);
    expect((await titlesOf('', writer.token)).titles).toEqual(ALL);
  });

  it.each([
    [{ hiddenRatings: ['superexplicit'] }, 'hiddenRatings'],
    [{ hiddenRatings: 'explicit' }, 'hiddenRatings'],
    [{ hiddenWarnings: [''] }, 'hiddenWarnings'],
    [{ hiddenWarnings: ['x'.repeat(201)] }, 'hiddenWarnings'],
    [{ hiddenTags: Array.from({ length: 51 }, (_, i) => `tag ${i}`) }, 'hiddenTags'],
    [{ hiddenTags: [42] }, 'hiddenTags'],
    [{ skipAdultGate: 'yes' }, 'skipAdultGate'],
  ])('answers 400 naming the preference for %j', async (prefs, field) => {
    const res = await savePreferences(other.token, prefs);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect([...new Set(errorPaths(res).map((path) => path.split('.')[0]))]).toEqual([field]);
    // Nothing was saved.
    const after = await request(t.app).get('/api/me/preferences').set(bearer(other.token));
    expect(after.body.hiddenRatings).toEqual([]);
  });

  it('answers 401 to a visitor', async () => {
    expectProblem(await request(t.app).get('/api/me/preferences'), 401, 'UNAUTHENTICATED');
    expectProblem(
      await request(t.app)
        .put('/api/me/preferences')
        .send({ hiddenRatings: ['explicit'] }),
      401,
      'UNAUTHENTICATED',
    );
  });
});
