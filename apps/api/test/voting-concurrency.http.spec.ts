import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertChallenge, insertEntry } from './support/fixtures';
import { bearer, expectProblem, signUp, type SignedUp } from './support/http';
import { DAY_MS, HIGH_RATE_LIMITS, testDatabaseKinds, useTestApp } from './support/test-app';

const CATEGORIES = [
  { id: 'best', name: 'Best overall', method: 'ranked', rankedCount: 'schulze' },
  { id: 'craft', name: 'Craft', method: 'score', minimumScores: 1 },
];

const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

describe.each(testDatabaseKinds())('concurrent ballots and publishing on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let voter: SignedUp;
  const ids: number[] = [];

  const setVoting = async (opens: number, closes: number) => {
    const challenge = await t.store.repos.challenges.findBySlug('rush');
    await t.store.repos.challenges.update(challenge!.id, {
      closes_at: at(-3),
      voting_opens_at: at(opens),
      voting_closes_at: at(closes),
    });
  };

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Rush Organizer' });
    voter = await signUp(t.app, { displayName: 'Rush Voter' });
    const challenge = await insertChallenge(t.store, { slug: 'rush', ownerId: organizer.user.id });
    for (const title of ['P', 'Q', 'R']) {
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
    await request(t.app)
      .put('/api/challenges/rush/voting')
      .set(bearer(organizer.token))
      .send({ categories: CATEGORIES })
      .expect(200);
    await setVoting(-1, 1);
  });

  it('leaves exactly one ranked ballot, one of those sent, after a thousand concurrent casts', async () => {
    const rankings = [[ids[0]!, ids[1]!, ids[2]!], [ids[2]!, ids[1]!], [ids[1]!]];
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        request(t.app)
          .put('/api/challenges/rush/ballots/best')
          .set(bearer(voter.token))
          .send({ ranking: rankings[i % 3] })
          .then((res) => res.status),
      ),
    );
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    const challenge = await t.store.repos.challenges.findBySlug('rush');
    const rows = (await t.store.repos.voting.listBallots(challenge!.id, 'best')).filter(
      (row) => row.voter_id === voter.user.id,
    );
    expect(rows).toHaveLength(1);
    const stored = JSON.parse(rows[0]!.payload_json) as { ranking: number[] };
    expect(rankings).toContainEqual(stored.ranking);
    const mine = await request(t.app)
      .get('/api/challenges/rush/ballots/mine')
      .set(bearer(voter.token));
    expect(mine.body.ballots.best).toEqual(stored);
  }, 120_000);

  it('leaves one score ballot and one voter after 200 concurrent score casts', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        request(t.app)
          .put('/api/challenges/rush/ballots/craft')
          .set(bearer(voter.token))
          .send({ scores: { [ids[i % 3]!]: (i % 5) + 1 } })
          .then((res) => res.status),
      ),
    );
    expect(results.filter((status) => status !== 200)).toEqual([]);
    const challenge = await t.store.repos.challenges.findBySlug('rush');
    expect(
      (await t.store.repos.voting.listBallots(challenge!.id, 'craft')).filter(
        (row) => row.voter_id === voter.user.id,
      ),
    ).toHaveLength(1);
    expect(await t.store.repos.voting.countVoters(challenge!.id)).toBe(1);
  }, 60_000);

  it('publishes once when two publishes race: one 200, one 409', async () => {
    await setVoting(-2, -0.01);
    const [a, b] = await Promise.all(
      [0, 1].map(() =>
        request(t.app).post('/api/challenges/rush/results/publish').set(bearer(organizer.token)),
      ),
    );
    const statuses = [a!.status, b!.status].sort();
    expect(statuses, JSON.stringify([a!.body, b!.body])).toEqual([200, 409]);
    const loser = a!.status === 409 ? a! : b!;
    const winner = a!.status === 200 ? a! : b!;
    expectProblem(loser, 409, 'ALREADY_PUBLISHED');
    expect((await request(t.app).get('/api/challenges/rush/results')).body).toEqual(winner.body);
    // Writers and voters are told once, not twice.
    const inbox = await request(t.app).get('/api/me/notifications').set(bearer(voter.token));
    expect(
      inbox.body.notifications.filter((n: { text: string }) => n.text.includes('Challenge rush')),
    ).toHaveLength(1);
  });
});

describe.each(testDatabaseKinds())('the ballot rate limit on %s', (kind) => {
  const t = useTestApp(kind);

  it('answers the 4th cast in the window with 429 and Retry-After', async () => {
    const app = t.buildApp({
      rateLimits: { ...HIGH_RATE_LIMITS, ballots: { limit: 3, windowMs: 60_000 } },
    });
    const organizer = await signUp(app, { displayName: 'Limit Organizer' });
    const voter = await signUp(app, { displayName: 'Limit Voter' });
    const challenge = await insertChallenge(t.store, { slug: 'limit', ownerId: organizer.user.id });
    const entry = (
      await insertEntry(t.store, {
        challengeId: challenge.id,
        userId: organizer.user.id,
        title: 'L',
      })
    ).id;
    await request(app)
      .put('/api/challenges/limit/voting')
      .set(bearer(organizer.token))
      .send({ categories: [{ id: 'pick', name: 'Favourite', method: 'plurality' }] })
      .expect(200);
    await t.store.repos.challenges.update(challenge.id, {
      closes_at: at(-2),
      voting_opens_at: at(-1),
      voting_closes_at: at(1),
    });
    const cast = () =>
      request(app)
        .put('/api/challenges/limit/ballots/pick')
        .set(bearer(voter.token))
        .send({ choice: entry });
    for (let i = 0; i < 3; i += 1) expect((await cast()).status).toBe(200);
    const limited = await cast();
    expectProblem(limited, 429, 'RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Reading your ballots is not a cast, and is not limited.
    expect(
      (await request(app).get('/api/challenges/limit/ballots/mine').set(bearer(voter.token)))
        .status,
    ).toBe(200);
  });
});
