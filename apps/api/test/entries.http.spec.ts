import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ENTRY_LIMITS,
  type ChallengeSummary,
  type EntryDetail,
  type RevisionDiff,
  type RevisionSummary,
} from '@ficathon/schema';
import {
  addPseud,
  asUser,
  createEntry,
  defaultPseudId,
  getEntry,
  LYRIC_PROMPT,
  organizeChallenge,
  postEntry,
  publicTitles,
  putEntry,
  saveEntry,
  story,
} from './support/entries';
import { errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

describe.each(testDatabaseKinds())('writing entries over HTTP on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let other: SignedUp;
  let reader: SignedUp;
  let writerPseud: number;
  let otherPseud: number;
  let slug: string;
  let counter = 0;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Open Organizer' });
    writer = await signUp(t.app, { displayName: 'Prolific Writer' });
    other = await signUp(t.app, { displayName: 'Other Writer' });
    reader = await signUp(t.app, { displayName: 'Quiet Reader' });
    writerPseud = await defaultPseudId(t.app, writer.token);
    otherPseud = await defaultPseudId(t.app, other.token);
    ({ slug } = await organizeChallenge(t.app, organizer.token, 'open-stories', {
      prompts: [LYRIC_PROMPT],
    }));
  });

  /** A title no other test uses, so lists can be checked by title. */
  const title = (what: string) => {
    counter += 1;
    return `${what} #${counter}`;
  };

  const entryCount = async (token?: string) => {
    const res = await request(t.app).get(`/api/challenges/${slug}`).set(asUser(token));
    expect(res.status).toBe(200);
    const listed = await request(t.app).get('/api/challenges').set(asUser(token));
    const summary = (listed.body.challenges as ChallengeSummary[]).find((c) => c.slug === slug);
    expect(summary?.entryCount, 'the list and the page count alike').toBe(res.body.entryCount);
    return res.body.entryCount as number;
  };

  describe('submitting', () => {
    it('keeps a new draft private to its writer', async () => {
      const before = await entryCount();
      const name = title('Private draft');
      const res = await postEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: name } }),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const draft = res.body as EntryDetail;
      expect(draft).toMatchObject({
        status: 'draft',
        submittedAt: null,
        isMine: true,
        canEdit: true,
        author: 'Prolific Writer',
        pseudId: writerPseud,
        title: name,
      });

      expect(await publicTitles(t.app, slug)).not.toContain(name);
      expect(await publicTitles(t.app, slug, reader.token)).not.toContain(name);
      expect(await entryCount()).toBe(before);
      for (const token of [undefined, reader.token, other.token, organizer.token]) {
        expectProblem(await getEntry(t.app, draft.id, token), 404, 'NOT_FOUND');
      }
      const own = await getEntry(t.app, draft.id, writer.token);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ id: draft.id, status: 'draft' });
    });

    it('submits a draft with PUT submit:true; it is then public and counted', async () => {
      const name = title('Submitted later');
      const draft = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: name } }),
      );
      const before = await entryCount();

      const submitted = await saveEntry(
        t.app,
        writer.token,
        draft.id,
        story(writerPseud, { header: { title: name }, submit: true }),
      );
      expect(submitted.status).toBe('submitted');
      expect(submitted.submittedAt).not.toBeNull();

      expect(await publicTitles(t.app, slug)).toContain(name);
      expect(await entryCount()).toBe(before + 1);
      const seen = await getEntry(t.app, draft.id, reader.token);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({
        status: 'submitted',
        author: 'Prolific Writer',
        isMine: false,
        canEdit: false,
        pseudId: null,
        body: null,
        moderationNote: null,
        violations: null,
      });
      expect(seen.body.bodyHtml).toContain('The rain came down over the city all night long.');
    });

    it('submits at once with POST submit:true', async () => {
      const name = title('Straight in');
      const before = await entryCount();
      const res = await postEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: name }, submit: true }),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ status: 'submitted', title: name });
      expect(res.body.submittedAt).not.toBeNull();
      expect(await publicTitles(t.app, slug)).toContain(name);
      expect(await entryCount()).toBe(before + 1);
    });

    it.each([
      ['PG-13', 'teen'],
      ['Mature', 'mature'],
      ['NC-17', 'explicit'],
      ['Rated PG', 'general'],
      ['Teen And Up Audiences', 'teen'],
      ['whatever I like', 'not_rated'],
    ])('keeps the rating %j as typed and places it at %s', async (raw, normalized) => {
      const name = title(`Rated ${raw}`);
      const entry = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: name, rating: raw }, submit: true }),
      );
      expect(entry.rating).toEqual({ raw, normalized });
      const list = await request(t.app).get(`/api/challenges/${slug}/entries`);
      const listed = (list.body.entries as { title: string; rating: unknown }[]).find(
        (e) => e.title === name,
      );
      expect(listed?.rating).toEqual({ raw, normalized });
    });

    it('stores an entry without a rating as not rated, with no raw text', async () => {
      const entry = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Unrated'), rating: undefined } }),
      );
      expect(entry.rating).toEqual({ raw: null, normalized: 'not_rated' });
    });

    it('stores the story byte for byte and returns it exactly to its writer only', async () => {
      const body =
        '“Are you coming?” she asked.  \r\n' +
        'He didn’t answer — not yet.\t\r\n' +
        '\r\n' +
        '   The rain 🌧️ fell on the roof 👩‍👩‍👧 all night… \r\n' +
        'Ünïcödé, NBSP\u00a0here, zero\u200bwidth.\n\n\n';
      const created = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Exact') }, body, submit: true }),
      );
      expect(created.body).toBe(body);
      const mine = await getEntry(t.app, created.id, writer.token);
      expect(mine.body.body).toBe(body);

      for (const token of [undefined, reader.token, other.token]) {
        const seen = await getEntry(t.app, created.id, token);
        expect(seen.status).toBe(200);
        expect(seen.body.body).toBeNull();
        expect(seen.body.bodyHtml).toContain('“Are you coming?” she asked.');
        expect(seen.body.bodyHtml).toContain('🌧️');
      }
    });

    it('counts words the AO3 way: each CJK character is a word, punctuation is not', async () => {
      const body = 'The rain — it fell. 雨が降っている。 * * * 7 días';
      const entry = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Words') }, body }),
      );
      // The, rain, it, fell, 7 CJK characters, 7, días; not the dash, the 。 or the scene break.
      expect(entry.wordCount).toBe(13);
      const checked = await request(t.app)
        .post(`/api/challenges/${slug}/entries/check`)
        .set(asUser(writer.token))
        .send(story(writerPseud, { body: '我喜欢写故事。' }));
      expect(checked.status, JSON.stringify(checked.body)).toBe(200);
      expect(checked.body.wordCount).toBe(6);
    });

    it('posts under another pseud of the writer, shown as its author', async () => {
      const pseud = await addPseud(t.app, writer.token, 'Writer Under Another Name');
      const entry = await createEntry(
        t.app,
        writer.token,
        slug,
        story(pseud, { header: { title: title('Second pseud') }, submit: true }),
      );
      expect(entry.pseudId).toBe(pseud);
      const seen = await getEntry(t.app, entry.id);
      expect(seen.body.author).toBe('Writer Under Another Name');
    });
  });

  describe('editing and revisions', () => {
    const revisionsOf = async (id: number, token = writer.token) => {
      const res = await request(t.app).get(`/api/entries/${id}/revisions`).set(asUser(token));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.revisions as RevisionSummary[];
    };
    const diff = (id: number, query: string, token = writer.token) =>
      request(t.app).get(`/api/entries/${id}/revisions/diff${query}`).set(asUser(token));

    it('keeps every save as a revision, listed oldest first', async () => {
      const first = title('Versions');
      const draft = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: first }, body: 'One two three.' }),
      );
      await saveEntry(
        t.app,
        writer.token,
        draft.id,
        story(writerPseud, { header: { title: `${first} (edited)` }, body: 'One two three four.' }),
      );
      const submitted = await saveEntry(
        t.app,
        writer.token,
        draft.id,
        story(writerPseud, {
          header: { title: `${first} (final)` },
          body: 'One two three four five.',
          submit: true,
        }),
      );
      expect(submitted.status).toBe('submitted');

      const revisions = await revisionsOf(draft.id);
      expect(revisions.map((r) => [r.title, r.wordCount])).toEqual([
        [first, 3],
        [`${first} (edited)`, 4],
        [`${first} (final)`, 5],
      ]);
      const ids = revisions.map((r) => r.id);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      const times = revisions.map((r) => Date.parse(r.createdAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    });

    it('shows the lines added and removed between two versions', async () => {
      const name = title('Diffed');
      const draft = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, {
          header: { title: name },
          body: 'The first line stays.\nThe second line goes.\nThe third line stays.\n',
        }),
      );
      await saveEntry(
        t.app,
        writer.token,
        draft.id,
        story(writerPseud, {
          header: { title: name },
          body: 'The first line stays.\nA new second line.\nThe third line stays.\n',
        }),
      );
      const [from, to] = await revisionsOf(draft.id);
      const res = await diff(draft.id, `?from=${from!.id}&to=${to!.id}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const body = res.body as RevisionDiff;
      expect(body.from.id).toBe(from!.id);
      expect(body.to.id).toBe(to!.id);
      const text = (kind: string) =>
        body.changes
          .filter((c) => c.kind === kind)
          .map((c) => c.text)
          .join('');
      expect(text('removed')).toBe('The second line goes.\n');
      expect(text('added')).toBe('A new second line.\n');
      expect(text('same')).toContain('The first line stays.\n');
      expect(text('same')).toContain('The third line stays.\n');

      const none = await diff(draft.id, `?from=${to!.id}&to=${to!.id}`);
      expect(none.status).toBe(200);
      expect((none.body as RevisionDiff).changes.every((c) => c.kind === 'same')).toBe(true);
    });

    it('answers 404 for a version that does not exist or belongs to another entry', async () => {
      const a = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Rev A') } }),
      );
      const b = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Rev B') } }),
      );
      const [revA] = await revisionsOf(a.id);
      const [revB] = await revisionsOf(b.id);
      expectProblem(await diff(a.id, `?from=${revA!.id}&to=${revB!.id}`), 404, 'NOT_FOUND');
      expectProblem(await diff(a.id, `?from=${revB!.id}&to=${revA!.id}`), 404, 'NOT_FOUND');
      expectProblem(await diff(a.id, `?from=${revA!.id}&to=987654321`), 404, 'NOT_FOUND');
      expectProblem(
        await request(t.app).get('/api/entries/987654321/revisions').set(asUser(writer.token)),
        404,
        'NOT_FOUND',
      );
    });

    it.each([
      ['from is missing', (r: number) => `?to=${r}`, 'from'],
      ['to is missing', (r: number) => `?from=${r}`, 'to'],
      ['from is not an id', (r: number) => `?from=latest&to=${r}`, 'from'],
      ['to is zero', (r: number) => `?from=${r}&to=0`, 'to'],
    ])('answers 400 naming the version when %s', async (_label, query, field) => {
      const entry = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Rev query') } }),
      );
      const [rev] = await revisionsOf(entry.id);
      const res = await diff(entry.id, query(rev!.id));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual([field]);
    });

    it('shows revisions only to the writer: another writer gets 404 on a draft, 403 otherwise', async () => {
      const draft = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Secret revs') } }),
      );
      const [rev] = await revisionsOf(draft.id);
      const listOf = (token: string) =>
        request(t.app).get(`/api/entries/${draft.id}/revisions`).set(asUser(token));
      expectProblem(await listOf(other.token), 404, 'NOT_FOUND');
      expectProblem(
        await diff(draft.id, `?from=${rev!.id}&to=${rev!.id}`, other.token),
        404,
        'NOT_FOUND',
      );
      await saveEntry(
        t.app,
        writer.token,
        draft.id,
        story(writerPseud, { header: { title: title('Secret revs') }, submit: true }),
      );
      expectProblem(await listOf(other.token), 403, 'NOT_YOUR_ENTRY');
      expectProblem(await listOf(reader.token), 403, 'NOT_YOUR_ENTRY');
    });

    it('does not let a submitted entry fall back to draft when saved without submit', async () => {
      const name = title('Stays submitted');
      const entry = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: name }, submit: true }),
      );
      const saved = await saveEntry(
        t.app,
        writer.token,
        entry.id,
        story(writerPseud, { header: { title: name }, body: 'A better ending.' }),
      );
      expect(saved.status).toBe('submitted');
      expect(saved.submittedAt).toBe(entry.submittedAt);
      expect(await publicTitles(t.app, slug)).toContain(name);
      const seen = await getEntry(t.app, entry.id, reader.token);
      expect(seen.body.bodyHtml).toContain('A better ending.');
    });
  });

  describe('withdrawing', () => {
    const withdraw = (id: number, token = writer.token) =>
      request(t.app).post(`/api/entries/${id}/withdraw`).set(asUser(token));

    it('takes a submitted entry out of public view', async () => {
      const name = title('Withdrawn');
      const entry = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: name }, submit: true }),
      );
      const before = await entryCount();
      const res = await withdraw(entry.id);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ id: entry.id, status: 'withdrawn', canEdit: false });

      expect(await publicTitles(t.app, slug)).not.toContain(name);
      expect(await entryCount()).toBe(before - 1);
      expectProblem(await getEntry(t.app, entry.id), 404, 'NOT_FOUND');
      expectProblem(await getEntry(t.app, entry.id, reader.token), 404, 'NOT_FOUND');
      expect((await getEntry(t.app, entry.id, writer.token)).body.status).toBe('withdrawn');
    });

    it('answers 409 to a second withdrawal and to an edit of a withdrawn entry', async () => {
      const name = title('Withdrawn twice');
      const entry = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: name }, submit: true }),
      );
      expect((await withdraw(entry.id)).status).toBe(200);
      expectProblem(await withdraw(entry.id), 409, 'WRONG_STATUS');
      const edit = await putEntry(
        t.app,
        writer.token,
        entry.id,
        story(writerPseud, { header: { title: name }, body: 'Back again?', submit: true }),
      );
      expectProblem(edit, 409, 'WRONG_STATUS');
      const mine = await getEntry(t.app, entry.id, writer.token);
      expect(mine.body).toMatchObject({ status: 'withdrawn', body: story(writerPseud).body });
    });
  });

  describe('permissions', () => {
    it('answers 403 NOT_YOUR_ENTRY to another writer changing a submitted entry, and changes nothing', async () => {
      const name = title('Not yours');
      const entry = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: name }, submit: true }),
      );
      const edit = await putEntry(
        t.app,
        other.token,
        entry.id,
        story(otherPseud, { header: { title: 'Hijacked' }, submit: true }),
      );
      expectProblem(edit, 403, 'NOT_YOUR_ENTRY');
      const withdraw = await request(t.app)
        .post(`/api/entries/${entry.id}/withdraw`)
        .set(asUser(other.token));
      expectProblem(withdraw, 403, 'NOT_YOUR_ENTRY');
      const seen = await getEntry(t.app, entry.id);
      expect(seen.body).toMatchObject({
        title: name,
        status: 'submitted',
        author: 'Prolific Writer',
      });
    });

    it('answers 404 to another writer changing a draft, as if it did not exist', async () => {
      const draft = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Hidden draft') } }),
      );
      expectProblem(
        await putEntry(t.app, other.token, draft.id, story(otherPseud)),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await request(t.app).post(`/api/entries/${draft.id}/withdraw`).set(asUser(other.token)),
        404,
        'NOT_FOUND',
      );
      expect((await getEntry(t.app, draft.id, writer.token)).body.status).toBe('draft');
    });

    it('answers 403 NOT_YOUR_PSEUD to posting under another writer’s pseud', async () => {
      const created = await postEntry(
        t.app,
        writer.token,
        slug,
        story(otherPseud, { submit: true }),
      );
      expectProblem(created, 403, 'NOT_YOUR_PSEUD');
      const mine = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Pseud swap') } }),
      );
      expectProblem(
        await putEntry(t.app, writer.token, mine.id, story(otherPseud)),
        403,
        'NOT_YOUR_PSEUD',
      );
      expect((await getEntry(t.app, mine.id, writer.token)).body.pseudId).toBe(writerPseud);
    });

    it('answers 400 naming promptId for a prompt of another challenge', async () => {
      const elsewhere = await organizeChallenge(t.app, organizer.token, 'other-prompts', {
        prompts: [{ ...LYRIC_PROMPT, title: 'Someone Else’s Song' }],
      });
      const foreign = elsewhere.prompts[0]!.id;
      const res = await postEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { promptId: foreign }),
      );
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(['promptId']);
      const draft = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Prompt swap') } }),
      );
      const edit = await putEntry(
        t.app,
        writer.token,
        draft.id,
        story(writerPseud, { promptId: foreign }),
      );
      expectProblem(edit, 400, 'VALIDATION_FAILED');
      expect(errorPaths(edit)).toEqual(['promptId']);
    });

    it('answers 401 to a visitor on every writing route', async () => {
      const entry = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Visited') }, submit: true }),
      );
      const id = entry.id;
      const calls: [string, () => request.Test][] = [
        [
          'POST /challenges/:slug/entries',
          () => request(t.app).post(`/api/challenges/${slug}/entries`).send(story(writerPseud)),
        ],
        [
          'POST /challenges/:slug/entries/check',
          () =>
            request(t.app).post(`/api/challenges/${slug}/entries/check`).send(story(writerPseud)),
        ],
        [
          'PUT /entries/:id',
          () => request(t.app).put(`/api/entries/${id}`).send(story(writerPseud)),
        ],
        ['POST /entries/:id/withdraw', () => request(t.app).post(`/api/entries/${id}/withdraw`)],
        ['GET /entries/:id/revisions', () => request(t.app).get(`/api/entries/${id}/revisions`)],
        [
          'GET /entries/:id/revisions/diff',
          () => request(t.app).get(`/api/entries/${id}/revisions/diff?from=1&to=2`),
        ],
        [
          'POST /entries/:id/exceptions',
          () => request(t.app).post(`/api/entries/${id}/exceptions`).send({ rule: 'max_words' }),
        ],
        ['GET /me/entries', () => request(t.app).get('/api/me/entries')],
        [
          'POST /header/import',
          () =>
            request(t.app)
              .post('/api/header/import')
              .set('Content-Type', 'text/plain')
              .send('Title: X'),
        ],
      ];
      for (const [label, call] of calls) {
        const res = await call();
        expect(res.status, label).toBe(401);
        expectProblem(res, 401, 'UNAUTHENTICATED');
      }
      const seen = await getEntry(t.app, id, writer.token);
      expect(seen.body).toMatchObject({ status: 'submitted', body: story(writerPseud).body });
    });
  });

  describe('bad input', () => {
    const myEntryCount = async () => {
      const res = await request(t.app).get('/api/me/entries').set(asUser(writer.token));
      expect(res.status).toBe(200);
      return (res.body.entries as unknown[]).length;
    };

    it('answers 413 STORY_TOO_LONG to a story over the limit, on create and on save', async () => {
      const before = await myEntryCount();
      const tooLong = 'a'.repeat(ENTRY_LIMITS.bodyMax + 1);
      const created = await postEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { body: tooLong }),
      );
      expectProblem(created, 413, 'STORY_TOO_LONG');
      expect(created.body.detail).toContain('2,000,000');
      expect(await myEntryCount()).toBe(before);

      const draft = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Grows') } }),
      );
      const saved = await putEntry(
        t.app,
        writer.token,
        draft.id,
        story(writerPseud, { body: tooLong }),
      );
      expectProblem(saved, 413, 'STORY_TOO_LONG');
      const mine = await getEntry(t.app, draft.id, writer.token);
      expect(mine.body.body).toBe(story(writerPseud).body);
    });

    it('accepts a story of exactly the limit (2,000,000 characters, over the 1 MB JSON default)', async () => {
      const paragraph = 'The rain came down over the city all night long and nobody slept.\n\n';
      const body = paragraph
        .repeat(Math.ceil(ENTRY_LIMITS.bodyMax / paragraph.length))
        .slice(0, ENTRY_LIMITS.bodyMax);
      expect(body.length).toBe(2_000_000);
      const created = await postEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Epic') }, body, submit: true }),
      );
      expect(created.status, JSON.stringify(created.body).slice(0, 500)).toBe(201);
      expect(created.body.body).toBe(body);
      expect(created.body.wordCount).toBeGreaterThan(300_000);

      const checked = await request(t.app)
        .post(`/api/challenges/${slug}/entries/check`)
        .set(asUser(writer.token))
        .send(story(writerPseud, { body }));
      expect(checked.status).toBe(200);
      expect(checked.body.wordCount).toBe(created.body.wordCount);

      const edited = body.slice(0, 1_900_000);
      const saved = await putEntry(
        t.app,
        writer.token,
        created.body.id as number,
        story(writerPseud, { header: { title: title('Epic, trimmed') }, body: edited }),
      );
      expect(saved.status, JSON.stringify(saved.body).slice(0, 500)).toBe(200);
      expect(saved.body.body).toBe(edited);
    });

    it('answers 400 naming header.title for a title over 300 characters, and accepts 300', async () => {
      const res = await postEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: 'T'.repeat(ENTRY_LIMITS.titleMax + 1) } }),
      );
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(['header.title']);
      const ok = await postEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: 'T'.repeat(ENTRY_LIMITS.titleMax) } }),
      );
      expect(ok.status).toBe(201);
    });

    it.each([
      ['warnings', 1],
      ['pairings', 0],
      ['fandoms', 2],
    ] as const)(
      'answers 400 naming header.%s.%i for a list item over 500 characters',
      async (field, index) => {
        const items = ['fine', 'also fine', 'still fine'];
        items[index] = 'x'.repeat(ENTRY_LIMITS.listItemMax + 1);
        const res = await postEntry(
          t.app,
          writer.token,
          slug,
          story(writerPseud, { header: { [field]: items } }),
        );
        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(errorPaths(res)).toEqual([`header.${field}.${index}`]);
      },
    );

    it.each([
      ['NUL in the body', { body: 'Once\u0000upon a time.' }, 'body'],
      ['no header', { header: undefined }, 'header'],
      ['an empty title', { header: { title: '   ' } }, 'header.title'],
      ['a line break in the title', { header: { title: 'One\nTwo' } }, 'header.title'],
      ['no body', { body: undefined }, 'body'],
      ['no pseud', { pseudId: undefined }, 'pseudId'],
      [
        'a summary over 10,000 characters',
        { header: { summary: 's'.repeat(10_001) } },
        'header.summary',
      ],
    ])('answers 400 naming the field for %s', async (_label, change, field) => {
      const before = await myEntryCount();
      const base = story(writerPseud, { header: { title: title('Bad') } });
      const body = {
        ...base,
        ...change,
        header:
          'header' in change ? change.header && { ...base.header, ...change.header } : base.header,
      };
      const res = await postEntry(t.app, writer.token, slug, body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual([field]);
      expect(await myEntryCount()).toBe(before);
    });

    it('answers 400 naming the header line whose text is over its length or holds NUL', async () => {
      const before = await myEntryCount();
      const res = await postEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, {
          header: {
            title: title('Huge line'),
            lines: [
              { label: 'Summary', value: 's'.repeat(ENTRY_LIMITS.fieldMax + 1) },
              { label: 'Rat\u0000ing', value: 'PG' },
            ],
          },
        }),
      );
      expect(
        res.status,
        `answered ${res.status} ${String(res.body.code ?? 'with the entry')}`,
      ).toBe(400);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(['header.lines.0.value', 'header.lines.1.label']);
      expect(await myEntryCount()).toBe(before);
    });

    // PostgreSQL ids are 32-bit; a larger id names nothing, as on SQLite.
    const TOO_BIG = 99_999_999_999;

    it('answers 404 for an entry or version id too large to exist', async () => {
      const entry = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: title('Small ids') }, submit: true }),
      );
      const calls = [
        getEntry(t.app, TOO_BIG, reader.token),
        request(t.app).get(`/api/entries/${TOO_BIG}/download.txt`),
        putEntry(t.app, writer.token, TOO_BIG, story(writerPseud)),
        request(t.app)
          .get(`/api/entries/${entry.id}/revisions/diff?from=${TOO_BIG}&to=${TOO_BIG}`)
          .set(asUser(writer.token)),
      ];
      for (const res of await Promise.all(calls)) expectProblem(res, 404, 'NOT_FOUND');
    });

    it('answers 400 naming promptId for a prompt id too large to exist', async () => {
      const res = await postEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { promptId: TOO_BIG }),
      );
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(['promptId']);
    });

    const HOSTILE =
      '<script>alert("x")</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">click</a>';

    it.each(['text', 'markdown'] as const)(
      'renders HTML and script in a %s body as inert text, storing every field unchanged',
      async (bodyFormat) => {
        const header = {
          title: `Title ${HOSTILE}`,
          rating: `<b onmouseover=alert(1)>PG</b>`,
          warnings: [HOSTILE],
          pairings: ['<i>A</i>/B'],
          characters: ['<svg onload=alert(1)>'],
          fandoms: ['<iframe src="javascript:alert(1)">'],
          summary: HOSTILE,
          notes: `[link](javascript:alert(3)) ${HOSTILE}`,
          disclaimer: HOSTILE,
          spoilers: HOSTILE,
          archive: HOSTILE,
          beta: HOSTILE,
          feedback: HOSTILE,
          epigraph: { text: HOSTILE, credit: `~ ${HOSTILE}` },
          category: [HOSTILE],
          genre: [HOSTILE],
          tags: [HOSTILE],
          endNotes: HOSTILE,
          recipient: HOSTILE,
          song: { title: HOSTILE, artist: HOSTILE },
          series: { name: HOSTILE, part: 2 },
          extra: { [`Label ${HOSTILE}`]: HOSTILE },
          lines: [{ label: HOSTILE, value: HOSTILE }],
        };
        const body =
          `${HOSTILE}\n\n[click me](javascript:alert(4)) <div onclick="alert(5)">hi</div>\n\n` +
          '<a href="JaVaScRiPt:alert(6)">x</a> [ok](https://example.com/ok)';
        const entry = await createEntry(
          t.app,
          writer.token,
          slug,
          story(writerPseud, { header, body, bodyFormat, submit: true }),
        );
        expect(entry.body).toBe(body);
        expect(entry.title).toBe(header.title);
        const { rating: _rating, ...rest } = header;
        expect(entry.header).toMatchObject(rest);
        expect(entry.rating.raw).toBe(header.rating);

        const seen = await getEntry(t.app, entry.id, reader.token);
        const html = seen.body.bodyHtml as string;
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<(img|svg|iframe|div)\b/i);
        expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
        expect(html).not.toMatch(/<a\b[^>]*href\s*=\s*["']?\s*javascript:/i);
        expect(html).toContain('&lt;script&gt;');
        if (bodyFormat === 'markdown') {
          expect(html).toMatch(
            /<a href="https:\/\/example\.com\/ok" rel="nofollow noopener noreferrer ugc">ok<\/a>/,
          );
        }
        expect(seen.body.header).toMatchObject(rest);
      },
    );
  });
});
