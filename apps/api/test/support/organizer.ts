import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { expect } from 'vitest';
import type { EntryRow, EntryStatus, Store } from '@ficathon/db';
import type {
  ChallengeDetail,
  CreateChallengeInput,
  Organizer,
  Prompt,
  PromptInputDraft,
} from '@ficathon/schema';
import { bearer } from './http';
import { DAY_MS } from './test-app';

/** Headers of a signed-in caller, or none for a visitor. */
export const as = (token?: string): Record<string, string> => (token ? bearer(token) : {});

/** A local time (`YYYY-MM-DDTHH:mm`) `days` from `now`, as read in UTC. */
export function localUtc(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 16);
}

/** The same instant as the API stores it (whole minutes, UTC). */
export function storedUtc(now: Date, days: number): string {
  return `${localUtc(now, days)}:00.000Z`;
}

export interface ScheduleDays {
  opens?: number | null;
  closes?: number | null;
  votingOpens?: number | null;
  votingCloses?: number | null;
}

/**
 * A schedule in UTC counted in days from `now`: by default submissions opened a day ago and close
 * in 20 days, and the vote runs from day 30 to day 40.
 */
export function scheduleFromNow(
  now: Date,
  days: ScheduleDays = {},
  extra: { timeZone?: string; graceMinutes?: number } = {},
) {
  const at = (value: number | null) => (value === null ? null : localUtc(now, value));
  return {
    timeZone: extra.timeZone ?? 'UTC',
    graceMinutes: extra.graceMinutes ?? 0,
    opensAt: at(days.opens === undefined ? -1 : days.opens),
    closesAt: at(days.closes === undefined ? 20 : days.closes),
    votingOpensAt: at(days.votingOpens === undefined ? 30 : days.votingOpens),
    votingClosesAt: at(days.votingCloses === undefined ? 40 : days.votingCloses),
  };
}

/** A valid create-challenge body; `overrides` replace whole top-level fields. */
export function challengeBody(
  slug: string,
  overrides: Partial<CreateChallengeInput> = {},
  now: Date = new Date(),
): CreateChallengeInput {
  return {
    slug,
    title: `Challenge ${slug}`,
    description: 'Write a story *inspired* by a song.',
    schedule: scheduleFromNow(now),
    ...overrides,
  };
}

/** A lyric prompt, valid unless overridden. */
export function lyricPrompt(title: string, overrides: Partial<PromptInputDraft> = {}) {
  return {
    kind: 'lyrics' as const,
    title,
    credit: 'The Who',
    body: 'No one knows what it’s like\nTo be the bad man',
    ...overrides,
  };
}

function expectStatus(res: Response, status: number, what: string): void {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(status);
}

export async function createChallenge(
  app: Express,
  token: string,
  body: CreateChallengeInput,
): Promise<ChallengeDetail> {
  const res = await request(app).post('/api/challenges').set(bearer(token)).send(body);
  expectStatus(res, 201, `create ${body.slug}`);
  return res.body as ChallengeDetail;
}

export async function announce(
  app: Express,
  token: string,
  slug: string,
): Promise<ChallengeDetail> {
  const res = await request(app).post(`/api/challenges/${slug}/announce`).set(bearer(token));
  expectStatus(res, 200, `announce ${slug}`);
  return res.body as ChallengeDetail;
}

export async function addPrompt(
  app: Express,
  token: string,
  slug: string,
  input: Record<string, unknown> = lyricPrompt('Behind Blue Eyes'),
): Promise<Prompt> {
  const res = await request(app)
    .post(`/api/challenges/${slug}/prompts`)
    .set(bearer(token))
    .send(input);
  expectStatus(res, 201, `add a prompt to ${slug}`);
  return res.body as Prompt;
}

export async function addOrganizer(
  app: Express,
  token: string,
  slug: string,
  person: string,
): Promise<Organizer> {
  const res = await request(app)
    .post(`/api/challenges/${slug}/organizers`)
    .set(bearer(token))
    .send({ person });
  expectStatus(res, 201, `add ${person} to ${slug}`);
  return res.body as Organizer;
}

export async function claim(
  app: Express,
  token: string,
  slug: string,
  promptId: number,
): Promise<Prompt> {
  const res = await request(app)
    .post(`/api/challenges/${slug}/prompts/${promptId}/claim`)
    .set(bearer(token));
  expectStatus(res, 201, `claim prompt ${promptId} of ${slug}`);
  return res.body as Prompt;
}

export async function detailOf(
  app: Express,
  slug: string,
  token?: string,
): Promise<ChallengeDetail> {
  const res = await request(app).get(`/api/challenges/${slug}`).set(as(token));
  expectStatus(res, 200, `GET ${slug}`);
  return res.body as ChallengeDetail;
}

export async function promptsOf(app: Express, slug: string, token?: string): Promise<Prompt[]> {
  const res = await request(app).get(`/api/challenges/${slug}/prompts`).set(as(token));
  expectStatus(res, 200, `GET the prompts of ${slug}`);
  return (res.body as { prompts: Prompt[] }).prompts;
}

export async function challengeId(store: Store, slug: string): Promise<number> {
  const row = await store.repos.challenges.findBySlug(slug);
  if (!row) throw new Error(`no challenge ${slug}`);
  return row.id;
}

/** A community with its owner and moderators, inserted straight into the database. */
export async function insertCommunity(
  store: Store,
  options: { slug: string; name?: string; ownerId: number; moderatorIds?: number[] },
): Promise<number> {
  const now = new Date().toISOString();
  const community = await store.handle.db
    .insertInto('community')
    .values({
      slug: options.slug,
      name: options.name ?? `Community ${options.slug}`,
      description: '',
      owner_id: options.ownerId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const userId of options.moderatorIds ?? []) {
    await store.handle.db
      .insertInto('community_moderator')
      .values({ community_id: community.id, user_id: userId, created_at: now })
      .execute();
  }
  return community.id;
}

/**
 * An entry as the (not yet built) entry endpoints would store it, with the prompt, words, status,
 * submission time and header fields the test needs.
 */
export async function insertEntryWith(
  store: Store,
  options: {
    challengeId: number;
    userId: number;
    title: string;
    status?: EntryStatus;
    promptId?: number | null;
    body?: string;
    submittedAt?: string | null;
    header?: Record<string, unknown>;
  },
): Promise<EntryRow> {
  const pseud = await store.repos.pseuds.findDefault(options.userId);
  if (!pseud) throw new Error(`user ${options.userId} has no default pseud`);
  const status = options.status ?? 'submitted';
  const body = options.body ?? 'Once upon a time.';
  const now = new Date().toISOString();
  return store.repos.entries.insert({
    challenge_id: options.challengeId,
    prompt_id: options.promptId ?? null,
    user_id: options.userId,
    pseud_id: pseud.id,
    status,
    title: options.title,
    rating_raw: 'PG-13',
    rating: 'teen',
    summary: (options.header?.summary as string | undefined) ?? null,
    header_json: JSON.stringify({ title: options.title, ...options.header }),
    body,
    body_format: 'text',
    word_count: body.split(/\s+/).filter(Boolean).length,
    submitted_at:
      options.submittedAt !== undefined ? options.submittedAt : status === 'draft' ? null : now,
    created_at: now,
    updated_at: now,
  });
}

/** `count` words of filler text. */
export const words = (count: number): string =>
  Array.from({ length: count }, (_, i) => `word${i + 1}`).join(' ');

/** A small RFC 4180 reader: rows of cells, quotes and doubled quotes undone. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
