import request, { type Response } from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertChallenge, insertEntry } from './support/fixtures';
import { bearer, expectProblem, keysIn, signUp, type SignedUp } from './support/http';
import { DAY_MS, testDatabaseKinds, useTestApp } from './support/test-app';

/** Keys that would carry a count of the vote, a standing, or someone's ballot. */
const TALLY_KEYS = [
  'votes',
  'ballots',
  'ballotCount',
  'voters',
  'voteCount',
  'tally',
  'placings',
  'place',
  'ranking',
  'rounds',
  'counts',
  'approvals',
  'points',
  'scores',
  'choice',
  'approved',
];
const AUTHORS = ['Veiled Alder', 'Veiled Birch'];

describe.each(testDatabaseKinds())('the vote stays private until publication on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writers: SignedUp[];
  let reader: SignedUp;
  let voters: SignedUp[];
  const entry: Record<'alder' | 'birch', number> = { alder: 0, birch: 0 };

  const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
  const setVoting = async (opens: number, closes: number) => {
    const challenge = await t.store.repos.challenges.findBySlug('veiled');
    await t.store.repos.challenges.update(challenge!.id, {
      closes_at: at(-3),
      voting_opens_at: at(opens),
      voting_closes_at: at(closes),
    });
  };
  /** Every public page and feed of the challenge as one caller sees it. */
  const walk = async (token?: string): Promise<[string, Response][]> => {
    const get = (path: string) =>
      request(t.app)
        .get(path)
        .set(token ? bearer(token) : {});
    const paths = [
      '/api/challenges',
      '/api/challenges/veiled',
      '/api/challenges/veiled/entries',
      `/api/entries/${entry.alder}`,
      `/api/entries/${entry.birch}`,
      '/api/challenges/veiled/feed.atom',
      '/api/challenges/veiled/results.atom',
      '/api/feeds/challenges.atom',
    ];
    const answers: [string, Response][] = [];
    for (const path of paths) answers.push([path, await get(path)]);
    // The voting config says how the vote works, and nothing about how it is going.
    const config = await get('/api/challenges/veiled/voting');
    expect(config.status).toBe(200);
    expect(Object.keys(config.body as object).sort()).toEqual([
      'categories',
      'eligibility',
      'organizersSeeTotals',
      'rubric',
    ]);
    expect(Object.keys(config.body.eligibility as object).sort()).toEqual([
      'minAccountAgeDays',
      'minEntriesRead',
      'voters',
    ]);
    for (const category of config.body.categories as object[]) {
      const keys = keysIn(category);
      for (const key of TALLY_KEYS) expect(keys.has(key), `voting config has “${key}”`).toBe(false);
    }
    return answers;
  };
  const expectNothingRevealed = (answers: [string, Response][], who: string) => {
    for (const [path, res] of answers) {
      const where = `${who} GET ${path}`;
      expect(res.status, `${where}: ${res.text.slice(0, 300)}`).toBe(200);
      for (const author of AUTHORS) expect(res.text, where).not.toContain(author);
      if (res.type === 'application/json') {
        const keys = keysIn(res.body);
        for (const key of TALLY_KEYS) expect(keys.has(key), `${where} has “${key}”`).toBe(false);
      } else {
        expect(res.text, where).not.toMatch(/\b\d+ (votes?|ballots?|points?)\b/i);
        expect(res.text, where).not.toMatch(/Results of/);
      }
    }
  };

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Privacy Organizer' });
    writers = [
      await signUp(t.app, { displayName: 'Veiled Alder' }),
      await signUp(t.app, { displayName: 'Veiled Birch' }),
    ];
    reader = await signUp(t.app, { displayName: 'Privacy Reader' });
    voters = [
      await signUp(t.app, { displayName: 'Privacy Voter One' }),
      await signUp(t.app, { displayName: 'Privacy Voter Two' }),
    ];
    const challenge = await insertChallenge(t.store, {
      slug: 'veiled',
      ownerId: organizer.user.id,
      anonymous: true,
      title: 'The Veil',
    });
    entry.alder = (
      await insertEntry(t.store, {
        challengeId: challenge.id,
        userId: writers[0]!.user.id,
        title: 'Alder Story',
      })
    ).id;
    entry.birch = (
      await insertEntry(t.store, {
        challengeId: challenge.id,
        userId: writers[1]!.user.id,
        title: 'Birch Story',
      })
    ).id;
    await request(t.app)
      .put('/api/challenges/veiled/voting')
      .set(bearer(organizer.token))
      .send({
        categories: [
          { id: 'best', name: 'Best overall', method: 'ranked' },
          { id: 'craft', name: 'Craft', method: 'score', minimumScores: 1 },
        ],
      })
      .expect(200);
    await setVoting(-1, 1);
    const ballots: [number, string, object][] = [
      [0, 'best', { ranking: [entry.birch, entry.alder] }],
      [0, 'craft', { scores: { [entry.birch]: 5 } }],
      [1, 'best', { ranking: [entry.birch] }],
    ];
    for (const [voter, category, ballot] of ballots) {
      await request(t.app)
        .put(`/api/challenges/veiled/ballots/${category}`)
        .set(bearer(voters[voter]!.token))
        .send(ballot)
        .expect(200);
    }
    // A writer votes too, for the other entry.
    await request(t.app)
      .put('/api/challenges/veiled/ballots/best')
      .set(bearer(writers[0]!.token))
      .send({ ranking: [entry.birch] })
      .expect(200);
  });

  it('reveals neither authors nor totals to a visitor, a reader or a voter while voting is open', async () => {
    expectNothingRevealed(await walk(), 'visitor');
    expectNothingRevealed(await walk(reader.token), 'reader');
    expectNothingRevealed(await walk(voters[0]!.token), 'voter');
    for (const token of [undefined, reader.token, voters[0]!.token, organizer.token]) {
      const res = await request(t.app)
        .get('/api/challenges/veiled/results')
        .set(token ? bearer(token) : {});
      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.text).not.toMatch(/Birch|Alder/);
    }
  });

  it('shows each voter only their own ballots', async () => {
    const mine = async (token: string) =>
      (await request(t.app).get('/api/challenges/veiled/ballots/mine').set(bearer(token))).body;
    expect((await mine(voters[0]!.token)).ballots).toEqual({
      best: { ranking: [entry.birch, entry.alder] },
      craft: { scores: { [entry.birch]: 5 } },
    });
    expect((await mine(voters[1]!.token)).ballots).toEqual({ best: { ranking: [entry.birch] } });
    expect((await mine(reader.token)).ballots).toEqual({});
    expect((await mine(organizer.token)).ballots).toEqual({});
    // No one reads another's ballots: there is no such address.
    for (const path of [
      `/api/challenges/veiled/ballots/${voters[0]!.user.id}`,
      '/api/challenges/veiled/ballots',
      '/api/challenges/veiled/ballots/best',
    ]) {
      const res = await request(t.app).get(path).set(bearer(organizer.token));
      expect(res.status, path).toBe(404);
      expect(res.body).not.toHaveProperty('ballots');
      expect(res.text).not.toMatch(/ranking|scores/);
    }
  });

  it('keeps the organizers’ own pages free of running totals while voting is open', async () => {
    for (const path of ['/api/challenges/veiled/dashboard', '/api/challenges/veiled/export.json']) {
      const res = await request(t.app).get(path).set(bearer(organizer.token));
      expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
      const keys = keysIn(res.body);
      for (const key of TALLY_KEYS) expect(keys.has(key), `${path} has “${key}”`).toBe(false);
    }
    expectProblem(
      await request(t.app)
        .get('/api/challenges/veiled/results/preview')
        .set(bearer(organizer.token)),
      409,
      'TOTALS_HIDDEN',
    );
  });

  it('reveals nothing after voting closes until the organizers publish', async () => {
    await setVoting(-2, -0.01);
    expectNothingRevealed(await walk(), 'visitor');
    expectNothingRevealed(await walk(voters[1]!.token), 'voter');
    expectProblem(await request(t.app).get('/api/challenges/veiled/results'), 404, 'NOT_FOUND');
  });

  it('names the authors in the results, the entry list and the entries once published', async () => {
    await request(t.app)
      .post('/api/challenges/veiled/results/publish')
      .set(bearer(organizer.token))
      .expect(200);
    const results = await request(t.app).get('/api/challenges/veiled/results');
    expect(results.status).toBe(200);
    expect(
      results.body.categories[0].placings.map((p: { author: string; place: number }) => [
        p.author,
        p.place,
      ]),
    ).toEqual([
      ['Veiled Birch', 1],
      ['Veiled Alder', 2],
    ]);
    const list = await request(t.app).get('/api/challenges/veiled/entries');
    expect(JSON.stringify(list.body)).toContain('Veiled Alder');
    expect(JSON.stringify(list.body)).toContain('Veiled Birch');
    const alder = await request(t.app).get(`/api/entries/${entry.alder}`);
    expect(alder.text).toContain('Veiled Alder');
    const feed = await request(t.app).get('/api/challenges/veiled/results.atom');
    expect(feed.text).toContain('Results of The Veil');
    // Ballots stay private after publication too.
    const mine = await request(t.app)
      .get('/api/challenges/veiled/ballots/mine')
      .set(bearer(reader.token));
    expect(mine.body.ballots).toEqual({});
  });
});
