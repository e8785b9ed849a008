import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Stream } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';
import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { expect } from 'vitest';
import type {
  ChallengeDetail,
  ChallengeRulesInput,
  EntryDetail,
  MeResponse,
  Prompt,
  PromptInputDraft,
  SaveEntryInput,
} from '@ficathon/schema';
import { bearer } from './http';
import { DAY_MS } from './test-app';

/** Headers of a signed-in caller, or none for a visitor. */
export const asUser = (token?: string): Record<string, string> => (token ? bearer(token) : {});

function expectStatus(res: Response, status: number, what: string): void {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(status);
}

/** The id of the caller's default pseud (their display name). */
export async function defaultPseudId(app: Express, token: string): Promise<number> {
  const res = await request(app).get('/api/me').set(bearer(token));
  expectStatus(res, 200, 'GET /api/me');
  const pseud = (res.body as MeResponse).pseuds.find((p) => p.isDefault);
  if (!pseud) throw new Error('the account has no default pseud');
  return pseud.id;
}

/** Adds a pseud through the API and returns its id. */
export async function addPseud(app: Express, token: string, name: string): Promise<number> {
  const res = await request(app).post('/api/me/pseuds').set(bearer(token)).send({ name });
  expectStatus(res, 201, `add pseud ${name}`);
  return (res.body as { id: number }).id;
}

/** A local time (`YYYY-MM-DDTHH:mm`, read in UTC) `days` from `now`. */
export const utcLocal = (now: Date, days: number): string =>
  new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 16);

export interface ChallengeSetup {
  anonymous?: boolean;
  moderated?: boolean;
  organizersSeeAuthors?: boolean;
  rules?: ChallengeRulesInput;
  prompts?: PromptInputDraft[];
  /** Days from `now`: submissions open at -1 and close at 20, the vote runs 30..40 by default. */
  days?: { opens?: number; closes?: number; votingOpens?: number; votingCloses?: number };
  now?: Date;
  /** Leave it in draft (not announced). */
  draft?: boolean;
}

/**
 * A challenge made the way an organizer makes one: created with a schedule, its prompts added,
 * then announced. Returns the prompts as the API gave them back.
 */
export async function organizeChallenge(
  app: Express,
  token: string,
  slug: string,
  setup: ChallengeSetup = {},
): Promise<{ slug: string; prompts: Prompt[]; detail: ChallengeDetail }> {
  const now = setup.now ?? new Date();
  const days = { opens: -1, closes: 20, votingOpens: 30, votingCloses: 40, ...setup.days };
  const created = await request(app)
    .post('/api/challenges')
    .set(bearer(token))
    .send({
      slug,
      title: `Challenge ${slug}`,
      description: 'Write a story.',
      anonymous: setup.anonymous ?? false,
      moderated: setup.moderated ?? false,
      organizersSeeAuthors: setup.organizersSeeAuthors ?? false,
      rules: setup.rules ?? {},
      schedule: {
        timeZone: 'UTC',
        opensAt: utcLocal(now, days.opens),
        closesAt: utcLocal(now, days.closes),
        votingOpensAt: utcLocal(now, days.votingOpens),
        votingClosesAt: utcLocal(now, days.votingCloses),
      },
    });
  expectStatus(created, 201, `create ${slug}`);
  const prompts: Prompt[] = [];
  for (const prompt of setup.prompts ?? []) {
    const res = await request(app)
      .post(`/api/challenges/${slug}/prompts`)
      .set(bearer(token))
      .send(prompt);
    expectStatus(res, 201, `add prompt ${prompt.title} to ${slug}`);
    prompts.push(res.body as Prompt);
  }
  let detail = created.body as ChallengeDetail;
  if (!setup.draft) {
    const announced = await request(app)
      .post(`/api/challenges/${slug}/announce`)
      .set(bearer(token));
    expectStatus(announced, 200, `announce ${slug}`);
    detail = announced.body as ChallengeDetail;
  }
  return { slug, prompts, detail };
}

/** A lyric prompt whose lines a story can quote. */
export const LYRIC_PROMPT: PromptInputDraft = {
  kind: 'lyrics',
  title: 'Behind Blue Eyes',
  credit: 'The Who',
  body: 'No one knows what it’s like\nTo be the bad man',
};

