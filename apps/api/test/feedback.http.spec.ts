import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertChallenge, insertEntry } from './support/fixtures';
import { bearer, errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

describe.each(testDatabaseKinds())('kudos, comments and notifications on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let reader: SignedUp;
  let entryId: number;
  let anonymousEntryId: number;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Feedback Organizer' });
    writer = await signUp(t.app, { displayName: 'Feedback Writer' });
    reader = await signUp(t.app, { displayName: 'Feedback Reader' });
    const open = await insertChallenge(t.store, {
      slug: 'feedback-open',
      ownerId: organizer.user.id,
    });
    entryId = (
      await insertEntry(t.store, { challengeId: open.id, userId: writer.user.id, title: 'Praised' })
    ).id;
    const masked = await insertChallenge(t.store, {
      slug: 'feedback-masked',
      ownerId: organizer.user.id,
      anonymous: true,
    });
    anonymousEntryId = (
      await insertEntry(t.store, {
        challengeId: masked.id,
        userId: writer.user.id,
        title: 'Masked',
      })
    ).id;
  });

  it('takes one kudos per reader, never from the writer, and counts it', async () => {
    const given = await request(t.app)
      .post(`/api/entries/${entryId}/kudos`)
      .set(bearer(reader.token));
    expect(given.status).toBe(201);
    expect(given.body).toEqual({ count: 1, givenByMe: true, canGive: false });
    expectProblem(
      await request(t.app).post(`/api/entries/${entryId}/kudos`).set(bearer(reader.token)),
      409,
      'KUDOS_GIVEN',
    );
    expectProblem(
      await request(t.app).post(`/api/entries/${entryId}/kudos`).set(bearer(writer.token)),
      403,
      'OWN_ENTRY',
    );
    expectProblem(
      await request(t.app).post(`/api/entries/${entryId}/kudos`),
      401,
      'UNAUTHENTICATED',
    );
    const seen = await request(t.app).get(`/api/entries/${entryId}/kudos`);
    expect(seen.body).toEqual({ count: 1, givenByMe: false, canGive: false });
    const listed = await request(t.app).get('/api/challenges/feedback-open/entries?sort=kudos');
    expect(listed.body.entries[0]).toMatchObject({ title: 'Praised', kudos: 1 });
  });

  it('threads comments one level deep and lets the right people edit and delete', async () => {
    const first = await request(t.app)
      .post(`/api/entries/${entryId}/comments`)
      .set(bearer(reader.token))
      .send({ body: 'Lovely <b>work</b>.\nTruly.' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      author: 'Feedback Reader',
      isMine: true,
      canEdit: true,
      parentId: null,
    });
    expect(first.body.bodyHtml).toBe('<p>Lovely &lt;b&gt;work&lt;/b&gt;.<br>\nTruly.</p>');

    const reply = await request(t.app)
      .post(`/api/entries/${entryId}/comments`)
      .set(bearer(writer.token))
      .send({ body: 'Thank you!', parentId: first.body.id });
    expect(reply.status).toBe(201);
    const deeper = await request(t.app)
      .post(`/api/entries/${entryId}/comments`)
      .set(bearer(reader.token))
      .send({ body: 'And again', parentId: reply.body.id });
    expectProblem(deeper, 400, 'VALIDATION_FAILED');
    expect(errorPaths(deeper)).toEqual(['parentId']);
    const empty = await request(t.app)
      .post(`/api/entries/${entryId}/comments`)
      .set(bearer(reader.token))
      .send({ body: '   ' });
    expect(errorPaths(empty)).toEqual(['body']);

    const thread = await request(t.app).get(`/api/entries/${entryId}/comments`);
    expect(thread.body.comments).toHaveLength(1);
    expect(thread.body.comments[0].replies.map((c: { body: string }) => c.body)).toEqual([
      'Thank you!',
    ]);

    const foreignEdit = await request(t.app)
      .patch(`/api/comments/${first.body.id}`)
      .set(bearer(writer.token))
      .send({ body: 'x' });
    expectProblem(foreignEdit, 403, 'NOT_YOUR_COMMENT');
    const edited = await request(t.app)
      .patch(`/api/comments/${first.body.id}`)
      .set(bearer(reader.token))
      .send({ body: 'Edited.' });
    expect(edited.body.body).toBe('Edited.');
    // The entry's writer may delete comments on their entry; the thread keeps the reply.
    await request(t.app)
      .delete(`/api/comments/${first.body.id}`)
      .set(bearer(writer.token))
      .expect(204);
    const after = await request(t.app).get(`/api/entries/${entryId}/comments`);
    expect(after.body.comments[0]).toMatchObject({ deleted: true, body: '', author: '' });
    expect(after.body.comments[0].replies).toHaveLength(1);
  });

  it('shows the writer as "Author" in an anonymous challenge, except to the writer', async () => {
    const res = await request(t.app)
      .post(`/api/entries/${anonymousEntryId}/comments`)
      .set(bearer(writer.token))
      .send({ body: 'Author’s note.' });
    expect(res.body.author).toBe('Feedback Writer');
    const forReader = await request(t.app)
      .get(`/api/entries/${anonymousEntryId}/comments`)
      .set(bearer(reader.token));
    expect(forReader.body.comments[0].author).toBe('Author');
    expect(JSON.stringify(forReader.body)).not.toContain('Feedback Writer');
  });

  it('tells writers about kudos and comments, and marks them read', async () => {
    const inbox = await request(t.app).get('/api/me/notifications').set(bearer(writer.token));
    const texts = inbox.body.notifications.map((n: { text: string }) => n.text);
    expect(texts).toContain('Feedback Reader left kudos on “Praised”.');
    expect(texts).toContain('Feedback Reader commented on “Praised”.');
    expect(inbox.body.unread).toBeGreaterThanOrEqual(2);
    const count = await request(t.app)
      .get('/api/me/notifications/unread')
      .set(bearer(writer.token));
    expect(count.body.unread).toBe(inbox.body.unread);
    await request(t.app)
      .post('/api/me/notifications/read')
      .set(bearer(writer.token))
      .send({})
      .expect(204);
    const read = await request(t.app).get('/api/me/notifications').set(bearer(writer.token));
    expect(read.body.unread).toBe(0);
    // The reader hears of the writer's reply.
    const readerInbox = await request(t.app).get('/api/me/notifications').set(bearer(reader.token));
    expect(readerInbox.body.notifications[0].text).toBe(
      'Feedback Writer replied to your comment on “Praised”.',
    );
  });

  it('answers 404 for feedback on a withdrawn or draft entry', async () => {
    const open = await t.store.repos.challenges.findBySlug('feedback-open');
    const withdrawn = await insertEntry(t.store, {
      challengeId: open!.id,
      userId: writer.user.id,
      title: 'Gone',
      status: 'withdrawn',
    });
    const draft = await insertEntry(t.store, {
      challengeId: open!.id,
      userId: writer.user.id,
      title: 'Unsent',
      status: 'draft',
    });
    for (const id of [withdrawn.id, draft.id]) {
      expectProblem(
        await request(t.app)
          .post(`/api/entries/${id}/comments`)
          .set(bearer(reader.token))
          .send({ body: 'hi' }),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await request(t.app).post(`/api/entries/${id}/kudos`).set(bearer(reader.token)),
        404,
        'NOT_FOUND',
      );
    }
  });

  it('limits comments per client with 429 and Retry-After', async () => {
    const app = t.buildApp({ rateLimits: { comments: { limit: 2, windowMs: 60_000 } } });
    const client = { 'X-Forwarded-For': '203.0.113.77' };
    for (let i = 0; i < 2; i += 1) {
      await request(app)
        .post(`/api/entries/${entryId}/comments`)
        .set(client)
        .set(bearer(reader.token))
        .send({ body: `n${i}` })
        .expect(201);
    }
    const limited = await request(app)
      .post(`/api/entries/${entryId}/comments`)
      .set(client)
      .set(bearer(reader.token))
      .send({ body: 'n3' });
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
