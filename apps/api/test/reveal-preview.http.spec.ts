import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertChallenge, insertEntry } from './support/fixtures';
import { bearer, expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

describe.each(testDatabaseKinds())('reveal preview on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Masked Organizer' });
    writer = await signUp(t.app, { displayName: 'Hidden Writer' });
  });

  it('shows organizers which entries will be revealed, authors hidden unless allowed', async () => {
    const challenge = await insertChallenge(t.store, {
      slug: 'masked',
      ownerId: organizer.user.id,
      anonymous: true,
    });
    await insertEntry(t.store, {
      challengeId: challenge.id,
      userId: writer.user.id,
      title: 'Behind the Mask',
    });
    await insertEntry(t.store, {
      challengeId: challenge.id,
      userId: writer.user.id,
      title: 'Unsent',
      status: 'draft',
    });

    const hidden = await request(t.app)
      .get('/api/challenges/masked/reveal-preview')
      .set(bearer(organizer.token));
    expect(hidden.status).toBe(200);
    expect(hidden.body).toEqual({
      anonymous: true,
      revealed: false,
      organizersSeeAuthors: false,
      entries: [
        { id: expect.any(Number), title: 'Behind the Mask', author: null, status: 'submitted' },
      ],
    });

    await request(t.app)
      .patch('/api/challenges/masked')
      .set(bearer(organizer.token))
      .send({ organizersSeeAuthors: true })
      .expect(200);
    const shown = await request(t.app)
      .get('/api/challenges/masked/reveal-preview')
      .set(bearer(organizer.token));
    expect(shown.body.entries[0].author).toBe('Hidden Writer');

    // Readers still see no author on the public page.
    const page = await request(t.app).get('/api/challenges/masked').set(bearer(writer.token));
    expect(page.body.entries[0].author).toBe('Hidden Writer'); // the author sees their own name
    const visitor = await request(t.app).get('/api/challenges/masked');
    expect(visitor.body.entries[0].author).toBeNull();
    expect(JSON.stringify(visitor.body)).not.toContain('Hidden Writer');
  });

  it('is for organizers only', async () => {
    expectProblem(
      await request(t.app).get('/api/challenges/masked/reveal-preview'),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await request(t.app).get('/api/challenges/masked/reveal-preview').set(bearer(writer.token)),
      403,
      'NOT_ORGANIZER',
    );
  });
});
