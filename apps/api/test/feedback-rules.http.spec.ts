import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommentView } from '@ficathon/schema';
import { asUser, createEntry, defaultPseudId, organizeChallenge, story } from './support/entries';
import { bearer, errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

describe.each(testDatabaseKinds())('kudos and comment rules on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let coOrganizer: SignedUp;
  let otherOrganizer: SignedUp;
  let writer: SignedUp;
  let reader: SignedUp;
  let bystander: SignedUp;
  let publicId: number;
  const hidden: Record<string, number> = {};

  const comment = (entryId: number, token: string, body: unknown, parentId?: number) =>
    request(t.app)
      .post(`/api/entries/${entryId}/comments`)
      .set(bearer(token))
      .send({ body, ...(parentId === undefined ? {} : { parentId }) });
  const kudos = (entryId: number, token: string) =>
    request(t.app).post(`/api/entries/${entryId}/kudos`).set(bearer(token));
  const thread = async (entryId: number) => {
    const res = await request(t.app).get(`/api/entries/${entryId}/comments`);
    expect(res.status).toBe(200);
    return res.body.comments as CommentView[];
  };

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Rules Organizer' });
    coOrganizer = await signUp(t.app, { displayName: 'Rules Co-organizer' });
    otherOrganizer = await signUp(t.app, { displayName: 'Elsewhere Organizer' });
    writer = await signUp(t.app, { displayName: 'Rules Writer' });
    reader = await signUp(t.app, { displayName: 'Rules Reader' });
    bystander = await signUp(t.app, { displayName: 'Rules Bystander' });
    const pseudId = await defaultPseudId(t.app, writer.token);
    await organizeChallenge(t.app, organizer.token, 'feedback-rules');
    await organizeChallenge(t.app, organizer.token, 'feedback-moderated', { moderated: true });
    await organizeChallenge(t.app, otherOrganizer.token, 'feedback-elsewhere');
    await request(t.app)
      .post('/api/challenges/feedback-rules/organizers')
      .set(bearer(organizer.token))
      .send({ person: coOrganizer.email })
      .expect(201);

    const post = async (slug: string, title: string, submit = true) =>
      (await createEntry(t.app, writer.token, slug, story(pseudId, { header: { title }, submit })))
        .id;
    publicId = await post('feedback-rules', 'Open for Feedback');
    hidden.draft = await post('feedback-rules', 'Still a Draft', false);
    hidden.withdrawn = await post('feedback-rules', 'Withdrawn Later');
    hidden.unapproved = await post('feedback-moderated', 'Awaiting Approval');
    hidden.rejected = await post('feedback-moderated', 'Turned Down');
    await request(t.app)
      .post(`/api/entries/${hidden.rejected}/moderation`)
      .set(bearer(organizer.token))
      .send({ action: 'reject', reason: 'Off theme.' })
      .expect(200);
  });

  it('answers 409 to a second kudos, and the count stays at one', async () => {
    expect((await kudos(publicId, reader.token)).status).toBe(201);
    expectProblem(await kudos(publicId, reader.token), 409, 'KUDOS_GIVEN');
    const seen = await request(t.app)
      .get(`/api/entries/${publicId}/kudos`)
      .set(asUser(reader.token));
    expect(seen.body).toEqual({ count: 1, givenByMe: true, canGive: false });
    const listed = await request(t.app).get('/api/challenges/feedback-rules/entries');
    expect(listed.body.entries.find((e: { id: number }) => e.id === publicId).kudos).toBe(1);
  });

  it('answers 404 to kudos and comments on a withdrawn entry, keeping what it had', async () => {
    const before = await comment(hidden.withdrawn!, reader.token, 'Before it was withdrawn.');
    expect(before.status).toBe(201);
    await request(t.app)
      .post(`/api/entries/${hidden.withdrawn}/withdraw`)
      .set(bearer(writer.token))
      .expect(200);
    expectProblem(await kudos(hidden.withdrawn!, reader.token), 404, 'NOT_FOUND');
    expectProblem(await comment(hidden.withdrawn!, reader.token, 'hi'), 404, 'NOT_FOUND');
    expectProblem(
      await comment(hidden.withdrawn!, reader.token, 'reply', before.body.id),
      404,
      'NOT_FOUND',
    );
    // The old comment can no longer be reached to edit either.
    expectProblem(
      await request(t.app)
        .patch(`/api/comments/${before.body.id}`)
        .set(bearer(reader.token))
        .send({ body: 'edited' }),
      404,
      'NOT_FOUND',
    );
  });

  it.each(['draft', 'withdrawn', 'unapproved', 'rejected'])(
    'answers 404 to feedback on a %s entry, for readers and organizers alike',
    async (name) => {
      const id = hidden[name]!;
      for (const token of [reader.token, organizer.token]) {
        expectProblem(await kudos(id, token), 404, 'NOT_FOUND');
        expectProblem(await comment(id, token, 'Lovely.'), 404, 'NOT_FOUND');
        for (const path of ['kudos', 'comments']) {
          expectProblem(
            await request(t.app).get(`/api/entries/${id}/${path}`).set(bearer(token)),
            404,
            'NOT_FOUND',
          );
        }
      }
    },
  );

  it('takes a comment of 10,000 characters and answers 400 naming body beyond', async () => {
    const longest = await comment(publicId, reader.token, 'x'.repeat(10_000));
    expect(longest.status).toBe(201);
    const over = await comment(publicId, reader.token, 'x'.repeat(10_001));
    expectProblem(over, 400, 'VALIDATION_FAILED');
    expect(errorPaths(over)).toEqual(['body']);
    const edit = await request(t.app)
      .patch(`/api/comments/${longest.body.id}`)
      .set(bearer(reader.token))
      .send({ body: 'y'.repeat(10_001) });
    expectProblem(edit, 400, 'VALIDATION_FAILED');
    expect(errorPaths(edit)).toEqual(['body']);
    // Multi-byte characters count as characters.
    expect((await comment(publicId, reader.token, 'é'.repeat(10_000))).status).toBe(201);
  });

  it.each([
    [null, 'body'],
    [42, 'body'],
    ['', 'body'],
    ['nul\u0000byte', 'body'],
  ])('answers 400 naming body for %j', async (body, field) => {
    const res = await comment(publicId, reader.token, body);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(errorPaths(res)).toEqual([field]);
  });

  it('answers 403 to anyone editing or deleting someone else’s comment, and changes nothing', async () => {
    const mine = await comment(publicId, reader.token, 'Mine to keep.');
    expect(mine.status).toBe(201);
    for (const token of [bystander.token, writer.token, organizer.token]) {
      expectProblem(
        await request(t.app)
          .patch(`/api/comments/${mine.body.id}`)
          .set(bearer(token))
          .send({ body: 'Not yours.' }),
        403,
        'NOT_YOUR_COMMENT',
      );
    }
    for (const token of [bystander.token, otherOrganizer.token]) {
      expectProblem(
        await request(t.app).delete(`/api/comments/${mine.body.id}`).set(bearer(token)),
        403,
        'NOT_YOUR_COMMENT',
      );
    }
    const kept = (await thread(publicId)).find((c) => c.id === mine.body.id);
    expect(kept).toMatchObject({ body: 'Mine to keep.', deleted: false });
  });

  it('lets the owner and a co-organizer of the challenge delete any comment on its entries', async () => {
    for (const token of [organizer.token, coOrganizer.token]) {
      const posted = await comment(publicId, bystander.token, 'Spam, spam, spam.');
      expect(posted.status).toBe(201);
      const view = await request(t.app).get(`/api/entries/${publicId}/comments`).set(bearer(token));
      expect(
        (view.body.comments as CommentView[]).find((c) => c.id === posted.body.id)?.canDelete,
      ).toBe(true);
      await request(t.app).delete(`/api/comments/${posted.body.id}`).set(bearer(token)).expect(204);
      expect((await thread(publicId)).map((c) => c.id)).not.toContain(posted.body.id);
      expectProblem(
        await request(t.app).delete(`/api/comments/${posted.body.id}`).set(bearer(token)),
        404,
        'NOT_FOUND',
      );
    }
  });

  it('offers delete only to those who may delete', async () => {
    const posted = await comment(publicId, reader.token, 'Who may delete me?');
    const canDelete = async (token?: string) => {
      const res = await request(t.app).get(`/api/entries/${publicId}/comments`).set(asUser(token));
      return (res.body.comments as CommentView[]).find((c) => c.id === posted.body.id)?.canDelete;
    };
    expect(await canDelete(reader.token)).toBe(true);
    expect(await canDelete(writer.token)).toBe(true);
    expect(await canDelete(organizer.token)).toBe(true);
    expect(await canDelete(bystander.token)).toBe(false);
    expect(await canDelete(otherOrganizer.token)).toBe(false);
    expect(await canDelete()).toBe(false);
  });
});
