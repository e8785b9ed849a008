import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { binaryParser } from './support/entries';
import { insertChallenge, insertEntry } from './support/fixtures';
import { bearer, expectProblem, signUp, type SignedUp } from './support/http';
import { DAY_MS, testDatabaseKinds, useTestApp } from './support/test-app';

describe.each(testDatabaseKinds())('results on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writers: SignedUp[];
  let voters: SignedUp[];
  const entry: Record<string, number> = {};

  const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
  const setVoting = async (opensIn: number, closesIn: number) => {
    const challenge = await t.store.repos.challenges.findBySlug('reveal');
    await t.store.repos.challenges.update(challenge!.id, {
      closes_at: at(-3),
      voting_opens_at: at(opensIn),
      voting_closes_at: at(closesIn),
    });
  };

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Results Organizer' });
    writers = [
      await signUp(t.app, { displayName: 'Hidden Alder' }),
      await signUp(t.app, { displayName: 'Hidden Birch' }),
    ];
    voters = [
      await signUp(t.app, { displayName: 'Voter One' }),
      await signUp(t.app, { displayName: 'Voter Two' }),
      await signUp(t.app, { displayName: 'Voter Three' }),
    ];
    const challenge = await insertChallenge(t.store, {
      slug: 'reveal',
      ownerId: organizer.user.id,
      anonymous: true,
      title: 'The Reveal',
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
      .put('/api/challenges/reveal/voting')
      .set(bearer(organizer.token))
      .send({ categories: [{ id: 'best', name: 'Best overall', method: 'ranked' }] })
      .expect(200);
    await setVoting(-1, 1);
    // Two of three voters put Birch first: Birch wins outright.
    const rankings = [[entry.birch, entry.alder], [entry.birch], [entry.alder, entry.birch]];
    for (const [i, ranking] of rankings.entries()) {
      await request(t.app)
        .put('/api/challenges/reveal/ballots/best')
        .set(bearer(voters[i]!.token))
        .send({ ranking })
        .expect(200);
    }
  });

  it('shows nothing before publication: 404 for results, totals hidden from organizers too', async () => {
    expectProblem(await request(t.app).get('/api/challenges/reveal/results'), 404, 'NOT_FOUND');
    expectProblem(
      await request(t.app)
        .get('/api/challenges/reveal/results/preview')
        .set(bearer(organizer.token)),
      409,
      'TOTALS_HIDDEN',
    );
    expectProblem(
      await request(t.app)
        .post('/api/challenges/reveal/results/publish')
        .set(bearer(organizer.token)),
      409,
      'WRONG_PHASE',
    );
    expectProblem(
      await request(t.app).get(`/api/challenges/reveal/results/awards/${entry.birch}.svg`),
      404,
      'NOT_FOUND',
    );
    // Readers still see the anonymous entries without authors.
    const page = await request(t.app).get('/api/challenges/reveal');
    expect(JSON.stringify(page.body)).not.toMatch(/Hidden (Alder|Birch)/);
  });

  it('previews, then publishes the count with authors revealed, once voting has closed', async () => {
    await setVoting(-2, -0.5);
    expectProblem(
      await request(t.app)
        .get('/api/challenges/reveal/results/preview')
        .set(bearer(voters[0]!.token)),
      403,
      'NOT_ORGANIZER',
    );
    const preview = await request(t.app)
      .get('/api/challenges/reveal/results/preview')
      .set(bearer(organizer.token));
    expect(preview.status).toBe(200);
    expect(preview.body.publishedAt).toBeNull();
    expect(
      preview.body.categories[0].placings.map((p: { title: string; place: number }) => [
        p.title,
        p.place,
      ]),
    ).toEqual([
      ['Birch Story', 1],
      ['Alder Story', 2],
    ]);
    expect(preview.body.categories[0].tally.rounds.length).toBeGreaterThan(0);

    const published = await request(t.app)
      .post('/api/challenges/reveal/results/publish')
      .set(bearer(organizer.token));
    expect(published.status).toBe(200);
    expect(published.body.voters).toBe(3);
    expect(published.body.categories[0].placings[0]).toMatchObject({
      title: 'Birch Story',
      author: 'Hidden Birch',
      place: 1,
    });
    expectProblem(
      await request(t.app)
        .post('/api/challenges/reveal/results/publish')
        .set(bearer(organizer.token)),
      409,
      'ALREADY_PUBLISHED',
    );

    const publicResults = await request(t.app).get('/api/challenges/reveal/results');
    expect(publicResults.body).toEqual(published.body);
    const page = await request(t.app).get('/api/challenges/reveal');
    expect(page.body.phase).toBe('results');
    expect(page.body.entries.map((e: { author: string }) => e.author).sort()).toEqual([
      'Hidden Alder',
      'Hidden Birch',
    ]);
  });

  it('tells writers and voters, and adds the results to the feed', async () => {
    for (const person of [writers[0]!, voters[2]!]) {
      const inbox = await request(t.app).get('/api/me/notifications').set(bearer(person.token));
      expect(inbox.body.notifications.map((n: { text: string }) => n.text)).toContain(
        'The results of “The Reveal” are published.',
      );
    }
    const feed = await request(t.app).get('/api/challenges/reveal/results.atom');
    expect(feed.text).toContain('Results of The Reveal');
  });

  it('draws an award banner for a placed entry', async () => {
    const banner = await request(t.app)
      .get(`/api/challenges/reveal/results/awards/${entry.birch}.svg`)
      .buffer(true)
      .parse(binaryParser);
    expect(banner.status).toBe(200);
    expect(banner.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = (banner.body as Buffer).toString('utf8');
    expect(svg).toContain('1st place · Best overall');
    expect(svg).toContain('Birch Story');
  });

  it('lists entries in rank order once published, a page at a time', async () => {
    const all = await request(t.app).get('/api/challenges/reveal/entries?sort=rank');
    expect(all.body.entries.map((e: { title: string }) => e.title)).toEqual([
      'Birch Story',
      'Alder Story',
    ]);
    const first = await request(t.app).get('/api/challenges/reveal/entries?sort=rank&limit=1');
    expect(first.body.entries.map((e: { title: string }) => e.title)).toEqual(['Birch Story']);
    const second = await request(t.app).get(
      `/api/challenges/reveal/entries?sort=rank&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.entries.map((e: { title: string }) => e.title)).toEqual(['Alder Story']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('has no rank order before the results', async () => {
    await insertChallenge(t.store, { slug: 'unranked', ownerId: organizer.user.id });
    const res = await request(t.app).get('/api/challenges/unranked/entries?sort=rank');
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors[0].path).toBe('sort');
  });
});
