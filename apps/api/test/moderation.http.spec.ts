import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModerationQueueItem } from '@ficathon/schema';
import { errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import {
  announce,
  as,
  challengeBody,
  challengeId,
  createChallenge,
  detailOf,
  insertEntryWith,
  scheduleFromNow,
  words,
} from './support/organizer';
import { testDatabaseKinds, useTestApp } from './support/test-app';

describe.each(testDatabaseKinds())('moderation over HTTP on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let counter = 0;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Gate Keeper' });
    writer = await signUp(t.app, { displayName: 'Hopeful Writer' });
  });

  /** An open challenge and one submitted entry by the writer. */
  async function submitted(
    overrides: Parameters<typeof challengeBody>[1] = {},
    entry: { body?: string } = {},
  ) {
    counter += 1;
    const slug = `gated-${counter}`;
    await createChallenge(
      t.app,
      organizer.token,
      challengeBody(slug, { moderated: true, ...overrides }),
    );
    await announce(t.app, organizer.token, slug);
    const row = await insertEntryWith(t.store, {
      challengeId: await challengeId(t.store, slug),
      userId: writer.user.id,
      title: `Entry for ${slug}`,
      body: entry.body,
    });
    return { slug, entryId: row.id };
  }

  const moderate = (entryId: number, body: Record<string, unknown>, token = organizer.token) =>
    request(t.app).post(`/api/entries/${entryId}/moderation`).set(as(token)).send(body);

  const queue = async (slug: string): Promise<ModerationQueueItem[]> => {
    const res = await request(t.app)
      .get(`/api/challenges/${slug}/moderation`)
      .set(as(organizer.token));
    expect(res.status).toBe(200);
    return res.body.entries as ModerationQueueItem[];
  };

  const publicView = async (slug: string) => {
    const detail = await detailOf(t.app, slug);
    const listed = await request(t.app).get('/api/challenges');
    const summary = (listed.body.challenges as { slug: string; entryCount: number }[]).find(
      (c) => c.slug === slug,
    );
    return {
      titles: detail.entries.map((e) => e.title),
      entryCount: detail.entryCount,
      listedCount: summary?.entryCount,
    };
  };

  it('keeps a submitted entry of a moderated challenge out of public view, in the queue', async () => {
    const { slug, entryId } = await submitted();
    expect(await publicView(slug)).toEqual({ titles: [], entryCount: 0, listedCount: 0 });
    expect(await queue(slug)).toEqual([
      expect.objectContaining({
        id: entryId,
        title: `Entry for ${slug}`,
        author: 'Hopeful Writer',
        status: 'submitted',
        moderationNote: null,
        violations: [],
      }),
    ]);
  });

  it('shows a submitted entry of an unmoderated challenge at once', async () => {
    const { slug } = await submitted({ moderated: false });
    expect(await publicView(slug)).toEqual({
      titles: [`Entry for ${slug}`],
      entryCount: 1,
      listedCount: 1,
    });
  });

  it('makes an approved entry public and takes it out of the queue', async () => {
    const { slug, entryId } = await submitted();
    const res = await moderate(entryId, { action: 'approve' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: entryId, status: 'approved', moderationNote: null });
    expect(await publicView(slug)).toEqual({
      titles: [`Entry for ${slug}`],
      entryCount: 1,
      listedCount: 1,
    });
    expect(await queue(slug)).toEqual([]);
    expectProblem(await moderate(entryId, { action: 'approve' }), 409, 'WRONG_STATUS');
  });

  it.each([
    ['reject', undefined],
    ['reject', '   '],
    ['request_changes', undefined],
    ['disqualify', ''],
  ])('refuses to %s without a reason (%j), under `reason`', async (action, reason) => {
    const { slug, entryId } = await submitted();
    const res = await moderate(entryId, reason === undefined ? { action } : { action, reason });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(errorPaths(res)).toEqual(['reason']);
    expect(await queue(slug)).toEqual([
      expect.objectContaining({ id: entryId, status: 'submitted' }),
    ]);
  });

  it('rejects with a reason the writer can read, kept as the moderation note', async () => {
    const { slug, entryId } = await submitted();
    const reason = 'The story must use one of the prompts.';
    const res = await moderate(entryId, { action: 'reject', reason: `  ${reason}\n` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', moderationNote: reason });
    expect(await t.store.repos.entries.findById(entryId)).toMatchObject({
      status: 'rejected',
      moderation_note: reason,
    });
    expect(await publicView(slug)).toEqual({ titles: [], entryCount: 0, listedCount: 0 });
    const audit = await request(t.app)
      .get(`/api/challenges/${slug}/audit`)
      .set(as(organizer.token));
    expect(audit.body.events[0]).toMatchObject({
      action: 'entry.rejected',
      actor: 'Gate Keeper',
      detail: { entryId, reason },
    });
  });

  it('sends an entry back to its writer as a draft when asking for changes', async () => {
    const { slug, entryId } = await submitted();
    const reason = 'Please add the content warnings.';
    const res = await moderate(entryId, { action: 'request_changes', reason });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', moderationNote: reason });
    expect(await t.store.repos.entries.findById(entryId)).toMatchObject({
      status: 'draft',
      moderation_note: reason,
    });
    expect(await queue(slug)).toEqual([]);
    // The draft is the writer's again: organizers can neither see nor decide on it.
    expectProblem(await moderate(entryId, { action: 'approve' }), 404, 'NOT_FOUND');
    const exported = await request(t.app)
      .get(`/api/challenges/${slug}/export.json`)
      .set(as(organizer.token));
    expect(exported.body.entries).toEqual([]);
  });

  it('disqualifies an approved entry with a reason, taking it out of public view', async () => {
    const { slug, entryId } = await submitted();
    expect((await moderate(entryId, { action: 'approve' })).status).toBe(200);
    const res = await moderate(entryId, { action: 'disqualify', reason: 'Plagiarised.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', moderationNote: 'Plagiarised.' });
    expect(await publicView(slug)).toEqual({ titles: [], entryCount: 0, listedCount: 0 });
  });

  it('lists the rules each waiting entry breaks', async () => {
    const { slug, entryId } = await submitted({ rules: { maxWords: 5 } }, { body: words(8) });
    const [item] = await queue(slug);
    expect(item).toMatchObject({ id: entryId, wordCount: 8 });
    expect(item?.violations.map((v) => v.rule)).toEqual(['max_words']);
  });

  it('hides authors in the queue of an anonymous challenge unless organizers see authors', async () => {
    const hidden = await submitted({ anonymous: true });
    expect((await queue(hidden.slug))[0]?.author).toBeNull();
    const shown = await submitted({ anonymous: true, organizersSeeAuthors: true });
    expect((await queue(shown.slug))[0]?.author).toBe('Hopeful Writer');
  });

  it('is not possible before submissions open: 409 naming the phases that allow it', async () => {
    counter += 1;
    const slug = `not-yet-${counter}`;
    await createChallenge(
      t.app,
      organizer.token,
      challengeBody(slug, { moderated: true, schedule: scheduleFromNow(new Date(), { opens: 2 }) }),
    );
    expect((await announce(t.app, organizer.token, slug)).phase).toBe('announced');
    const entry = await insertEntryWith(t.store, {
      challengeId: await challengeId(t.store, slug),
      userId: writer.user.id,
      title: 'Too early',
    });
    const res = await moderate(entry.id, { action: 'approve' });
    expectProblem(res, 409, 'WRONG_PHASE');
    expect(res.body.detail).toContain('open for submissions or closed for submissions');
    expect(res.body.detail).toContain('announced now');
    expect(await t.store.repos.entries.findById(entry.id)).toMatchObject({ status: 'submitted' });
  });

  it('answers an entry that does not exist with 404', async () => {
    expectProblem(await moderate(999_999, { action: 'approve' }), 404, 'NOT_FOUND');
  });
});
