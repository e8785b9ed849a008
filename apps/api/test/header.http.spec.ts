import { readFileSync } from 'node:fs';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADER_PARSE_LIMITS, type ParsedEntry } from '@ficathon/schema';
import { asUser, buildDocx, DOCX_TYPE } from './support/entries';
import { errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

const FIXTURE = readFileSync(
  new URL('../../../../shared/fixtures/entries/crack-it-open.txt', import.meta.url),
  'utf8',
);

describe.each(testDatabaseKinds())('header parsing and file import over HTTP on %s', (kind) => {
  const t = useTestApp(kind);
  let writer: SignedUp;

  beforeAll(async () => {
    writer = await signUp(t.app, { displayName: 'Importing Writer' });
  });

  const parse = (body: unknown) =>
    request(t.app)
      .post('/api/header/parse')
      .send(body as object);
  const upload = (type: string, content: Buffer | string) =>
    request(t.app)
      .post('/api/header/import')
      .set({ ...asUser(writer.token), 'Content-Type': type })
      .send(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));

  describe('POST /api/header/parse', () => {
    it('reads the crack-it-open fixture: its header fields, and the story as a suffix', async () => {
      const res = await parse({ text: FIXTURE });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const { header, body, warnings } = res.body as ParsedEntry;
      expect(header).toMatchObject({
        headerDetected: true,
        title: 'Crack It Open',
        authors: ['WesleysGirl'],
        rating: { raw: 'NC-17', normalized: 'explicit' },
        pairings: ['Spike/Wesley'],
        spoilers: 'Through late S3, probably somewhere around "The Price."',
        archive:
          'Only with my explicit permission, but if you ask, I will almost certainly give it.',
      });
      expect(header.disclaimer).toMatch(/^These characters are the property of Joss Whedon/);
      expect(header.lines).toEqual(
        expect.arrayContaining([{ label: 'Content/Warnings', value: 'Spike/Wesley' }]),
      );
      expect(body.startsWith('The soft sound of feet on rough cement')).toBe(true);
      expect(FIXTURE.endsWith(body)).toBe(true);
      expect(Array.isArray(warnings)).toBe(true);
    });

    it('needs no account, and keeps CRLF and curly quotes in the body', async () => {
      const text = 'Title: Rain\r\nRating: PG\r\n\r\n“Hello,” she said.\r\nThe end.  \r\n';
      const res = await parse({ text });
      expect(res.status).toBe(200);
      expect(res.body.header.title).toBe('Rain');
      expect(res.body.body).toBe('“Hello,” she said.\r\nThe end.  \r\n');
    });

    it('takes a paste of exactly 1,000,000 characters', async () => {
      const text = `Title: Long\n\n${'word '.repeat(HEADER_PARSE_LIMITS.textMax)}`.slice(
        0,
        HEADER_PARSE_LIMITS.textMax,
      );
      const res = await parse({ text });
      expect(res.status).toBe(200);
      expect(res.body.header.title).toBe('Long');
    });

    it('answers 400 naming text for a paste over 1,000,000 characters', async () => {
      const res = await parse({ text: 'x'.repeat(HEADER_PARSE_LIMITS.textMax + 1) });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(['text']);
      expect(res.body.errors[0].message).toContain('1,000,000');
    });

    it.each([
      ['no text', {}],
      ['a number', { text: 42 }],
    ])('answers 400 naming text for %s', async (_label, body) => {
      const res = await parse(body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(['text']);
    });
  });

  describe('POST /api/header/import', () => {
    it('returns a .txt file as it is', async () => {
      const res = await upload('text/plain; charset=utf-8', FIXTURE);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ text: FIXTURE });
    });

    it('returns a Markdown file as it is', async () => {
      const markdown = '# Crack It Open\n\nRating: NC-17\n\n*The soft sound* of feet…\r\n';
      const res = await upload('text/markdown', markdown);
      expect(res.status).toBe(200);
      expect(res.body.text).toBe(markdown);
    });

    it('turns an HTML file into paragraphs separated by blank lines, without tags', async () => {
      const html =
        '<!doctype html><html><head><title>Ignored</title><style>p { color: red }</style></head>' +
        '<body><p><b>Title:</b> Crack It Open</p><p>Rating: NC-17<br>Pairing: Spike/Wesley</p>' +
        '<p>The soft sound of feet on <em>rough</em> cement &amp; gravel.</p>' +
        '<p>“Nice night,” Spike says.</p></body></html>';
      const res = await upload('text/html', html);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const text = res.body.text as string;
      expect(text).not.toMatch(/<[a-z/!]/i);
      expect(text).toContain(
        'Title: Crack It Open\n\nRating: NC-17\nPairing: Spike/Wesley\n\n' +
          'The soft sound of feet on rough cement & gravel.\n\n“Nice night,” Spike says.',
      );
      expect(text).not.toContain('color: red');

      const parsed = await parse({ text });
      expect(parsed.body.header).toMatchObject({ title: 'Crack It Open' });
    });

    it('keeps the writer’s capitalisation in headings of every level', async () => {
      const html = [1, 2, 3, 4, 5, 6]
        .map((level) => `<h${level}>Chapter ${level}</h${level}>`)
        .join('');
      const res = await upload('text/html', `${html}<p>The story.</p>`);
      expect(res.status).toBe(200);
      expect((res.body.text as string).split(/\n+/)).toEqual([
        'Chapter 1',
        'Chapter 2',
        'Chapter 3',
        'Chapter 4',
        'Chapter 5',
        'Chapter 6',
        'The story.',
      ]);
    });

    it('reads a Word document (.docx) as paragraphs separated by blank lines', async () => {
      const docx = buildDocx([
        [{ text: 'Crack It Open' }],
        [{ text: 'Rating: ', bold: true }, { text: 'NC-17' }],
        [{ text: 'The soft sound of feet on rough cement & gravel.' }],
        [{ text: '“Nice night,” Spike says. 🌙' }],
      ]);
      const res = await upload(DOCX_TYPE, docx);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((res.body.text as string).trimEnd()).toBe(
        'Crack It Open\n\nRating: NC-17\n\nThe soft sound of feet on rough cement & gravel.\n\n' +
          '“Nice night,” Spike says. 🌙',
      );
    });

    it('answers 400 UNREADABLE_FILE to a .docx that is not a Word document', async () => {
      const res = await upload(DOCX_TYPE, Buffer.from('this is not a zip file'));
      expectProblem(res, 400, 'UNREADABLE_FILE');
    });

    it.each([
      ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
      ['application/pdf', Buffer.from('%PDF-1.4')],
      ['application/json', Buffer.from('{"text":"hi"}')],
    ])('answers 415 to a %s file', async (type, content) => {
      const res = await upload(type, content);
      expectProblem(res, 415, 'UNSUPPORTED_FILE_TYPE');
    });

    it.each(['text/plain', 'text/markdown', 'text/html'])(
      'answers 400 NOT_UTF8 to a %s file that is not UTF-8',
      async (type) => {
        // "Café" in Latin-1, then a lone continuation byte.
        const res = await upload(type, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]));
        expectProblem(res, 400, 'NOT_UTF8');
      },
    );

    it('answers 401 to a visitor', async () => {
      const res = await request(t.app)
        .post('/api/header/import')
        .set('Content-Type', 'text/plain')
        .send(Buffer.from('Title: X'));
      expectProblem(res, 401, 'UNAUTHENTICATED');
    });
  });
});
