import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertChallenge, insertEntry } from './support/fixtures';
import { bearer, errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import { DAY_MS, testDatabaseKinds, useTestApp } from './support/test-app';

const CATEGORIES = [
  { id: 'pick', name: 'Favourite', method: 'plurality' },
  { id: 'liked', name: 'Liked', method: 'approval', approvalCap: 2 },
  { id: 'ranked', name: 'Best overall', method: 'ranked' },
  { id: 'scored', name: 'Craft', method: 'score', scoreScale: 10 },
];

describe.each(testDatabaseKinds())('bad votes and bad results requests on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let reader: SignedUp;
  /** Public entries of the challenge (by the organizer), the writer's own, and entries not to vote for. */
  const ids: number[] = [];
  let own: number;
  let draft: number;
  let withdrawn: number;
  let elsewhere: number;

  const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
  const setSchedule = async (slug: string, votingOpens: number, votingCloses: number) => {
    const challenge = await t.store.repos.challenges.findBySlug(slug);
    await t.store.repos.challenges.update(challenge!.id, {
      closes_at: at(Math.min(votingOpens, 0) - 1),
      voting_opens_at: at(votingOpens),
      voting_closes_at: at(votingCloses),
    });
  };
  const cast = (category: string, token: string, ballot: object, slug = 'bad') =>
    request(t.app)
      .put(`/api/challenges/${slug}/ballots/${category}`)
      .set(bearer(token))
      .send(ballot);
  /** Asserts a 400 naming `path` among the field errors. */
  const expectNamed = async (
    res: request.Response | Promise<request.Response>,
    path: string,
  ): Promise<void> => {
    const answer = await res;
    expectProblem(answer, 400, 'VALIDATION_FAILED');
    expect(errorPaths(answer)).toContain(path);
  };

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Bad Input Organizer' });
    writer = await signUp(t.app, { displayName: 'Bad Input Writer' });
    reader = await signUp(t.app, { displayName: 'Bad Input Reader' });
    const challenge = await insertChallenge(t.store, { slug: 'bad', ownerId: organizer.user.id });
    for (const title of ['One', 'Two', 'Three']) {
      ids.push(
        (
          await insertEntry(t.store, {
            challengeId: challenge.id,
            userId: organizer.user.id,
            title,
          })
        ).id,
      );
    }
    own = (
      await insertEntry(t.store, {
        challengeId: challenge.id,
        userId: writer.user.id,
        title: 'Own',
      })
    ).id;
    draft = (
      await insertEntry(t.store, {
        challengeId: challenge.id,
        userId: writer.user.id,
        title: 'Still a draft',
        status: 'draft',
      })
    ).id;
    withdrawn = (
      await insertEntry(t.store, {
        challengeId: challenge.id,
        userId: organizer.user.id,
        title: 'Taken back',
        status: 'withdrawn',
      })
    ).id;
    const other = await insertChallenge(t.store, { slug: 'bad-other', ownerId: organizer.user.id });
    elsewhere = (
      await insertEntry(t.store, {
        challengeId: other.id,
        userId: organizer.user.id,
        title: 'Elsewhere',
      })
    ).id;
    await request(t.app)
      .put('/api/challenges/bad/voting')
      .set(bearer(organizer.token))
      .send({ categories: CATEGORIES })
      .expect(200);
  });

  it('answers a vote before voting opens with 409, for every method', async () => {
    for (const [category, ballot] of [
      ['pick', { choice: ids[0] }],
      ['liked', { approved: [ids[0]] }],
      ['ranked', { ranking: [ids[0]] }],
      ['scored', { scores: { [ids[0]!]: 3 } }],
    ] as const) {
      expectProblem(await cast(category, reader.token, ballot), 409, 'WRONG_PHASE');
    }
    // Nothing was stored.
    const mine = await request(t.app)
      .get('/api/challenges/bad/ballots/mine')
      .set(bearer(reader.token));
    expect(mine.body.ballots).toEqual({});
  });

  it('names the entry that is not a public entry of this challenge, in every method', async () => {
    await setSchedule('bad', -1, 1);
    for (const [label, bad] of [
      ['another challenge', () => elsewhere],
      ['a draft', () => draft],
      ['a withdrawn entry', () => withdrawn],
      ['no entry at all', () => 987_654],
    ] as const) {
      const entry = bad();
      await expectNamed(cast('pick', reader.token, { choice: entry }), 'choice');
      await expectNamed(cast('liked', reader.token, { approved: [ids[0], entry] }), 'approved.1');
      await expectNamed(
        cast('ranked', reader.token, { ranking: [ids[0], ids[1], entry] }),
        'ranking.2',
      );
      await expectNamed(
        cast('scored', reader.token, { scores: { [ids[0]!]: 4, [entry]: 4 } }),
        `scores.${entry}`,
      );
      expect(label).toBeTruthy();
    }
    const mine = await request(t.app)
      .get('/api/challenges/bad/ballots/mine')
      .set(bearer(reader.token));
    expect(mine.body.ballots).toEqual({});
  });

  it('names a duplicate rank, a duplicate approval, and approvals over the cap', async () => {
    await expectNamed(cast('ranked', reader.token, { ranking: [ids[1], ids[1]] }), 'ranking.1');
    const twice = await cast('ranked', reader.token, { ranking: [ids[0], ids[1], ids[2], ids[0]] });
    await expectNamed(twice, 'ranking.3');
    expect(errorPaths(twice)).toEqual(['ranking.3']);
    await expectNamed(cast('liked', reader.token, { approved: [ids[2], ids[2]] }), 'approved.1');
    await expectNamed(cast('liked', reader.token, { approved: ids }), 'approved');
  });

  it('names a score off the scale or not whole, on a 1-10 scale', async () => {
    for (const score of [0, 11, -1, 7.5, 1e9]) {
      const res = await cast('scored', reader.token, {
        scores: { [ids[0]!]: 10, [ids[1]!]: score },
      });
      await expectNamed(res, `scores.${ids[1]}`);
      expect(errorPaths(res)).not.toContain(`scores.${ids[0]}`);
    }
    await expectNamed(cast('scored', reader.token, { scores: {} }), 'scores');
    // The ends of the scale are fine.
    expect(
      (await cast('scored', reader.token, { scores: { [ids[0]!]: 1, [ids[1]!]: 10 } })).status,
    ).toBe(200);
  });

  it('refuses a score ballot that scores one entry twice under two spellings of its id', async () => {
    // "7" and "07" are the same entry: a ballot scores each entry once, like it ranks it once.
    const entry = ids[0]!;
    const res = await cast('scored', reader.token, {
      scores: { [entry]: 10, [`0${entry}`]: 1 },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(errorPaths(res)).toContain(`scores.0${entry}`);
    const mine = await request(t.app)
      .get('/api/challenges/bad/ballots/mine')
      .set(bearer(reader.token));
    expect(mine.body.ballots.scored).toEqual({ scores: { [ids[0]!]: 1, [ids[1]!]: 10 } });
  });

  it('answers a ballot of the wrong shape for the method with 400 naming the expected field', async () => {
    const shapes = {
      choice: { choice: ids[0] },
      approved: { approved: [ids[0]] },
      ranking: { ranking: [ids[0]] },
      scores: { scores: { [ids[0]!]: 3 } },
    };
    const expected: Record<string, keyof typeof shapes> = {
      pick: 'choice',
      liked: 'approved',
      ranked: 'ranking',
      scored: 'scores',
    };
    for (const [category, field] of Object.entries(expected)) {
      for (const [shape, ballot] of Object.entries(shapes)) {
        if (shape === field) continue;
        await expectNamed(cast(category, reader.token, ballot), field);
      }
    }
    // Not a ballot of any method.
    expectProblem(await cast('pick', reader.token, {}), 400, 'VALIDATION_FAILED');
    expectProblem(
      await cast('pick', reader.token, { choice: ids[0], ranking: [ids[1]] }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await cast('ranked', reader.token, { ranking: [] }), 400, 'VALIDATION_FAILED');
  });

  it('refuses your own entry with 422 in every method, and an unknown category with 404', async () => {
    for (const [category, ballot] of [
      ['pick', { choice: own }],
      ['liked', { approved: [ids[0], own] }],
      ['ranked', { ranking: [ids[0], own] }],
      ['scored', { scores: { [own]: 10 } }],
    ] as const) {
      expectProblem(await cast(category, writer.token, ballot), 422, 'OWN_ENTRY');
    }
    expectProblem(await cast('nope', reader.token, { choice: ids[0] }), 404, 'NOT_FOUND');
    expectProblem(
      await cast('pick', reader.token, { choice: ids[0] }, 'no-such-challenge'),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await request(t.app).put('/api/challenges/bad/ballots/pick').send({ choice: ids[0] }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('refuses an ineligible voter with 403 and the reason', async () => {
    // Entrants only: the reader has no entry.
    const challenge = await t.store.repos.challenges.findBySlug('bad');
    const saved = challenge!.voting_json;
    await t.store.repos.challenges.update(challenge!.id, {
      voting_json: JSON.stringify({ categories: CATEGORIES, eligibility: { voters: 'entrants' } }),
    });
    const res = await cast('pick', reader.token, { choice: ids[0] });
    expectProblem(res, 403, 'NOT_ELIGIBLE');
    expect(res.body.detail).toBe('Only writers with an entry in this challenge may vote.');
    expect((await cast('pick', writer.token, { choice: ids[0] })).status).toBe(200);
    await t.store.repos.challenges.update(challenge!.id, { voting_json: saved });
  });

  it('hides results before publication: 404 with no standings, preview 409 while voting is open', async () => {
    expect((await cast('pick', reader.token, { choice: ids[1] })).status).toBe(200);
    for (const token of [undefined, reader.token, organizer.token]) {
      const res = await request(t.app)
        .get('/api/challenges/bad/results')
        .set(token ? bearer(token) : {});
      expectProblem(res, 404, 'NOT_FOUND');
      for (const key of ['categories', 'placings', 'tally', 'voters', 'ranking']) {
        expect(res.body).not.toHaveProperty(key);
      }
      for (const title of ['One', 'Two', 'Three']) expect(res.text).not.toContain(title);
      expect(res.text).not.toMatch(/\bvotes?\b/i);
    }
    expectProblem(
      await request(t.app).get('/api/challenges/bad/results/preview').set(bearer(organizer.token)),
      409,
      'TOTALS_HIDDEN',
    );
  });

  it('refuses preview and publish to visitors (401) and non-organizers (403)', async () => {
    expectProblem(
      await request(t.app).get('/api/challenges/bad/results/preview'),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await request(t.app).post('/api/challenges/bad/results/publish'),
      401,
      'UNAUTHENTICATED',
    );
    for (const token of [reader.token, writer.token]) {
      expectProblem(
        await request(t.app).get('/api/challenges/bad/results/preview').set(bearer(token)),
        403,
        'NOT_ORGANIZER',
      );
      expectProblem(
        await request(t.app).post('/api/challenges/bad/results/publish').set(bearer(token)),
        403,
        'NOT_ORGANIZER',
      );
    }
    // Publishing while voting is open is refused as well.
    expectProblem(
      await request(t.app).post('/api/challenges/bad/results/publish').set(bearer(organizer.token)),
      409,
      'WRONG_PHASE',
    );
  });

  it('answers a vote after voting closes with 409 and keeps the ballot as it was', async () => {
    await setSchedule('bad', -2, -0.01);
    expectProblem(await cast('pick', reader.token, { choice: ids[2] }), 409, 'WRONG_PHASE');
    expectProblem(
      await request(t.app).delete('/api/challenges/bad/ballots/pick').set(bearer(reader.token)),
      409,
      'WRONG_PHASE',
    );
    const mine = await request(t.app)
      .get('/api/challenges/bad/ballots/mine')
      .set(bearer(reader.token));
    expect(mine.body.ballots.pick).toEqual({ choice: ids[1] });
  });

  it('publishes once, and answers publishing twice with 409', async () => {
    const first = await request(t.app)
      .post('/api/challenges/bad/results/publish')
      .set(bearer(organizer.token));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expectProblem(
      await request(t.app).post('/api/challenges/bad/results/publish').set(bearer(organizer.token)),
      409,
      'ALREADY_PUBLISHED',
    );
    // A vote after publication is still outside the voting phase.
    expectProblem(await cast('pick', reader.token, { choice: ids[0] }), 409, 'WRONG_PHASE');
    const results = await request(t.app).get('/api/challenges/bad/results');
    expect(results.body).toEqual(first.body);
  });

  it('lets organizers who opted in see running totals while voting is open (200)', async () => {
    const challenge = await insertChallenge(t.store, {
      slug: 'bad-totals',
      ownerId: organizer.user.id,
    });
    const entry = (
      await insertEntry(t.store, {
        challengeId: challenge.id,
        userId: writer.user.id,
        title: 'Seen',
      })
    ).id;
    await request(t.app)
      .put('/api/challenges/bad-totals/voting')
      .set(bearer(organizer.token))
      .send({ categories: [CATEGORIES[0]], organizersSeeTotals: true })
      .expect(200);
    await setSchedule('bad-totals', -1, 1);
    expect((await cast('pick', reader.token, { choice: entry }, 'bad-totals')).status).toBe(200);
    const preview = await request(t.app)
      .get('/api/challenges/bad-totals/results/preview')
      .set(bearer(organizer.token));
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.publishedAt).toBeNull();
    expect(preview.body.categories[0].placings).toEqual([
      { entryId: entry, title: 'Seen', author: 'Bad Input Writer', place: 1, value: 1 },
    ]);
    // Still only for organizers, and still nothing public.
    expectProblem(
      await request(t.app)
        .get('/api/challenges/bad-totals/results/preview')
        .set(bearer(reader.token)),
      403,
      'NOT_ORGANIZER',
    );
    expectProblem(await request(t.app).get('/api/challenges/bad-totals/results'), 404, 'NOT_FOUND');
  });
});
