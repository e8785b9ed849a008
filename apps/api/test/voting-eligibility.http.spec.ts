import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertChallenge, insertEntry } from './support/fixtures';
import { bearer, expectProblem, signUp, type SignedUp } from './support/http';
import { DAY_MS, FakeClock, testDatabaseKinds, useTestApp } from './support/test-app';

const FAVOURITE = { id: 'favourite', name: 'Favourite', method: 'plurality' };

describe.each(testDatabaseKinds())('who may vote on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let drafter: SignedUp;
  let quitter: SignedUp;
  let reader: SignedUp;
  /** Entries by the organizer in each challenge, by slug. */
  const organizers: Record<string, number[]> = {};

  const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
  /** A challenge by the organizer, two public entries of theirs, voting open now (for 30 days). */
  const votingChallenge = async (slug: string, eligibility: object) => {
    const challenge = await insertChallenge(t.store, { slug, ownerId: organizer.user.id });
    organizers[slug] = [];
    for (const title of [`${slug} one`, `${slug} two`, `${slug} three`]) {
      organizers[slug].push(
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
      .put(`/api/challenges/${slug}/voting`)
      .set(bearer(organizer.token))
      .send({ categories: [FAVOURITE], eligibility })
      .expect(200);
    await t.store.repos.challenges.update(challenge.id, {
      closes_at: at(-2),
      voting_opens_at: at(-1),
      voting_closes_at: at(30),
    });
    return challenge;
  };
  const cast = (app: Express, slug: string, token: string, choice: number) =>
    request(app)
      .put(`/api/challenges/${slug}/ballots/favourite`)
      .set(bearer(token))
      .send({ choice });
  const mine = async (app: Express, slug: string, token: string) => {
    const res = await request(app).get(`/api/challenges/${slug}/ballots/mine`).set(bearer(token));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as {
      ballots: Record<string, unknown>;
      eligible: boolean;
      reason: string | null;
    };
  };

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Eligibility Organizer' });
    writer = await signUp(t.app, { displayName: 'Eligible Writer' });
    drafter = await signUp(t.app, { displayName: 'Drafting Writer' });
    quitter = await signUp(t.app, { displayName: 'Withdrawn Writer' });
    reader = await signUp(t.app, { displayName: 'Eligibility Reader' });
  });

  it('entrants only: a reader without an entry is refused with the reason, a writer votes', async () => {
    const challenge = await votingChallenge('entrants', { voters: 'entrants' });
    await insertEntry(t.store, { challengeId: challenge.id, userId: writer.user.id, title: 'W' });
    await insertEntry(t.store, {
      challengeId: challenge.id,
      userId: drafter.user.id,
      title: 'D',
      status: 'draft',
    });
    await insertEntry(t.store, {
      challengeId: challenge.id,
      userId: quitter.user.id,
      title: 'Q',
      status: 'withdrawn',
    });
    const reason = 'Only writers with an entry in this challenge may vote.';
    for (const person of [reader, drafter, quitter]) {
      const refused = await cast(t.app, 'entrants', person.token, organizers.entrants![0]!);
      expectProblem(refused, 403, 'NOT_ELIGIBLE');
      expect(refused.body.detail).toBe(reason);
      expect(await mine(t.app, 'entrants', person.token)).toEqual({
        ballots: {},
        eligible: false,
        reason,
      });
    }
    expect(await mine(t.app, 'entrants', writer.token)).toEqual({
      ballots: {},
      eligible: true,
      reason: null,
    });
    const voted = await cast(t.app, 'entrants', writer.token, organizers.entrants![0]!);
    expect(voted.status, JSON.stringify(voted.body)).toBe(200);
    expect(voted.body).toEqual({
      ballots: { favourite: { choice: organizers.entrants![0] } },
      eligible: true,
      reason: null,
    });
  });

  it('an entry in another challenge does not make an entrant', async () => {
    await votingChallenge('entrants-two', { voters: 'entrants' });
    // The writer has an entry in "entrants", not in this one.
    const refused = await cast(
      t.app,
      'entrants-two',
      writer.token,
      organizers['entrants-two']![0]!,
    );
    expectProblem(refused, 403, 'NOT_ELIGIBLE');
  });

  it('minimum account age: a young account is refused until it is old enough', async () => {
    await votingChallenge('old-hands', { minAccountAgeDays: 7 });
    const clock = new FakeClock();
    const app = t.buildApp({ clock: clock.now });
    const young = await signUp(app, { displayName: 'Young Account' });
    const reason = 'Accounts may vote once they are 7 days old.';
    const refused = await cast(app, 'old-hands', young.token, organizers['old-hands']![0]!);
    expectProblem(refused, 403, 'NOT_ELIGIBLE');
    expect(refused.body.detail).toBe(reason);
    expect(await mine(app, 'old-hands', young.token)).toMatchObject({ eligible: false, reason });

    clock.advance(7 * DAY_MS - 60_000);
    expectProblem(
      await cast(app, 'old-hands', young.token, organizers['old-hands']![0]!),
      403,
      'NOT_ELIGIBLE',
    );
    clock.advance(60_000);
    expect(await mine(app, 'old-hands', young.token)).toMatchObject({
      eligible: true,
      reason: null,
    });
    const voted = await cast(app, 'old-hands', young.token, organizers['old-hands']![0]!);
    expect(voted.status, JSON.stringify(voted.body)).toBe(200);
    // An account made weeks before (by the real clock, now 7 days behind the fake one) may vote.
    expect((await cast(app, 'old-hands', reader.token, organizers['old-hands']![1]!)).status).toBe(
      200,
    );
  });

  it('minimum entries read: opening public entries counts; a draft, your own entry or a repeat does not', async () => {
    const challenge = await votingChallenge('readers', { minEntriesRead: 2 });
    const [first, second] = organizers.readers!;
    const draft = (
      await insertEntry(t.store, {
        challengeId: challenge.id,
        userId: writer.user.id,
        title: 'Unfinished',
        status: 'draft',
      })
    ).id;
    // A voter with an entry of their own in the challenge.
    const own = (
      await insertEntry(t.store, {
        challengeId: challenge.id,
        userId: reader.user.id,
        title: 'Mine',
      })
    ).id;
    const open = (id: number, token: string) =>
      request(t.app).get(`/api/entries/${id}`).set(bearer(token));
    const reasonAfter = (read: number) =>
      `Read at least 2 entries of this challenge before voting (you have opened ${read}).`;

    expect(await mine(t.app, 'readers', reader.token)).toMatchObject({
      eligible: false,
      reason: reasonAfter(0),
    });
    // Own entry: opened, but not counted.
    expect((await open(own, reader.token)).status).toBe(200);
    // Someone else's draft: not visible, not counted.
    expect((await open(draft, reader.token)).status).toBe(404);
    // An entry of another challenge: not counted here.
    const elsewhere = organizers.entrants![0]!;
    expect((await open(elsewhere, reader.token)).status).toBe(200);
    expect((await mine(t.app, 'readers', reader.token)).reason).toBe(reasonAfter(0));

    // One public entry, opened twice, counts once.
    expect((await open(first!, reader.token)).status).toBe(200);
    expect((await open(first!, reader.token)).status).toBe(200);
    const refused = await cast(t.app, 'readers', reader.token, first!);
    expectProblem(refused, 403, 'NOT_ELIGIBLE');
    expect(refused.body.detail).toBe(reasonAfter(1));
    // Opening it as a visitor counts for nobody.
    expect((await request(t.app).get(`/api/entries/${second}`)).status).toBe(200);
    expect((await mine(t.app, 'readers', reader.token)).reason).toBe(reasonAfter(1));

    expect((await open(second!, reader.token)).status).toBe(200);
    expect(await mine(t.app, 'readers', reader.token)).toMatchObject({
      eligible: true,
      reason: null,
    });
    expect((await cast(t.app, 'readers', reader.token, second!)).status).toBe(200);
    // Another reader's reading does not count for them.
    expectProblem(await cast(t.app, 'readers', writer.token, first!), 403, 'NOT_ELIGIBLE');
  });

  it('ballots/mine needs a session and a visible challenge', async () => {
    expectProblem(
      await request(t.app).get('/api/challenges/readers/ballots/mine'),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await request(t.app)
        .get('/api/challenges/no-such-thing/ballots/mine')
        .set(bearer(reader.token)),
      404,
      'NOT_FOUND',
    );
  });
});
