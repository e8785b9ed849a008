import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryDetail, ModerationQueueItem } from '@ficathon/schema';
import {
  asUser,
  createEntry,
  defaultPseudId,
  getEntry,
  organizeChallenge,
  publicTitles,
  putEntry,
  saveEntry,
  story,
} from './support/entries';
import { expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

describe.each(testDatabaseKinds())('moderation outcomes for writers on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let reader: SignedUp;
  let writerPseud: number;
  let slug: string;
  let counter = 0;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Careful Moderator' });
    writer = await signUp(t.app, { displayName: 'Moderated Writer' });
    reader = await signUp(t.app, { displayName: 'Patient Reader' });
    writerPseud = await defaultPseudId(t.app, writer.token);
    ({ slug } = await organizeChallenge(t.app, organizer.token, 'moderated-stories', {
      moderated: true,
    }));
  });

  const submit = async (what: string): Promise<EntryDetail> => {
    counter += 1;
    return createEntry(
      t.app,
      writer.token,
      slug,
      story(writerPseud, { header: { title: `${what} #${counter}` }, submit: true }),
    );
  };
  const moderate = async (id: number, action: string, reason?: string) => {
    const res = await request(t.app)
      .post(`/api/entries/${id}/moderation`)
      .set(asUser(organizer.token))
      .send({ action, ...(reason === undefined ? {} : { reason }) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as ModerationQueueItem;
  };
  const queueIds = async () => {
    const res = await request(t.app)
      .get(`/api/challenges/${slug}/moderation`)
      .set(asUser(organizer.token));
    expect(res.status).toBe(200);
    return (res.body.entries as ModerationQueueItem[]).map((e) => e.id);
  };
  const entryCount = async () => {
    const res = await request(t.app).get(`/api/challenges/${slug}`);
    return res.body.entryCount as number;
  };
  const myEntry = async (id: number) => {
    const res = await request(t.app).get('/api/me/entries').set(asUser(writer.token));
    return (
      res.body.entries as { id: number; status: string; moderationNote: string | null }[]
    ).find((e) => e.id === id);
  };

  it('keeps a submitted entry out of public view until an organizer approves it', async () => {
    const entry = await submit('Awaiting approval');
    expect(entry.status).toBe('submitted');
    const before = await entryCount();
    expect(await publicTitles(t.app, slug)).not.toContain(entry.title);
    for (const token of [undefined, reader.token]) {
      expectProblem(await getEntry(t.app, entry.id, token), 404, 'NOT_FOUND');
    }
    expect((await getEntry(t.app, entry.id, writer.token)).body.status).toBe('submitted');
    expect(await queueIds()).toContain(entry.id);

    expect((await moderate(entry.id, 'approve')).status).toBe('approved');
    expect(await publicTitles(t.app, slug)).toContain(entry.title);
    expect(await entryCount()).toBe(before + 1);
    const seen = await getEntry(t.app, entry.id, reader.token);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'approved', author: 'Moderated Writer' });
    expect(await queueIds()).not.toContain(entry.id);
  });

  it('shows a rejection’s note to its writer only, and the writer cannot edit it', async () => {
    const entry = await submit('Rejected');
    await moderate(entry.id, 'reject', 'This does not use the theme.');

    const mine = await getEntry(t.app, entry.id, writer.token);
    expect(mine.body).toMatchObject({
      status: 'rejected',
      moderationNote: 'This does not use the theme.',
      canEdit: false,
    });
    expect(await myEntry(entry.id)).toMatchObject({
      status: 'rejected',
      moderationNote: 'This does not use the theme.',
    });
    for (const token of [undefined, reader.token]) {
      const res = await getEntry(t.app, entry.id, token);
      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.text).not.toContain('does not use the theme');
    }
    expect(await publicTitles(t.app, slug)).not.toContain(entry.title);
    const edit = await putEntry(
      t.app,
      writer.token,
      entry.id,
      story(writerPseud, { header: { title: entry.title }, submit: true }),
    );
    expectProblem(edit, 409, 'WRONG_STATUS');
  });

  it('returns an entry to its writer as a draft with the note when changes are requested', async () => {
    const entry = await submit('Needs changes');
    const decided = await moderate(entry.id, 'request_changes', 'Please add content warnings.');
    expect(decided.status).toBe('draft');

    const mine = await getEntry(t.app, entry.id, writer.token);
    expect(mine.body).toMatchObject({
      status: 'draft',
      moderationNote: 'Please add content warnings.',
      canEdit: true,
    });
    expect(await myEntry(entry.id)).toMatchObject({
      status: 'draft',
      moderationNote: 'Please add content warnings.',
    });
    expect(await queueIds()).not.toContain(entry.id);
    expectProblem(await getEntry(t.app, entry.id, organizer.token), 404, 'NOT_FOUND');

    const resubmitted = await saveEntry(
      t.app,
      writer.token,
      entry.id,
      story(writerPseud, {
        header: { title: entry.title, warnings: ['Violence'] },
        submit: true,
      }),
    );
    expect(resubmitted.status).toBe('submitted');
    expect(await queueIds()).toContain(entry.id);
    expect(await publicTitles(t.app, slug)).not.toContain(entry.title);
  });

  it('sends an approved entry back to the queue when its writer edits it', async () => {
    const entry = await submit('Edited after approval');
    await moderate(entry.id, 'approve');
    expect(await publicTitles(t.app, slug)).toContain(entry.title);

    const edited = await saveEntry(
      t.app,
      writer.token,
      entry.id,
      story(writerPseud, { header: { title: entry.title }, body: 'A rather different story.' }),
    );
    expect(edited.status).toBe('submitted');
    expect(await publicTitles(t.app, slug)).not.toContain(entry.title);
    expectProblem(await getEntry(t.app, entry.id, reader.token), 404, 'NOT_FOUND');
    expect(await queueIds()).toContain(entry.id);

    await moderate(entry.id, 'approve');
    const seen = await getEntry(t.app, entry.id, reader.token);
    expect(seen.body.bodyHtml).toContain('A rather different story.');
  });

  it('keeps an edited entry public in an unmoderated challenge', async () => {
    const open = await organizeChallenge(t.app, organizer.token, 'unmoderated-stories');
    const entry = await createEntry(
      t.app,
      writer.token,
      open.slug,
      story(writerPseud, { header: { title: 'Open and edited' }, submit: true }),
    );
    const edited = await saveEntry(
      t.app,
      writer.token,
      entry.id,
      story(writerPseud, { header: { title: 'Open and edited' }, body: 'Second thoughts.' }),
    );
    expect(edited.status).toBe('submitted');
    expect(await publicTitles(t.app, open.slug)).toContain('Open and edited');
  });
});
