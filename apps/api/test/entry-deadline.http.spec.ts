import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryDetail } from '@ficathon/schema';
import {
  asUser,
  createEntry,
  defaultPseudId,
  getEntry,
  organizeChallenge,
  postEntry,
  publicTitles,
  putEntry,
  story,
} from './support/entries';
import { expectProblem, signUp, type SignedUp } from './support/http';
import { FakeClock, testDatabaseKinds, useTestApp } from './support/test-app';

// Every instant here is fixed, so the deadline's wording can be checked exactly: submissions
// close on 15 January 2030 at 17:00 UTC, which is 12:00 in New York (EST, UTC-5).
const START = new Date('2030-01-10T17:00:00.000Z');
const DEADLINE_DAYS = 5;
const AFTER_DEADLINE = new Date('2030-01-16T09:00:00.000Z');

describe.each(testDatabaseKinds())('entry deadlines over HTTP on %s', (kind) => {
  const clock = new FakeClock(START);
  const t = useTestApp(kind, { clock: clock.now });
  let organizer: SignedUp;
  let writer: SignedUp;
  let latecomer: SignedUp;
  let writerPseud: number;
  let latecomerPseud: number;
  let counter = 0;

  const setTime = (at: Date) => clock.advance(at.getTime() - clock.now().getTime());

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Deadline Keeper' });
    writer = await signUp(t.app, { email: 'slow-writer@example.com', displayName: 'Slow Writer' });
    latecomer = await signUp(t.app, { displayName: 'Late Comer' });
    writerPseud = await defaultPseudId(t.app, writer.token);
    latecomerPseud = await defaultPseudId(t.app, latecomer.token);
  });

  /** An open challenge closing at the deadline, with a draft by each writer (made before it). */
  async function closedWithDrafts() {
    setTime(START);
    counter += 1;
    const { slug } = await organizeChallenge(t.app, organizer.token, `deadline-${counter}`, {
      now: START,
      days: { opens: -1, closes: DEADLINE_DAYS, votingOpens: 15, votingCloses: 20 },
    });
    const draft = await createEntry(
      t.app,
      writer.token,
      slug,
      story(writerPseud, { header: { title: `Almost done ${counter}` } }),
    );
    const otherDraft = await createEntry(
      t.app,
      latecomer.token,
      slug,
      story(latecomerPseud, { header: { title: `Also almost done ${counter}` } }),
    );
    setTime(AFTER_DEADLINE);
    return { slug, draft, otherDraft };
  }

  const submitDraft = (draft: EntryDetail, token: string, pseudId: number, zone?: string) =>
    putEntry(
      t.app,
      token,
      draft.id,
      story(pseudId, { header: { title: draft.title }, body: 'The finished text.', submit: true }),
      zone ? { 'X-Time-Zone': zone } : {},
    );

  it('refuses a submission after the deadline with 409 naming the deadline', async () => {
    const { slug, draft } = await closedWithDrafts();
    const res = await submitDraft(draft, writer.token, writerPseud);
    expectProblem(res, 409, 'DEADLINE_PASSED');
    expect(res.body.detail).toContain('15 January 2030');
    expect(res.body.detail).toMatch(/17:00/);

    const direct = await postEntry(
      t.app,
      writer.token,
      slug,
      story(writerPseud, { header: { title: 'Too late' }, submit: true }),
    );
    expectProblem(direct, 409, 'DEADLINE_PASSED');
    expect(await publicTitles(t.app, slug)).toEqual([]);
  });

  it('names the deadline in the writer’s time zone (X-Time-Zone)', async () => {
    const { draft } = await closedWithDrafts();
    const res = await submitDraft(draft, writer.token, writerPseud, 'America/New_York');
    expectProblem(res, 409, 'DEADLINE_PASSED');
    expect(res.body.detail).toContain('15 January 2030');
    expect(res.body.detail).toMatch(/12:00/);
    expect(res.body.detail).toMatch(/EST|GMT-5/);
    expect(res.body.detail).not.toMatch(/17:00/);
  });

  it('changes nothing on a late submission, as the 409 tells the writer', async () => {
    const { slug, draft } = await closedWithDrafts();
    const res = await submitDraft(draft, writer.token, writerPseud);
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/Nothing was changed/);
    const mine = await getEntry(t.app, draft.id, writer.token);
    expect(mine.body).toMatchObject({ status: 'draft', body: draft.body });

    const direct = await postEntry(
      t.app,
      writer.token,
      slug,
      story(writerPseud, {
        header: { title: 'Started too late' },
        body: 'Late words.',
        submit: true,
      }),
    );
    expect(direct.status).toBe(409);
    expect(direct.body.detail).toMatch(/Nothing was changed/);
    const listed = await request(t.app).get('/api/me/entries').set(asUser(writer.token));
    expect(listed.body.entries).not.toContainEqual(
      expect.objectContaining({ title: 'Started too late' }),
    );
  });

  it('still saves a draft after the deadline', async () => {
    const { draft } = await closedWithDrafts();
    const res = await putEntry(
      t.app,
      writer.token,
      draft.id,
      story(writerPseud, { header: { title: draft.title }, body: 'Kept for later.' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', body: 'Kept for later.', canEdit: true });
  });

  it('accepts the same submission after an extension for that writer, and no one else’s', async () => {
    const { slug, draft, otherDraft } = await closedWithDrafts();
    const extended = await request(t.app)
      .post(`/api/challenges/${slug}/extensions`)
      .set(asUser(organizer.token))
      .send({ person: 'slow-writer@example.com', until: '2030-01-20T12:00' });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);

    const res = await submitDraft(draft, writer.token, writerPseud);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', canEdit: true });
    expect(await publicTitles(t.app, slug)).toEqual([draft.title]);

    const other = await submitDraft(otherDraft, latecomer.token, latecomerPseud);
    expectProblem(other, 409, 'DEADLINE_PASSED');

    // After the extension ends, the writer's window is closed again, naming the new deadline.
    setTime(new Date('2030-01-21T00:00:00.000Z'));
    const edit = await putEntry(
      t.app,
      writer.token,
      draft.id,
      story(writerPseud, { header: { title: draft.title }, body: 'One more change.' }),
    );
    expectProblem(edit, 409, 'DEADLINE_PASSED');
    expect(edit.body.detail).toContain('20 January 2030');
  });

  it('refuses to change a submitted entry after the deadline', async () => {
    setTime(START);
    counter += 1;
    const { slug } = await organizeChallenge(t.app, organizer.token, `deadline-${counter}`, {
      now: START,
      days: { opens: -1, closes: DEADLINE_DAYS, votingOpens: 15, votingCloses: 20 },
    });
    const entry = await createEntry(
      t.app,
      writer.token,
      slug,
      story(writerPseud, { header: { title: 'Submitted in time' }, submit: true }),
    );
    setTime(AFTER_DEADLINE);
    expect((await getEntry(t.app, entry.id, writer.token)).body.canEdit).toBe(false);
    const edit = await putEntry(
      t.app,
      writer.token,
      entry.id,
      story(writerPseud, { header: { title: 'Submitted in time' }, body: 'Rewritten late.' }),
    );
    expectProblem(edit, 409, 'DEADLINE_PASSED');
    const seen = await getEntry(t.app, entry.id);
    expect(seen.body.bodyHtml).not.toContain('Rewritten late.');
  });

  it('refuses to save a draft once voting has begun, as canEdit says', async () => {
    const { draft } = await closedWithDrafts();
    setTime(new Date('2030-01-26T12:00:00.000Z'));
    const mine = await getEntry(t.app, draft.id, writer.token);
    expect(mine.body).toMatchObject({ status: 'draft', canEdit: false });
    const res = await putEntry(
      t.app,
      writer.token,
      draft.id,
      story(writerPseud, { header: { title: draft.title }, body: 'Written during the vote.' }),
    );
    expectProblem(res, 409, 'WRONG_PHASE');
    const after = await getEntry(t.app, draft.id, writer.token);
    expect(after.body.body).toBe(story(writerPseud).body);
  });

  it('refuses a submission before the challenge opens with 409 WRONG_PHASE', async () => {
    setTime(START);
    counter += 1;
    const { slug } = await organizeChallenge(t.app, organizer.token, `deadline-${counter}`, {
      now: START,
      days: { opens: 3, closes: 10, votingOpens: 15, votingCloses: 20 },
    });
    const detail = await request(t.app).get(`/api/challenges/${slug}`);
    expect(detail.body.phase).toBe('announced');

    const direct = await postEntry(
      t.app,
      writer.token,
      slug,
      story(writerPseud, { header: { title: 'Too early' }, submit: true }),
    );
    expectProblem(direct, 409, 'WRONG_PHASE');

    // A draft may be started already; submitting it waits for the opening.
    const draft = await createEntry(
      t.app,
      writer.token,
      slug,
      story(writerPseud, { header: { title: 'Early draft' } }),
    );
    expect(draft.status).toBe('draft');
    expectProblem(await submitDraft(draft, writer.token, writerPseud), 409, 'WRONG_PHASE');

    setTime(new Date(START.getTime() + 4 * 24 * 60 * 60 * 1000));
    const opened = await submitDraft(draft, writer.token, writerPseud);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.status).toBe('submitted');
  });
});