/** A valid entry body for the API; `header` fields are merged over a titled, PG-13 header. */
export function story(
  pseudId: number,
  overrides: Omit<Partial<SaveEntryInput>, 'header'> & {
    header?: Partial<SaveEntryInput['header']>;
  } = {},
): SaveEntryInput {
  const { header, ...rest } = overrides;
  return {
    pseudId,
    header: { title: 'The Long Night', rating: 'PG-13', ...header },
    body: 'The rain came down over the city all night long.',
    ...rest,
  };
}

export const postEntry = (
  app: Express,
  token: string | undefined,
  slug: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  request(app)
    .post(`/api/challenges/${slug}/entries`)
    .set({ ...asUser(token), ...headers })
    .send(body as object);

export const putEntry = (
  app: Express,
  token: string | undefined,
  id: number,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  request(app)
    .put(`/api/entries/${id}`)
    .set({ ...asUser(token), ...headers })
    .send(body as object);

export const getEntry = (app: Express, id: number, token?: string) =>
  request(app).get(`/api/entries/${id}`).set(asUser(token));

/** Creates an entry and fails the test unless the API answers 201. */
export async function createEntry(
  app: Express,
  token: string,
  slug: string,
  body: SaveEntryInput,
): Promise<EntryDetail> {
  const res = await postEntry(app, token, slug, body);
  expectStatus(res, 201, `create an entry in ${slug}`);
  return res.body as EntryDetail;
}

/** Saves a new version and fails the test unless the API answers 200. */
export async function saveEntry(
  app: Express,
  token: string,
  id: number,
  body: SaveEntryInput,
): Promise<EntryDetail> {
  const res = await putEntry(app, token, id, body);
  expectStatus(res, 200, `save entry ${id}`);
  return res.body as EntryDetail;
}

/** The public list of a challenge's entries, by title. */
export async function publicTitles(app: Express, slug: string, token?: string): Promise<string[]> {
  const res = await request(app).get(`/api/challenges/${slug}/entries`).set(asUser(token));
  expectStatus(res, 200, `GET ${slug} entries`);
  return (res.body as { entries: { title: string }[] }).entries.map((e) => e.title);
}

/** supertest parser that keeps a binary response as a Buffer. */
export function binaryParser(res: Stream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => done(error, Buffer.alloc(0)));
}

/**
 * The files of a ZIP archive (an EPUB, a .docx), read through its central directory so entries
 * written with data descriptors are read right. Supports stored and deflated entries.
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const EOCD = 0x06054b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== EOCD) end -= 1;
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const localName = zip.readUInt16LE(localOffset + 26);
    const localExtra = zip.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localName + localExtra;
    const data = zip.subarray(start, start + compressedSize);
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** A ZIP archive of the given files, stored (not compressed), in the given order. */
export function writeZip(files: [name: string, content: string | Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time and date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal, valid Word document (.docx): one `w:p` per paragraph, `bold` runs marked. */
export function buildDocx(paragraphs: { text: string; bold?: boolean }[][]): Buffer {
  const body = paragraphs
    .map(
      (runs) =>
        `<w:p>${runs
          .map(
            (run) =>
              `<w:r>${run.bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlEscape(run.text)}</w:t></w:r>`,
          )
          .join('')}</w:p>`,
    )
    .join('');
  return writeZip([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ],
    [
      'word/document.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        `<w:body>${body}</w:body></w:document>`,
    ],
  ]);
}

export const EPUBCHECK_JAR = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';

/** Runs epubcheck on an EPUB; returns its exit status and everything it printed. */
export async function epubcheck(epub: Buffer): Promise<{ status: number | null; output: string }> {
  if (!existsSync(EPUBCHECK_JAR)) {
    throw new Error(
      `epubcheck is not installed at ${EPUBCHECK_JAR} (apt-get install epubcheck, or set EPUBCHECK_JAR)`,
    );
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ficathon-epubcheck-'));
  try {
    const file = path.join(dir, 'entry.epub');
    await writeFile(file, epub);
    const run = spawnSync('java', ['-jar', EPUBCHECK_JAR, file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (run.error)
      throw new Error(`could not run java -jar ${EPUBCHECK_JAR}: ${run.error.message}`);
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
