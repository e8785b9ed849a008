import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryDetail, ParsedEntry } from '@ficathon/schema';
import {
  asUser,
  binaryParser,
  createEntry,
  defaultPseudId,
  epubcheck,
  LYRIC_PROMPT,
  organizeChallenge,
  readZip,
  story,
} from './support/entries';
import { errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

const FORMATS = ['txt', 'html', 'epub'] as const;

/** A story as writers paste them: curly quotes, CRLF, trailing spaces, emoji, a scene break. */
const BODY =
  'The rain started at midnight, and it didn’t stop.  \r\n' +
  '“Are you coming?” she asked — softly. 🌧️\r\n' +
  '\r\n' +
  '* * *\r\n' +
  '\r\n' +
  '    Indented, with a tab\there and an ellipsis…\r\n' +
  'Last line, no newline at the end.';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

describe.each(testDatabaseKinds())('entry downloads on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let reader: SignedUp;
  let writerPseud: number;
  let slug: string;
  let promptId: number;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Librarian' });
    writer = await signUp(t.app, { displayName: 'Download Writer' });
    reader = await signUp(t.app, { displayName: 'Download Reader' });
    writerPseud = await defaultPseudId(t.app, writer.token);
    const made = await organizeChallenge(t.app, organizer.token, 'downloadable', {
      prompts: [LYRIC_PROMPT],
    });
    slug = made.slug;
    promptId = made.prompts[0]!.id;
  });

  const download = (id: number, format: string, token?: string, query = '') =>
    request(t.app)
      .get(`/api/entries/${id}/download.${format}${query}`)
      .set(asUser(token))
      .buffer(true)
      .parse(binaryParser);
  const text = (res: { body: unknown }) => (res.body as Buffer).toString('utf8');

  const submitted = (header: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    createEntry(
      t.app,
      writer.token,
      slug,
      story(writerPseud, {
        promptId,
        header: { title: 'Rain & Ruin', ...header },
        body: BODY,
        submit: true,
        ...extra,
      }),
    );

  describe('.txt', () => {
    let entry: EntryDetail;
    beforeAll(async () => {
      entry = await submitted({
        rating: 'PG-13',
        warnings: ['Violence'],
        fandoms: ['Buffy the Vampire Slayer'],
        pairings: ['Spike/Wesley'],
        summary: 'Two men on a roof.\nOne of them is a vampire.',
        notes: 'Written for the challenge.',
      });
    });

    it('is the canonical header, a blank line, then the story byte for byte', async () => {
      const res = await download(entry.id, 'txt', reader.token);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="?rain-ruin-${entry.id}\\.txt"?$`),
      );
      const bytes = res.body as Buffer;
      const file = text(res);
      const split = file.indexOf('\n\n');
      const header = file.slice(0, split);
      expect(Buffer.from(file.slice(split + 2), 'utf8').equals(Buffer.from(BODY, 'utf8'))).toBe(
        true,
      );
      expect(bytes.subarray(bytes.length - Buffer.byteLength(BODY)).toString('utf8')).toBe(BODY);
      expect(header.split('\n')).toEqual([
        'Title: Rain & Ruin',
        'By: Download Writer',
        'Fandoms: Buffy the Vampire Slayer',
        'Rating: PG-13',
        'Warnings: Violence',
        'Pairings: Spike/Wesley',
        'Prompt: Behind Blue Eyes',
        'Challenge: Challenge downloadable',
        'Summary: Two men on a roof.',
        'One of them is a vampire.',
        'Notes: Written for the challenge.',
      ]);
    });

    it('parses back to the same header fields and the same story', async () => {
      const res = await download(entry.id, 'txt', reader.token);
      const parsed = await request(t.app)
        .post('/api/header/parse')
        .send({ text: text(res) });
      expect(parsed.status).toBe(200);
      const { header, body } = parsed.body as ParsedEntry;
      expect(body).toBe(BODY);
      expect(header).toMatchObject({
        title: 'Rain & Ruin',
        authors: ['Download Writer'],
        rating: { raw: 'PG-13', normalized: 'teen' },
        warnings: ['Violence'],
        pairings: ['Spike/Wesley'],
        summary: 'Two men on a roof.\nOne of them is a vampire.',
      });
    });

    it('gives the writer the same file', async () => {
      const mine = await download(entry.id, 'txt', writer.token);
      const theirs = await download(entry.id, 'txt');
      expect(mine.status).toBe(200);
      expect(theirs.status).toBe(200);
      expect(text(mine)).toBe(text(theirs));
    });
  });

  describe('.html', () => {
    it('is a standalone page with the title and every header value escaped', async () => {
      const entry = await submitted({
        title: `Tom & Jerry <3 ${HOSTILE}`,
        rating: `PG ${HOSTILE}`,
        warnings: [HOSTILE],
        fandoms: [HOSTILE],
        pairings: [HOSTILE],
        characters: [HOSTILE],
        spoilers: HOSTILE,
        archive: HOSTILE,
        summary: `"Quoted" ${HOSTILE}`,
        notes: HOSTILE,
        disclaimer: HOSTILE,
        epigraph: { text: `Sing ${HOSTILE}`, credit: `~ ${HOSTILE}` },
      });
      const res = await download(entry.id, 'html', reader.token);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const page = text(res);
      expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(page).toMatch(/<meta charset="utf-8">/);
      expect(page).toContain(
        '<title>Tom &amp; Jerry &lt;3 &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</title>',
      );
      expect(page).toContain('<h1>Tom &amp; Jerry &lt;3');
      expect(page).toContain('&quot;Quoted&quot;');
      expect(page).toContain('<dt>By</dt><dd>Download Writer</dd>');
      expect(page).toContain('“Are you coming?” she asked — softly. 🌧️');
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toMatch(/<img/i);
      expect(page).not.toMatch(/<[^>]*\son\w+\s*=/i);
      expect(page).not.toMatch(/javascript:/i);
      // Standalone: nothing loaded from elsewhere.
      expect(page).not.toMatch(/<(link|script|iframe)\b|src=["']?https?:/i);
      expect(page).toMatch(/<\/html>\n$/);
    });
  });

  describe('.epub', () => {
    it('is an EPUB that passes epubcheck, even with markup in every field', async () => {
      const entry = await submitted(
        {
          title: `Tom & Jerry <3 ${HOSTILE}`,
          rating: 'PG',
          warnings: [HOSTILE],
          summary: `"Quoted" & ${HOSTILE}`,
          notes: 'Notes\nacross lines',
          epigraph: { text: 'No one knows what it’s like\nTo be the bad man', credit: '~ The Who' },
        },
        {
          bodyFormat: 'markdown',
          body:
            '# A heading\n\nSome *emphasis*, a [link](https://example.com/?a=1&b=2) and ' +
            `${HOSTILE}.\n\n> A quote\n\n1. one\n2. two\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n` +
            'Emoji 🌧️ and “curly quotes”.',
        },
      );
      const res = await download(entry.id, 'epub', reader.token);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/epub+zip');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?[\w-]+\.epub"?$/);
      const epub = res.body as Buffer;
      expect(epub.subarray(0, 2).toString('latin1')).toBe('PK');
      const files = readZip(epub);
      expect(files.get('mimetype')?.toString('utf8')).toBe('application/epub+zip');
      const opf = [...files].find(([name]) => name.endsWith('.opf'))?.[1].toString('utf8');
      expect(opf).toMatch(/<dc:creator[^>]*>Download Writer<\/dc:creator>/);
      const xhtml = [...files]
        .filter(([name]) => name.endsWith('.xhtml'))
        .map(([, content]) => content.toString('utf8'))
        .join('\n');
      expect(xhtml).toContain('Emoji 🌧️ and “curly quotes”.');
      expect(xhtml).not.toMatch(/<script/i);

      const check = await epubcheck(epub);
      expect(check.status, check.output).toBe(0);
    });

    it('passes epubcheck for a plain-text story with CRLF line ends', async () => {
      const entry = await submitted({ rating: 'G', summary: 'Plain.' });
      const res = await download(entry.id, 'epub');
      expect(res.status).toBe(200);
      const check = await epubcheck(res.body as Buffer);
      expect(check.status, check.output).toBe(0);
    });

    it('passes epubcheck when the story and summary contain "]]>"', async () => {
      const entry = await submitted(
        { rating: 'G', summary: 'He typed ]]> and left.' },
        { body: 'She wrote <![CDATA[ in the margin, then ]]> and &bogus; below.' },
      );
      const res = await download(entry.id, 'epub');
      expect(res.status).toBe(200);
      const check = await epubcheck(res.body as Buffer);
      expect(check.status, check.output).toBe(0);
    });

    it('passes epubcheck whatever characters an entry was accepted with', async () => {
      const created = await request(t.app)
        .post(`/api/challenges/${slug}/entries`)
        .set(asUser(writer.token))
        .send(
          story(writerPseud, {
            header: { title: 'Odd \uFFFE characters \u0092', rating: 'G' },
            body: 'A noncharacter \uFFFF and a C1 control \u0085 pasted from an old archive.',
            submit: true,
          }),
        );
      // Refusing such text at the door would be fine too; accepting it must give a valid EPUB.
      if (created.status === 400) {
        expect(errorPaths(created)).toEqual(expect.arrayContaining(['header.title', 'body']));
        return;
      }
      expect(created.status).toBe(201);
      const res = await download(created.body.id as number, 'epub');
      expect(res.status).toBe(200);
      const check = await epubcheck(res.body as Buffer);
      expect(check.status, check.output).toBe(0);
    });
  });

  describe('the adult-content gate', () => {
    it.each([
      ['NC-17', 'explicit'],
      ['Mature', 'mature'],
      ['Explicit', 'explicit'],
      [undefined, 'not_rated'],
    ])('asks readers to confirm before downloading a work rated %s (%s)', async (rating, scale) => {
      const entry = await submitted({ rating, warnings: ['Violence'] });
      expect(entry.rating.normalized).toBe(scale);
      for (const format of FORMATS) {
        for (const token of [undefined, reader.token]) {
          const res = await request(t.app)
            .get(`/api/entries/${entry.id}/download.${format}`)
            .set(asUser(token));
          expectProblem(res, 403, 'ADULT_CONTENT');
          expect(res.body.detail).toContain(rating ?? 'not rated');
          expect(res.body.detail).toContain('Violence');
          expect(res.text).not.toContain('The rain started at midnight');

          const confirmed = await download(entry.id, format, token, '?confirmAdult=true');
          expect(confirmed.status, `${format} confirmed`).toBe(200);
        }
        const refused = await download(entry.id, format, reader.token, '?confirmAdult=yes');
        expect(refused.status).toBe(403);
        // Its writer and the organizers need not confirm.
        expect((await download(entry.id, format, writer.token)).status).toBe(200);
        expect((await download(entry.id, format, organizer.token)).status).toBe(200);
      }
    });

    it.each(['G', 'PG-13', 'Teen And Up Audiences'])(
      'lets anyone download a work rated %s without confirming',
      async (rating) => {
        const entry = await submitted({ rating });
        for (const format of FORMATS) {
          expect((await download(entry.id, format)).status).toBe(200);
        }
      },
    );
  });

  describe('visibility', () => {
    it('answers 404 to everyone but its writer for a draft', async () => {
      const draft = await createEntry(
        t.app,
        writer.token,
        slug,
        story(writerPseud, { header: { title: 'Unfinished', rating: 'G' }, body: BODY }),
      );
      for (const format of FORMATS) {
        for (const token of [undefined, reader.token, organizer.token]) {
          const res = await request(t.app)
            .get(`/api/entries/${draft.id}/download.${format}`)
            .set(asUser(token));
          expectProblem(res, 404, 'NOT_FOUND');
          expect(res.text).not.toContain('The rain started');
        }
        expect((await download(draft.id, format, writer.token)).status).toBe(200);
      }
      const mine = await download(draft.id, 'txt', writer.token);
      expect(text(mine).endsWith(`\n\n${BODY}`)).toBe(true);
    });

    it('answers 404 for a withdrawn entry and for one that does not exist', async () => {
      const entry = await submitted({ rating: 'G', title: 'Taken Back' });
      const withdrawn = await request(t.app)
        .post(`/api/entries/${entry.id}/withdraw`)
        .set(asUser(writer.token));
      expect(withdrawn.status).toBe(200);
      for (const format of FORMATS) {
        expectProblem(
          await request(t.app).get(`/api/entries/${entry.id}/download.${format}`),
          404,
          'NOT_FOUND',
        );
        expectProblem(
          await request(t.app).get(`/api/entries/987654321/download.${format}`),
          404,
          'NOT_FOUND',
        );
      }
    });
  });
});
