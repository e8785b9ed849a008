import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertChallenge, insertEntry } from './support/fixtures';
import { bearer, errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import { DAY_MS, testDatabaseKinds, useTestApp } from './support/test-app';

const CATEGORIES = [
  { id: 'favourite', name: 'Favourite', method: 'plurality' },
  { id: 'liked', name: 'Liked', method: 'approval', approvalCap: 2 },
  { id: 'best', name: 'Best overall', method: 'ranked' },
  { id: 'craft', name: 'Craft', method: 'score', scoreScale: 5 },
];

describe.each(testDatabaseKinds())('voting on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let reader: SignedUp;
  const ids: number[] = [];
  let ownId: number;
  let otherChallengeEntry: number;

  /** Moves a challenge into its voting phase (closed yesterday, voting open until tomorrow). */
  const openVoting = async (slug: string) => {
    const challenge = await t.store.repos.challenges.findBySlug(slug);
    const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
    await t.store.repos.challenges.update(challenge!.id, {
      closes_at: at(-2),
      voting_opens_at: at(-1),
      voting_closes_at: at(1),
    });
  };
  const cast = (slug: string, category: string, token: string, ballot: object) =>
    request(t.app)
      .put(`/api/challenges/${slug}/ballots/${category}`)
      .set(bearer(token))
      .send(ballot);

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Vote Organizer' });
    writer = await signUp(t.app, { displayName: 'Vote Writer' });
    reader = await signUp(t.app, { displayName: 'Vote Reader' });
    const challenge = await insertChallenge(t.store, { slug: 'vote', ownerId: organizer.user.id });
    for (const title of ['A', 'B', 'C']) {
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
    ownId = (
      await insertEntry(t.store, {
        challengeId: challenge.id,
        userId: writer.user.id,
        title: 'Mine',
      })
    ).id;
    const other = await insertChallenge(t.store, {
      slug: 'vote-other',
      ownerId: organizer.user.id,
    });
    otherChallengeEntry = (
      await insertEntry(t.store, {
        challengeId: other.id,
        userId: organizer.user.id,
        title: 'Elsewhere',
      })
    ).id;
    const config = await request(t.app)
      .put('/api/challenges/vote/voting')
      .set(bearer(organizer.token))
      .send({ categories: CATEGORIES });
    expect(config.status).toBe(200);
  });

  it('takes no votes before voting opens, and refuses config changes once it has', async () => {
    expectProblem(
      await cast('vote', 'favourite', reader.token, { choice: ids[0] }),
      409,
      'WRONG_PHASE',
    );
    await openVoting('vote');
    const late = await request(t.app)
      .put('/api/challenges/vote/voting')
      .set(bearer(organizer.token))
      .send({ categories: [] });
    expectProblem(late, 409, 'WRONG_PHASE');
  });

  it('takes a ballot of each method, privately, and replaces it when cast again', async () => {
    expect((await cast('vote', 'favourite', reader.token, { choice: ids[0] })).status).toBe(200);
    expect((await cast('vote', 'liked', reader.token, { approved: [ids[0], ids[1]] })).status).toBe(
      200,
    );
    expect((await cast('vote', 'best', reader.token, { ranking: [ids[2], ids[0]] })).status).toBe(
      200,
    );
    expect(
      (await cast('vote', 'craft', reader.token, { scores: { [ids[0]!]: 5, [ids[1]!]: 1 } }))
        .status,
    ).toBe(200);
    const changed = await cast('vote', 'favourite', reader.token, { choice: ids[1] });
    expect(changed.body.ballots.favourite).toEqual({ choice: ids[1] });
    const mine = await request(t.app)
      .get('/api/challenges/vote/ballots/mine')
      .set(bearer(reader.token));
    expect(Object.keys(mine.body.ballots).sort()).toEqual(['best', 'craft', 'favourite', 'liked']);
    const someoneElse = await request(t.app)
      .get('/api/challenges/vote/ballots/mine')
      .set(bearer(organizer.token));
    expect(someoneElse.body.ballots).toEqual({});
  });

  it('answers each bad ballot with 400 naming the field', async () => {
    const cases: [string, object, string][] = [
      ['favourite', { choice: otherChallengeEntry }, 'choice'],
      ['favourite', { ranking: [ids[0]] }, 'choice'],
      ['best', { ranking: [ids[0], ids[1], ids[0]] }, 'ranking.2'],
      ['craft', { scores: { [ids[0]!]: 6 } }, `scores.${ids[0]}`],
      ['craft', { scores: { [ids[0]!]: 2.5 } }, `scores.${ids[0]}`],
      ['liked', { approved: [ids[0], ids[1], ids[2]] }, 'approved'],
    ];
    for (const [category, ballot, path] of cases) {
      const res = await cast('vote', category, reader.token, ballot);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toContain(path);
    }
    expectProblem(await cast('vote', 'nope', reader.token, { choice: ids[0] }), 404, 'NOT_FOUND');
  });

  it('refuses a vote for your own entry with 422', async () => {
    expectProblem(
      await cast('vote', 'favourite', writer.token, { choice: ownId }),
      422,
      'OWN_ENTRY',
    );
    expectProblem(
      await cast('vote', 'best', writer.token, { ranking: [ids[0], ownId] }),
      422,
      'OWN_ENTRY',
    );
  });

  it('explains why someone may not vote, and lets them once they qualify', async () => {
    await request(t.app)
      .put('/api/challenges/vote-other/voting')
      .set(bearer(organizer.token))
      .send({ categories: CATEGORIES, eligibility: { voters: 'accounts', minEntriesRead: 1 } });
    await openVoting('vote-other');
    const refused = await cast('vote-other', 'favourite', reader.token, {
      choice: otherChallengeEntry,
    });
    expectProblem(refused, 403, 'NOT_ELIGIBLE');
    expect(refused.body.detail).toMatch(/Read at least 1 entries/);
    await request(t.app)
      .get(`/api/entries/${otherChallengeEntry}`)
      .set(bearer(reader.token))
      .expect(200);
    expect(
      (await cast('vote-other', 'favourite', reader.token, { choice: otherChallengeEntry })).status,
    ).toBe(200);
  });

  it('leaves exactly one ballot after a thousand concurrent casts by one voter', async () => {
    const casts = Array.from({ length: 1000 }, (_, i) =>
      cast('vote', 'favourite', writer.token, { choice: ids[i % 3] }),
    );
    const statuses = await Promise.all(casts.map((c) => c.then((res) => res.status)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    const challenge = await t.store.repos.challenges.findBySlug('vote');
    const rows = (await t.store.repos.voting.listBallots(challenge!.id, 'favourite')).filter(
      (b) => b.voter_id === writer.user.id,
    );
    expect(rows).toHaveLength(1);
  }, 120_000);
});
