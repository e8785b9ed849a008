import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store, type DbHandle, type EntryFilter } from '../src/index';
import { createTestDb, testDatabaseKinds } from '../src/testing';

const NOW = '2026-11-21T10:00:00.000Z';

describe.each(testDatabaseKinds())('browsing entries on %s', (kind) => {
  let handle: DbHandle;
  let store: Store;
  let challengeId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    handle = await createTestDb(kind);
    store = new Store(handle);
    const user = await store.repos.users.insert({
      email: 'b@example.com',
      display_name: 'B',
      password_hash: 'h',
      created_at: NOW,
    });
    const pseud = await store.repos.pseuds.insert({
      user_id: user.id,
      name: 'B',
      name_key: 'b',
      is_default: 1,
      created_at: NOW,
    });
    const challenge = await store.repos.challenges.insert({
      slug: 'browse',
      title: 'Browse',
      description: '',
      owner_id: user.id,
      organizer_pseud_id: pseud.id,
      time_zone: 'UTC',
      created_at: NOW,
      updated_at: NOW,
    });
    challengeId = challenge.id;
    const stories = [
      {
        key: 'river',
        title: 'Down by the River',
        rating: 'general',
        words: 300,
        kudos: 5,
        day: 1,
        warnings: [],
        pairings: ['Ines/Corrin'],
        body: 'They rowed across the wide water together.',
      },
      {
        key: 'herbs',
        title: 'four herbs',
        rating: 'teen',
        words: 1200,
        kudos: 9,
        day: 2,
        warnings: ['Violence'],
        pairings: ['Maud/Nell'],
        body: 'Parsley, sage, rosemary and thyme on the market stall.',
      },
      {
        key: 'lantern',
        title: 'Lanterns',
        rating: 'explicit',
        words: 800,
        kudos: 1,
        day: 3,
        warnings: ['Violence', 'Major Character Death'],
        pairings: ['Ines/Corrin'],
        body: 'A lantern in the window, an old song on the wind.',
      },
      {
        key: 'draft',
        title: 'Unfinished',
        rating: 'general',
        words: 50,
        kudos: 0,
        day: 4,
        warnings: [],
        pairings: [],
        body: 'Not yet.',
        status: 'draft' as const,
      },
    ];
    for (const story of stories) {
      const entry = await store.repos.entries.insert({
        challenge_id: challenge.id,
        prompt_id: null,
        user_id: user.id,
        pseud_id: pseud.id,
        status: story.status ?? 'submitted',
        title: story.title,
        rating_raw: null,
        rating: story.rating as never,
        summary: null,
        header_json: '{}',
        body: story.body,
        body_format: 'text',
        word_count: story.words,
        submitted_at: `2026-11-0${story.day}T10:00:00.000Z`,
        created_at: NOW,
        updated_at: NOW,
      });
      await store.repos.entries.update(entry.id, { kudos_count: story.kudos });
      await store.repos.browse.replaceTags(entry.id, [
        ...story.warnings.map((w) => ({ kind: 'warning', value: w, valueKey: w.toLowerCase() })),
        ...story.pairings.map((p) => ({ kind: 'pairing', value: p, valueKey: p.toLowerCase() })),
      ]);
      const doc = {
        title: story.title,
        summary: '',
        header: story.pairings.join('\n'),
        body: story.body,
      };
      // The service folds text with @ficathon/core; plain ASCII folds to itself lower-cased,
      // with punctuation as spaces.
      const fold = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
      await store.repos.browse.indexForSearch(entry.id, {
        title: fold(doc.title),
        summary: fold(doc.summary),
        header: fold(doc.header),
        body: fold(doc.body),
      });
      ids[story.key] = entry.id;
    }
  });
  afterAll(() => handle.close());

  const base = (): EntryFilter => ({ challengeId, statuses: ['submitted', 'approved'] });
  const titles = async (
    filter: EntryFilter,
    sort: 'newest' | 'title' | 'length' | 'kudos' = 'newest',
  ) => (await store.repos.browse.page(filter, sort, null, 50)).map((row) => row.title);

  it('lists public entries in each order', async () => {
    expect(await titles(base())).toEqual(['Lanterns', 'four herbs', 'Down by the River']);
    expect(await titles(base(), 'title')).toEqual(['Down by the River', 'four herbs', 'Lanterns']);
    expect(await titles(base(), 'length')).toEqual(['four herbs', 'Lanterns', 'Down by the River']);
    expect(await titles(base(), 'kudos')).toEqual(['four herbs', 'Down by the River', 'Lanterns']);
  });

  it('combines rating, warning, pairing and length filters', async () => {
    expect(await titles({ ...base(), excludeRatings: ['explicit'] })).toEqual([
      'four herbs',
      'Down by the River',
    ]);
    expect(await titles({ ...base(), excludeWarnings: ['violence'] })).toEqual([
      'Down by the River',
    ]);
    expect(await titles({ ...base(), pairings: ['ines/corrin'], minWords: 500 })).toEqual([
      'Lanterns',
    ]);
    expect(await titles({ ...base(), hiddenTags: ['major character death'] })).toEqual([
      'four herbs',
      'Down by the River',
    ]);
    expect(await store.repos.browse.count({ ...base(), ratings: ['general', 'teen'] })).toBe(2);
  });

  it('pages by keyset without gaps or repeats', async () => {
    const first = await store.repos.browse.page(base(), 'length', null, 2);
    const last = first[first.length - 1]!;
    const second = await store.repos.browse.page(
      base(),
      'length',
      { value: last.word_count, id: last.id },
      2,
    );
    expect([...first, ...second].map((row) => row.title)).toEqual([
      'four herbs',
      'Lanterns',
      'Down by the River',
    ]);
  });

  it('counts facets among entries matching the other filters', async () => {
    const warnings = await store.repos.browse.facet(
      { ...base(), excludeWarnings: ['violence'] },
      'warning',
    );
    expect(warnings).toEqual([
      { key: 'violence', value: 'Violence', count: 2 },
      { key: 'major character death', value: 'Major Character Death', count: 1 },
    ]);
    const ratings = await store.repos.browse.facet(
      { ...base(), pairings: ['ines/corrin'] },
      'rating',
    );
    expect(ratings.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'explicit', value: 'explicit', count: 1 },
      { key: 'general', value: 'general', count: 1 },
    ]);
  });

  it('searches words, phrases and prefixes', async () => {
    const search = (fts5: string, tsquery: string) =>
      titles({ ...base(), search: { fts5, tsquery } });
    expect(await search('"rosemary"', 'rosemary')).toEqual(['four herbs']);
    expect(await search('"old song"', '(old <-> song)')).toEqual(['Lanterns']);
    expect(await search('"song old"', '(song <-> old)')).toEqual([]);
    expect(await search('"lant"*', 'lant:*')).toEqual(['Lanterns']);
    expect(await search('"ines"', 'ines')).toEqual(['Lanterns', 'Down by the River']);
  });
});
