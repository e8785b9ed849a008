import request, { type Response } from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryDetail, ParsedEntry, SaveEntryInput } from '@ficathon/schema';
import {
  addPseud,
  asUser,
  binaryParser,
  createEntry,
  defaultPseudId,
  getEntry,
  organizeChallenge,
  readZip,
} from './support/entries';
import { keysIn, signUp, stringsIn, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

const WRITER_NAME = 'Zephyrine Quillfeather';
const WRITER_EMAIL = 'zephyrine.quill@example.com';
const SECOND_PSEUD = 'Moonlit Scrivener';

/** A story pasted with a header that names its writer, as real headers do. */
const PASTE = [
  'The Masked Ball',
  `By ${WRITER_NAME}`,
  '',
  `Author: ${WRITER_NAME}`,
  `Written by: ${SECOND_PSEUD}`,
  'Rating: PG',
  'Summary: A dance where nobody knows anybody.',
  '',
  'The orchestra tuned up while the guests hid behind their masks.',
  '',
  'Nobody knew who had sent the invitations.',
].join('\n');

const FORBIDDEN_KEYS = ['email', 'userId', 'user_id', 'authors', 'password_hash', 'passwordHash'];

describe.each(testDatabaseKinds())('anonymity of entries on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let other: SignedUp;
  let reader: SignedUp;
  let slug: string;
  let pasted: EntryDetail;
  let underPseud: EntryDetail;
  let secrets: string[];

  /** The header of a paste, parsed by the API, as the entry form sends it back. */
  async function headerFromPaste(text: string): Promise<SaveEntryInput['header']> {
    const res = await request(t.app).post('/api/header/parse').send({ text });
    expect(res.status).toBe(200);
    const parsed = res.body as ParsedEntry;
    expect(parsed.header.authors).toEqual(expect.arrayContaining([WRITER_NAME]));
    const { headerDetected: _detected, authors: _authors, rating, ...fields } = parsed.header;
    // The form sends back what it does not edit (lines, extra, ...); the API keeps what it knows.
    return {
      ...fields,
      title: fields.title ?? '',
      rating: rating?.raw,
    } as SaveEntryInput['header'];
  }

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Masked Organizer' });
    writer = await signUp(t.app, { email: WRITER_EMAIL, displayName: WRITER_NAME });
    other = await signUp(t.app, { displayName: 'Another Masked Writer' });
    reader = await signUp(t.app, { displayName: 'Curious Reader' });
    secrets = [WRITER_NAME, 'Zephyrine', 'Quillfeather', SECOND_PSEUD, WRITER_EMAIL];

    ({ slug } = await organizeChallenge(t.app, organizer.token, 'masked-ball', {
      anonymous: true,
      organizersSeeAuthors: false,
    }));
    const writerPseud = await defaultPseudId(t.app, writer.token);
    const secondPseud = await addPseud(t.app, writer.token, SECOND_PSEUD);
    const header = await headerFromPaste(PASTE);
    expect(header.lines?.map((l) => l.label)).toEqual(
      expect.arrayContaining(['By', 'Author', 'Written by']),
    );
    pasted = await createEntry(t.app, writer.token, slug, {
      pseudId: writerPseud,
      header,
      body: 'The orchestra tuned up while the guests hid behind their masks.',
      submit: true,
    });
    underPseud = await createEntry(t.app, writer.token, slug, {
      pseudId: secondPseud,
      header: { title: 'Under Another Name', rating: 'G' },
      body: 'A second story, by the same hand.',
      submit: true,
    });
    await createEntry(t.app, other.token, slug, {
      pseudId: await defaultPseudId(t.app, other.token),
      header: { title: 'The Other Story', rating: 'G' },
      body: 'Someone else wrote this one.',
      submit: true,
    });
  });

  /** Fails when the writer's name, pseud, email or id shows anywhere in the response. */
  function expectNoTrace(what: string, res: Response | { text: string; body?: unknown }): void {
    const texts = [res.text ?? '', ...stringsIn(res.body)];
    for (const text of texts) {
      for (const secret of secrets) {
        expect(text.toLowerCase(), `${what} shows "${secret}"`).not.toContain(secret.toLowerCase());
      }
    }
    const keys = keysIn(res.body);
    for (const key of FORBIDDEN_KEYS) expect(keys.has(key), `${what} has key ${key}`).toBe(false);
  }

  const viewers = () =>
    [
      ['a visitor', undefined],
      ['a reader', reader.token],
      ['another writer', other.token],
      ['an organizer who may not see authors', organizer.token],
    ] as const;

  const get = (path: string, token?: string) => request(t.app).get(path).set(asUser(token));
  const getBinary = (path: string, token?: string) =>
    request(t.app).get(path).set(asUser(token)).buffer(true).parse(binaryParser);

  it('hides the author on the challenge page and its entry list', async () => {
    for (const [who, token] of viewers()) {
      const page = await get(`/api/challenges/${slug}`, token);
      expect(page.status).toBe(200);
      expect(page.body.entries).toHaveLength(3);
      // Every author is hidden, but another writer's own entry is theirs to see.
      const own = (title: string) => token === other.token && title === 'The Other Story';
      for (const entry of page.body.entries as { title: string; author: string | null }[]) {
        expect(entry.author, `${who}: ${entry.title}`).toBe(
          own(entry.title) ? 'Another Masked Writer' : null,
        );
      }
      expectNoTrace(`GET /challenges/:slug for ${who}`, page);

      const list = await get(`/api/challenges/${slug}/entries`, token);
      expect(list.status).toBe(200);
      for (const entry of list.body.entries as { title: string; author: string | null }[]) {
        expect(entry.author, `${who}: ${entry.title}`).toBe(
          own(entry.title) ? 'Another Masked Writer' : null,
        );
      }
      expectNoTrace(`GET /challenges/:slug/entries for ${who}`, list);

      expectNoTrace(`GET /challenges for ${who}`, await get('/api/challenges', token));
    }
  });

  it('hides the author, the pseud and the pasted By/Author lines on the entry', async () => {
    for (const [who, token] of viewers()) {
      for (const entry of [pasted, underPseud]) {
        const res = await getEntry(t.app, entry.id, token);
        expect(res.status, who).toBe(200);
        expect(res.body).toMatchObject({ author: null, pseudId: null, isMine: false });
        expectNoTrace(`GET /entries/${entry.title} for ${who}`, res);
      }
      const res = await getEntry(t.app, pasted.id, token);
      // The other header lines are still there.
      expect((res.body as EntryDetail).header.lines).toEqual(
        expect.arrayContaining([{ label: 'Rating', value: 'PG' }]),
      );
    }
  });

  it('shows the writer their own name, pseud and header lines', async () => {
    const own = await getEntry(t.app, pasted.id, writer.token);
    expect(own.body).toMatchObject({ author: WRITER_NAME, isMine: true });
    expect((own.body as EntryDetail).header.lines).toEqual(
      expect.arrayContaining([{ label: 'By', value: WRITER_NAME }]),
    );
    const second = await getEntry(t.app, underPseud.id, writer.token);
    expect(second.body.author).toBe(SECOND_PSEUD);

    const mine = await get('/api/me/entries', writer.token);
    expect((mine.body.entries as { id: number }[]).map((e) => e.id).sort()).toEqual(
      [pasted.id, underPseud.id].sort(),
    );
    const txt = await get(`/api/entries/${pasted.id}/download.txt`, writer.token);
    expect(txt.text).toContain(`By: ${WRITER_NAME}`);
  });

  it('lists only their own entries to another writer', async () => {
    const res = await get('/api/me/entries', other.token);
    expect((res.body.entries as { title: string }[]).map((e) => e.title)).toEqual([
      'The Other Story',
    ]);
    expectNoTrace('GET /me/entries for another writer', res);
  });

  it.each(['txt', 'html'] as const)('hides the author in the .%s download', async (format) => {
    for (const [who, token] of viewers()) {
      for (const entry of [pasted, underPseud]) {
        const res = await get(`/api/entries/${entry.id}/download.${format}`, token);
        expect(res.status, who).toBe(200);
        expect(res.text).toMatch(/Anonymous/);
        expectNoTrace(`.${format} of ${entry.title} for ${who}`, { text: res.text });
        expect(String(res.headers['content-disposition'])).not.toMatch(/zephyrine|moonlit/i);
      }
    }
  });

  it('hides the author in the .epub download, metadata included', async () => {
    for (const [who, token] of viewers()) {
      const res = await getBinary(`/api/entries/${pasted.id}/download.epub`, token);
      expect(res.status, who).toBe(200);
      const files = readZip(res.body as Buffer);
      expect(files.size).toBeGreaterThan(2);
      const opf = [...files].find(([name]) => name.endsWith('.opf'));
      expect(opf, 'the package document').toBeDefined();
      expect(opf![1].toString('utf8')).toMatch(/<dc:creator[^>]*>Anonymous<\/dc:creator>/);
      const texts = [...files.values()].map((content) => content.toString('utf8'));
      expect(texts.some((text) => text.includes('The orchestra tuned up'))).toBe(true);
      for (const [name, content] of files) {
        expectNoTrace(`${name} in the .epub for ${who}`, { text: content.toString('utf8') });
      }
    }
  });

  it('hides the author in the moderation queue', async () => {
    const queue = await get(`/api/challenges/${slug}/moderation`, organizer.token);
    expect(queue.status).toBe(200);
    const mine = (queue.body.entries as { id: number; author: string | null }[]).filter((e) =>
      [pasted.id, underPseud.id].includes(e.id),
    );
    expect(mine.map((e) => e.author)).toEqual([null, null]);
    expectNoTrace('the moderation queue', queue);
  });

  it('hides the author in the organizers’ CSV export', async () => {
    const csv = await get(`/api/challenges/${slug}/export.csv`, organizer.token);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('(anonymous)');
    expectNoTrace('export.csv', { text: csv.text });
  });

  it('hides the author in the organizers’ JSON export, pasted header lines included', async () => {
    const json = await get(`/api/challenges/${slug}/export.json`, organizer.token);
    expect(json.status).toBe(200);
    const exported = (json.body.entries as { id: number; author: string | null }[]).filter((e) =>
      [pasted.id, underPseud.id].includes(e.id),
    );
    expect(exported.map((e) => e.author)).toEqual([null, null]);
    expectNoTrace('export.json', json);
  });

  it('hides the author from organizers in revisions, diffs, the dashboard and the reveal preview', async () => {
    const revisions = await get(`/api/entries/${pasted.id}/revisions`, organizer.token);
    expect(revisions.status).toBe(200);
    expectNoTrace('revisions', revisions);
    const [first] = revisions.body.revisions as { id: number }[];
    const diff = await get(
      `/api/entries/${pasted.id}/revisions/diff?from=${first!.id}&to=${first!.id}`,
      organizer.token,
    );
    expect(diff.status).toBe(200);
    expectNoTrace('a diff', diff);
    expectNoTrace('the dashboard', await get(`/api/challenges/${slug}/dashboard`, organizer.token));
    const preview = await get(`/api/challenges/${slug}/reveal-preview`, organizer.token);
    expect(preview.status).toBe(200);
    expectNoTrace('the reveal preview', preview);
  });

  it('shows the author to everyone once the results are published', async () => {
    const revealed = await organizeChallenge(t.app, organizer.token, 'masked-ball-revealed', {
      anonymous: true,
    });
    const entry = await createEntry(t.app, writer.token, revealed.slug, {
      pseudId: await defaultPseudId(t.app, writer.token),
      header: { ...(await headerFromPaste(PASTE)) },
      body: 'Unmasked at last.',
      submit: true,
    });
    expect((await getEntry(t.app, entry.id)).body.author).toBeNull();

    const row = await t.store.repos.challenges.findBySlug(revealed.slug);
    await t.store.repos.challenges.update(row!.id, {
      results_published_at: new Date(Date.now() - 60_000).toISOString(),
    });

    for (const [who, token] of viewers()) {
      const seen = await getEntry(t.app, entry.id, token);
      expect(seen.status, who).toBe(200);
      expect(seen.body.author, who).toBe(WRITER_NAME);
      expect((seen.body as EntryDetail).header.lines).toEqual(
        expect.arrayContaining([{ label: 'By', value: WRITER_NAME }]),
      );
      const page = await get(`/api/challenges/${revealed.slug}`, token);
      expect(page.body.phase).toBe('results');
      expect((page.body.entries as { author: string }[]).map((e) => e.author)).toEqual([
        WRITER_NAME,
      ]);
      const txt = await get(`/api/entries/${entry.id}/download.txt`, token);
      expect(txt.text, who).toContain(`By: ${WRITER_NAME}`);
    }
  });
});
