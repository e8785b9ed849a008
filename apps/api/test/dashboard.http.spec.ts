import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, Prompt } from '@ficathon/schema';
import { signUp, stringsIn, type SignedUp } from './support/http';
import {
  addPrompt,
  announce,
  as,
  challengeBody,
  challengeId,
  claim,
  createChallenge,
  insertEntryWith,
  lyricPrompt,
  parseCsv,
  words,
} from './support/organizer';
import { FakeClock, testDatabaseKinds, useTestApp } from './support/test-app';

const CSV_COLUMNS = [
  'id',
  'title',
  'author',
  'status',
  'rating',
  'rating_raw',
  'word_count',
  'prompt',
  'submitted_at',
  'summary',
  'warnings',
  'fandoms',
  'pairings',
  'characters',
  'spoilers',
  'disclaimer',
  'archive',
  'notes',
];

interface ExportedEntry {
  id: number;
  title: string;
  author: string | null;
  status: string;
  wordCount: number;
  prompt: string | null;
  header: Record<string, unknown>;
}

describe.each(testDatabaseKinds())('the organizer dashboard and exports on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let ann: SignedUp;
  let ben: SignedUp;
  let cat: SignedUp;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Chart Keeper' });
    ann = await signUp(t.app, { displayName: 'Ann Writer' });
    ben = await signUp(t.app, { displayName: 'Ben Writer' });
    cat = await signUp(t.app, { displayName: 'Cat Writer' });
  });

  describe('a running challenge in New York time', () => {
    // 5 March 2026: New York is on EST (UTC-5) until 8 March, then EDT (UTC-4).
    const clock = new FakeClock(new Date('2026-03-05T17:00:00.000Z'));
    let app: Express;
    const slug = 'nyc-nights';
    let blue: Prompt;
    let bargain: Prompt;
    const ids: Record<string, number> = {};

    const dashboard = async (): Promise<Dashboard> => {
      const res = await request(app)
        .get(`/api/challenges/${slug}/dashboard`)
        .set(as(organizer.token));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as Dashboard;
    };

    beforeAll(async () => {
      app = t.buildApp({ clock: clock.now });
      await createChallenge(
        app,
        organizer.token,
        challengeBody(slug, {
          schedule: {
            timeZone: 'America/New_York',
            opensAt: '2026-03-01T00:00',
            closesAt: '2026-03-20T23:59',
            votingOpensAt: '2026-03-22T00:00',
            votingClosesAt: '2026-03-29T00:00',
          },
        }),
      );
      blue = await addPrompt(app, organizer.token, slug, lyricPrompt('Behind Blue Eyes'));
      bargain = await addPrompt(app, organizer.token, slug, lyricPrompt('Bargain'));
      expect((await announce(app, organizer.token, slug)).phase).toBe('open');
      await claim(app, ann.token, slug, blue.id);
      await claim(app, ben.token, slug, blue.id);
      await claim(app, cat.token, slug, bargain.id);

      const challenge = await challengeId(t.store, slug);
      const entries = [
        // 22:30 on 3 March in New York, 03:30 on 4 March in UTC.
        { key: 'late-evening', who: ann, prompt: blue.id, n: 10, at: '2026-03-04T03:30:00.000Z' },
        // 23:59 on 3 March in New York.
        { key: 'midnight', who: cat, prompt: bargain.id, n: 30, at: '2026-03-04T04:59:00.000Z' },
        // 00:00 on 4 March in New York.
        {
          key: 'approved',
          who: ben,
          prompt: blue.id,
          n: 20,
          at: '2026-03-04T05:00:00.000Z',
          status: 'approved' as const,
        },
        // After the deadline (23:59 EDT on 20 March is 03:59 UTC on 21 March): 01:00 on 21 March.
        { key: 'late', who: ann, prompt: null, n: 5, at: '2026-03-21T05:00:00.000Z' },
        {
          key: 'rejected',
          who: ben,
          prompt: null,
          n: 7,
          at: '2026-03-04T06:00:00.000Z',
          status: 'rejected' as const,
        },
        {
          key: 'withdrawn',
          who: cat,
          prompt: null,
          n: 9,
          at: '2026-03-04T07:00:00.000Z',
          status: 'withdrawn' as const,
        },
        { key: 'draft', who: ann, prompt: bargain.id, n: 100, at: null, status: 'draft' as const },
      ];
      for (const e of entries) {
        const row = await insertEntryWith(t.store, {
          challengeId: challenge,
          userId: e.who.user.id,
          title: `Entry ${e.key}`,
          promptId: e.prompt,
          body: words(e.n),
          status: e.status ?? 'submitted',
          submittedAt: e.at,
        });
        ids[e.key] = row.id;
      }
    });

    it('counts entries by status, leaving out the writers’ drafts', async () => {
      expect((await dashboard()).entriesByStatus).toEqual({
        submitted: 3,
        approved: 1,
        rejected: 1,
        withdrawn: 1,
      });
    });

    it('totals the words of the live (submitted and approved) entries', async () => {
      expect((await dashboard()).totalWords).toBe(10 + 30 + 20 + 5);
    });

    it('counts claims and entries per prompt, in prompt order', async () => {
      expect((await dashboard()).claimsPerPrompt).toEqual([
        { promptId: blue.id, title: 'Behind Blue Eyes', claims: 2, entries: 2 },
        { promptId: bargain.id, title: 'Bargain', claims: 1, entries: 1 },
      ]);
    });

    it('counts submissions per day in the challenge’s time zone', async () => {
      expect((await dashboard()).submissionsPerDay).toEqual([
        { date: '2026-03-03', count: 2 },
        { date: '2026-03-04', count: 1 },
        { date: '2026-03-21', count: 1 },
      ]);
    });

    it('lists entries submitted after the deadline as late', async () => {
      expect((await dashboard()).lateEntries).toEqual([
        { id: ids.late, title: 'Entry late', submittedAt: '2026-03-21T05:00:00.000Z' },
      ]);
    });

    it('lists the entries that break the rules once the organizers tighten them', async () => {
      expect((await dashboard()).ruleBreakingEntries).toEqual([]);
      const res = await request(app)
        .patch(`/api/challenges/${slug}`)
        .set(as(organizer.token))
        .send({ rules: { maxWords: 15 } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((await dashboard()).ruleBreakingEntries).toEqual([
        { id: ids.midnight, title: 'Entry midnight', rules: ['max_words'] },
        { id: ids.approved, title: 'Entry approved', rules: ['max_words'] },
      ]);
    });
  });

  describe('exports', () => {
    let counter = 0;

    /** An open challenge with a prompt and one entry in each status. */
    async function challengeWithEntries(overrides: Parameters<typeof challengeBody>[1] = {}) {
      counter += 1;
      const slug = `exported-${counter}`;
      await createChallenge(t.app, organizer.token, challengeBody(slug, overrides));
      const prompt = await addPrompt(t.app, organizer.token, slug, lyricPrompt('Behind Blue Eyes'));
      await announce(t.app, organizer.token, slug);
      const challenge = await challengeId(t.store, slug);
      const tricky = await insertEntryWith(t.store, {
        challengeId: challenge,
        userId: ann.user.id,
        title: 'Blue, "Bluer", Bluest',
        promptId: prompt.id,
        body: words(12),
        header: {
          summary: 'Two lines,\nand a comma.',
          warnings: ['No Archive Warnings Apply'],
          fandoms: ['The Who (Band)', 'Quadrophenia'],
          custom: { verse: 'First' },
        },
      });
      await insertEntryWith(t.store, {
        challengeId: challenge,
        userId: ben.user.id,
        title: 'Approved one',
        status: 'approved',
      });
      await insertEntryWith(t.store, {
        challengeId: challenge,
        userId: cat.user.id,
        title: 'Withdrawn one',
        status: 'withdrawn',
      });
      await insertEntryWith(t.store, {
        challengeId: challenge,
        userId: cat.user.id,
        title: 'Secret draft',
        status: 'draft',
      });
      return { slug, trickyId: tricky.id };
    }

    const csvOf = (slug: string) =>
      request(t.app).get(`/api/challenges/${slug}/export.csv`).set(as(organizer.token));
    const jsonOf = (slug: string) =>
      request(t.app).get(`/api/challenges/${slug}/export.json`).set(as(organizer.token));

    it('gives CSV with a header row and one row per entry that is not a draft', async () => {
      const { slug, trickyId } = await challengeWithEntries();
      const res = await csvOf(slug);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="?${slug}-entries\\.csv"?$`),
      );
      const [header, ...rows] = parseCsv(res.text);
      expect(header).toEqual(CSV_COLUMNS);
      expect(rows.map((row) => row[1])).toEqual([
        'Blue, "Bluer", Bluest',
        'Approved one',
        'Withdrawn one',
      ]);
      for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
      const cell = (row: string[], column: string) => row[CSV_COLUMNS.indexOf(column)];
      const tricky = rows[0]!;
      expect(cell(tricky, 'id')).toBe(String(trickyId));
      expect(cell(tricky, 'author')).toBe('Ann Writer');
      expect(cell(tricky, 'status')).toBe('submitted');
      expect(cell(tricky, 'rating')).toBe('teen');
      expect(cell(tricky, 'rating_raw')).toBe('PG-13');
      expect(cell(tricky, 'word_count')).toBe('12');
      expect(cell(tricky, 'prompt')).toBe('Behind Blue Eyes');
      expect(cell(tricky, 'summary')).toBe('Two lines,\nand a comma.');
      expect(cell(tricky, 'warnings')).toBe('No Archive Warnings Apply');
      expect(cell(tricky, 'fandoms')).toBe('The Who (Band); Quadrophenia');
      expect(rows.map((row) => cell(row, 'status'))).toEqual([
        'submitted',
        'approved',
        'withdrawn',
      ]);
      expect(res.text).not.toContain('Secret draft');
      expect(res.text).not.toContain('@example.com');
    });

    it('gives JSON of the same entries with every header field', async () => {
      const { slug, trickyId } = await challengeWithEntries();
      const res = await jsonOf(slug);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="?${slug}-entries\\.json"?$`),
      );
      const entries = res.body.entries as ExportedEntry[];
      expect(entries.map((e) => [e.title, e.author, e.status])).toEqual([
        ['Blue, "Bluer", Bluest', 'Ann Writer', 'submitted'],
        ['Approved one', 'Ben Writer', 'approved'],
        ['Withdrawn one', 'Cat Writer', 'withdrawn'],
      ]);
      expect(entries[0]).toMatchObject({
        id: trickyId,
        wordCount: 12,
        prompt: 'Behind Blue Eyes',
        header: {
          summary: 'Two lines,\nand a comma.',
          fandoms: ['The Who (Band)', 'Quadrophenia'],
          custom: { verse: 'First' },
        },
      });
      for (const text of stringsIn(res.body)) expect(text).not.toContain('@example.com');
    });

    it('hides the authors of an anonymous challenge from its organizers', async () => {
      const { slug } = await challengeWithEntries({ anonymous: true });
      const csv = await csvOf(slug);
      const [header, ...rows] = parseCsv(csv.text);
      const author = header!.indexOf('author');
      expect(rows.map((row) => row[author])).toEqual(['(anonymous)', '(anonymous)', '(anonymous)']);
      const json = await jsonOf(slug);
      expect((json.body.entries as ExportedEntry[]).map((e) => e.author)).toEqual([
        null,
        null,
        null,
      ]);
      for (const name of ['Ann Writer', 'Ben Writer', 'Cat Writer']) {
        expect(csv.text).not.toContain(name);
        expect(json.text).not.toContain(name);
      }
    });

    it('shows them when the challenge lets organizers see authors', async () => {
      const { slug } = await challengeWithEntries({ anonymous: true, organizersSeeAuthors: true });
      const csv = await csvOf(slug);
      const [header, ...rows] = parseCsv(csv.text);
      const author = header!.indexOf('author');
      expect(rows.map((row) => row[author])).toEqual(['Ann Writer', 'Ben Writer', 'Cat Writer']);
      const json = await jsonOf(slug);
      expect((json.body.entries as ExportedEntry[]).map((e) => e.author)).toEqual([
        'Ann Writer',
        'Ben Writer',
        'Cat Writer',
      ]);
      // Readers still do not: the setting is for organizers only.
      const page = await request(t.app).get(`/api/challenges/${slug}`);
      expect(page.text).not.toContain('Ann Writer');
    });

    // A writer's title opened in a spreadsheet must stay text (OWASP "CSV injection").
    it('keeps a writer’s text from running as a spreadsheet formula', async () => {
      counter += 1;
      const slug = `formula-${counter}`;
      await createChallenge(t.app, organizer.token, challengeBody(slug));
      await announce(t.app, organizer.token, slug);
      const formulas = ['=HYPERLINK("https://evil.example","Click")', '+1+1', '@SUM(A1:A2)'];
      for (const title of formulas) {
        await insertEntryWith(t.store, {
          challengeId: await challengeId(t.store, slug),
          userId: ann.user.id,
          title,
        });
      }
      const [, ...rows] = parseCsv((await csvOf(slug)).text);
      for (const row of rows) expect(row[1]).not.toMatch(/^[=+\-@\t\r]/);
    });

    it('gives a header row alone when there are no entries', async () => {
      counter += 1;
      const slug = `empty-export-${counter}`;
      await createChallenge(t.app, organizer.token, challengeBody(slug));
      const res = await csvOf(slug);
      expect(res.status).toBe(200);
      expect(parseCsv(res.text)).toEqual([CSV_COLUMNS]);
    });
  });
});
