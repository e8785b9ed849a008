import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

const schedule = {
  timeZone: 'Europe/London',
  opensAt: '2026-01-01T00:00',
  closesAt: '2030-01-01T00:00',
};

describe.each(testDatabaseKinds())('communities on %s', (kind) => {
  const t = useTestApp(kind);
  let owner: SignedUp;
  let moderator: SignedUp;
  let stranger: SignedUp;

  beforeAll(async () => {
    owner = await signUp(t.app, { displayName: 'Keeper of Ballads' });
    moderator = await signUp(t.app, { displayName: 'Second Keeper' });
    stranger = await signUp(t.app, { displayName: 'Passer By' });
  });

  it('lets anyone signed in start a community, and shows it with its owner', async () => {
    const res = await request(t.app).post('/api/communities').set(bearer(owner.token)).send({
      slug: 'ballad-circle',
      name: 'The Ballad Circle',
      description: 'Songs *and* stories.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      slug: 'ballad-circle',
      name: 'The Ballad Circle',
      moderators: [{ name: 'Keeper of Ballads', role: 'owner' }],
      viewerIsModerator: true,
      challenges: [],
    });
    expect(res.body.descriptionHtml).toContain('<em>and</em>');

    const listed = await request(t.app).get('/api/communities');
    expect(listed.body.communities.map((c: { slug: string }) => c.slug)).toContain('ballad-circle');
  });

  it('refuses a visitor (401), a taken address (409) and a bad one (400)', async () => {
    const body = { slug: 'ballad-circle', name: 'Again' };
    expectProblem(await request(t.app).post('/api/communities').send(body), 401, 'UNAUTHENTICATED');
    const taken = await request(t.app)
      .post('/api/communities')
      .set(bearer(stranger.token))
      .send(body);
    expectProblem(taken, 409, 'SLUG_TAKEN');
    expect(errorPaths(taken)).toEqual(['slug']);
    const bad = await request(t.app)
      .post('/api/communities')
      .set(bearer(stranger.token))
      .send({ slug: 'No Spaces!', name: '' });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(errorPaths(bad).sort()).toEqual(['name', 'slug']);
  });

  it('lists its challenges, past and current, and lets its moderators run them', async () => {
    const add = await request(t.app)
      .post('/api/communities/ballad-circle/moderators')
      .set(bearer(owner.token))
      .send({ person: 'Second Keeper' });
    expect(add.status).toBe(201);
    expect(add.body.moderators.map((m: { name: string }) => m.name)).toEqual([
      'Keeper of Ballads',
      'Second Keeper',
    ]);

    const created = await request(t.app).post('/api/challenges').set(bearer(owner.token)).send({
      slug: 'second-fic-challenge',
      title: 'The second Fic Challenge',
      communitySlug: 'ballad-circle',
      schedule,
    });
    expect(created.status).toBe(201);
    expect(created.body.community).toEqual({ slug: 'ballad-circle', name: 'The Ballad Circle' });

    // The draft shows on the community page to its moderators only.
    const forModerator = await request(t.app)
      .get('/api/communities/ballad-circle')
      .set(bearer(moderator.token));
    expect(forModerator.body.challenges.map((c: { slug: string }) => c.slug)).toEqual([
      'second-fic-challenge',
    ]);
    const forStranger = await request(t.app)
      .get('/api/communities/ballad-circle')
      .set(bearer(stranger.token));
    expect(forStranger.body.challenges).toEqual([]);

    // A community moderator co-organizes: they may announce, but not delete.
    const announced = await request(t.app)
      .post('/api/challenges/second-fic-challenge/announce')
      .set(bearer(moderator.token));
    expect(announced.status).toBe(200);
    expect(announced.body.viewerRole).toBe('co_organizer');
    const listedNow = await request(t.app).get('/api/communities/ballad-circle');
    expect(listedNow.body.challenges.map((c: { phase: string }) => c.phase)).toEqual(['open']);
  });

  it('refuses hosting in a community the organizer does not moderate', async () => {
    const res = await request(t.app)
      .post('/api/challenges')
      .set(bearer(stranger.token))
      .send({ slug: 'gatecrash', title: 'Gatecrash', communitySlug: 'ballad-circle', schedule });
    expectProblem(res, 403, 'NOT_COMMUNITY_MODERATOR');
    expect(
      (await request(t.app).get('/api/challenges/gatecrash').set(bearer(stranger.token))).status,
    ).toBe(404);
  });

  it('lets only the owner change moderators, and never remove the owner', async () => {
    const byModerator = await request(t.app)
      .post('/api/communities/ballad-circle/moderators')
      .set(bearer(moderator.token))
      .send({ person: 'Passer By' });
    expectProblem(byModerator, 403, 'NOT_OWNER');
    const again = await request(t.app)
      .post('/api/communities/ballad-circle/moderators')
      .set(bearer(owner.token))
      .send({ person: moderator.email });
    expectProblem(again, 409, 'ALREADY_MODERATOR');
    const removeOwner = await request(t.app)
      .delete(`/api/communities/ballad-circle/moderators/${owner.user.id}`)
      .set(bearer(owner.token));
    expectProblem(removeOwner, 403, 'CANNOT_REMOVE_OWNER');
    const removed = await request(t.app)
      .delete(`/api/communities/ballad-circle/moderators/${moderator.user.id}`)
      .set(bearer(owner.token));
    expect(removed.status).toBe(204);
    const after = await request(t.app)
      .patch('/api/challenges/second-fic-challenge')
      .set(bearer(moderator.token))
      .send({ title: 'Renamed' });
    expectProblem(after, 403, 'NOT_ORGANIZER');
  });

  it('answers 404 for an unknown community', async () => {
    expectProblem(await request(t.app).get('/api/communities/nowhere'), 404, 'NOT_FOUND');
    expectProblem(await request(t.app).get('/api/communities/%00bad'), 404, 'NOT_FOUND');
  });
});
