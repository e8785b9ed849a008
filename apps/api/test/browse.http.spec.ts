import request, { type Response } from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryPage } from '@ficathon/schema';
import { asUser, createEntry, defaultPseudId, organizeChallenge, story } from './support/entries';
import { errorPaths, expectProblem, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

/** More entries than the largest page. */
const MANY = 105;

const encode = (cursor: unknown) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
const decode = (cursor: string) =>
  JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;

/** A 400 whose field errors name exactly these parameters (an item of a list names the list). */
function expectNamed(res: Response, ...params: string[]): void {
  expectProblem(res, 400, 'VALIDATION_FAILED');
  expect([...new Set(errorPaths(res).map((path) => path.split('.')[0]))].sort()).toEqual(
    [...params].sort(),
  );
}

describe.each(testDatabaseKinds())('browsing a challenge’s entries on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;
  let pseudId: number;
  const list = (slug: string, query = '', token?: string) =>
    request(t.app).get(`/api/challenges/${slug}/entries${query}`).set(asUser(token));
  const page = (res: Response) => {
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as EntryPage;
  };

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Browse Organizer' });
    writer = await signUp(t.app, { displayName: 'Browse Writer' });
    pseudId = await defaultPseudId(t.app, writer.token);
    await organizeChallenge(t.app, organizer.token, 'browse-many');
    for (let i = 0; i < MANY; i += 1) {
      await createEntry(
        t.app,
        writer.token,
        'browse-many',
        story(pseudId, {
          header: { title: `Story ${String(i).padStart(3, '0')}`, rating: i % 2 ? 'G' : 'Mature' },
          body: 'word '.repeat(1 + (i % 7)),
          submit: true,
        }),
      );
    }
  }, 60_000);

  describe('page sizes', () => {
    it('caps a page at 100 entries however many are asked for, and the next page has the rest', async () => {
      for (const limit of ['100', '101', '5000', '99999999999']) {
        const first = page(await list('browse-many', `?limit=${limit}`));
        expect(first.entries, `limit=${limit}`).toHaveLength(100);
        expect(first.total).toBe(MANY);
        expect(first.nextCursor).not.toBeNull();
        const rest = page(
          await list('browse-many', `?limit=${limit}&cursor=${first.nextCursor ?? ''}`),
        );
        expect(rest.entries).toHaveLength(MANY - 100);
        expect(rest.nextCursor).toBeNull();
      }
    });

    it('gives 50 entries by default', async () => {
      expect(page(await list('browse-many')).entries).toHaveLength(50);
    });

    it.each(['0', '-3', '2.5', 'ten', ''])(
      'answers 400 naming limit for limit=%s',
      async (limit) => {
        expectNamed(await list('browse-many', `?limit=${limit}`), 'limit');
      },
    );
  });

  describe('bad filter values', () => {
    it.each([
      ['rating', 'superexplicit'],
      ['rating', 'teen,superexplicit'],
      ['excludeRating', 'R'],
      ['sort', 'random'],
      ['prompt', 'first'],
      ['prompt', '0'],
      ['minWords', '-1'],
      ['maxWords', 'lots'],
      ['minWords', '1.5'],
    ])('answers 400 naming %s for the value %j', async (param, value) => {
      expectNamed(await list('browse-many', `?${param}=${encodeURIComponent(value)}`), param);
    });

    it('answers 400 naming every unknown parameter', async () => {
      const res = await list('browse-many', '?colour=red&ratings=explicit&sort=title');
      expectNamed(res, 'colour', 'ratings');
    });

    it('answers 400 naming minWords when it is above maxWords, and takes an equal pair', async () => {
      expectNamed(await list('browse-many', '?minWords=500&maxWords=100'), 'minWords');
      const exact = page(await list('browse-many', '?minWords=3&maxWords=3'));
      expect(exact.total).toBe(15);
      expect(exact.entries.every((e) => e.wordCount === 3)).toBe(true);
    });

    it('answers 400 naming the parameter given more than 20 values', async () => {
      const fandoms = Array.from({ length: 21 }, (_, i) => `Fandom ${i}`).join(',');
      expectNamed(await list('browse-many', `?fandom=${encodeURIComponent(fandoms)}`), 'fandom');
    });

    it('answers a word range or prompt id past a 32-bit integer clearly, never with a nameless error', async () => {
      // Numbers a reader may type: the list they ask for, or a 400 naming what to change.
      const cases = [
        ['maxWords', '99999999999', MANY],
        ['minWords', '99999999999', 0],
        ['prompt', '99999999999', 0],
      ] as const;
      const answers: Record<string, unknown> = {};
      const acceptable: Record<string, unknown[]> = {};
      for (const [param, value, total] of cases) {
        const res = await list('browse-many', `?${param}=${value}`);
        answers[param] =
          res.status === 200
            ? { status: 200, total: res.body.total }
            : { status: res.status, code: res.body.code, named: errorPaths(res) };
        acceptable[param] = [
          { status: 200, total },
          { status: 400, code: 'VALIDATION_FAILED', named: [param] },
        ];
      }
      for (const [param] of cases)
        expect.soft(acceptable[param], param).toContainEqual(answers[param]);
    });

    it('answers 404 for an unknown challenge', async () => {
      expectProblem(await list('no-such-challenge'), 404, 'NOT_FOUND');
    });
  });

  describe('cursors', () => {
    let lengthCursor: string;
    let titleCursor: string;

    beforeAll(async () => {
      lengthCursor = page(await list('browse-many', '?sort=length&limit=3')).nextCursor!;
      titleCursor = page(await list('browse-many', '?sort=title&limit=3')).nextCursor!;
    });

    it('continues the order it came from', async () => {
      const next = page(await list('browse-many', `?sort=title&limit=3&cursor=${titleCursor}`));
      expect(next.entries.map((e) => e.title)).toEqual(['Story 003', 'Story 004', 'Story 005']);
    });

    it.each([
      ['not base64 JSON', 'not-a-cursor!!'],
      ['empty', ''],
      ['JSON but not a cursor', encode({ hello: 'world' })],
      ['JSON null', encode(null)],
      ['over 500 characters', 'A'.repeat(501)],
    ])('answers 400 naming cursor for a malformed cursor (%s)', async (_what, cursor) => {
      expectNamed(
        await list('browse-many', `?sort=length&cursor=${encodeURIComponent(cursor)}`),
        'cursor',
      );
    });

    it('answers 400 naming cursor for a cursor from another sort', async () => {
      expectNamed(await list('browse-many', `?sort=length&cursor=${titleCursor}`), 'cursor');
      expectNamed(await list('browse-many', `?cursor=${lengthCursor}`), 'cursor');
      expectNamed(await list('browse-many', `?sort=kudos&cursor=${lengthCursor}`), 'cursor');
    });

    it('answers 400 naming cursor for a tampered cursor', async () => {
      const genuine = decode(lengthCursor);
      expect(genuine).toEqual({ s: 'length', v: expect.any(Number), i: expect.any(Number) });
      for (const tampered of [
        { ...genuine, s: 'title' },
        { ...genuine, s: 'longest' },
        { ...genuine, v: 'seven' },
        { ...genuine, v: null },
        { ...genuine, v: [1] },
        { ...genuine, i: -1 },
        { ...genuine, i: 'one' },
        { s: 'length', v: genuine.v },
      ]) {
        const res = await list('browse-many', `?sort=length&cursor=${encode(tampered)}`);
        expect(res.status, JSON.stringify(tampered)).toBe(400);
        expectNamed(res, 'cursor');
      }
    });

    it('answers 400 naming cursor for a length that no entry can have (not a whole number)', async () => {
      const tampered = { ...decode(lengthCursor), v: 2.5 };
      expectNamed(await list('browse-many', `?sort=length&cursor=${encode(tampered)}`), 'cursor');
    });

    it('answers 400 naming cursor, or the next page, for values past a 32-bit integer', async () => {
      // Either is a clear answer; what no reader should get is an error that names nothing.
      for (const tampered of [
        { ...decode(lengthCursor), v: 99_999_999_999 },
        { ...decode(lengthCursor), i: 99_999_999_999 },
      ]) {
        const res = await list('browse-many', `?sort=length&cursor=${encode(tampered)}`);
        const answer = { status: res.status, named: errorPaths(res) };
        expect([
          { status: 200, named: [] },
          { status: 400, named: ['cursor'] },
        ]).toContainEqual(answer);
      }
    });
  });

  describe('what readers see', () => {
    beforeAll(async () => {
      await organizeChallenge(t.app, organizer.token, 'browse-visible');
      await organizeChallenge(t.app, organizer.token, 'browse-moderated', { moderated: true });
      const post = (slug: string, title: string, submit = true) =>
        createEntry(
          t.app,
          writer.token,
          slug,
          story(pseudId, {
            header: { title, rating: 'NC-17', fandoms: ['Hidden Fandom'] },
            submit,
          }),
        );
      await post('browse-visible', 'Public One');
      await post('browse-visible', 'Private Draft', false);
      const withdrawn = await post('browse-visible', 'Taken Back');
      await request(t.app)
        .post(`/api/entries/${withdrawn.id}/withdraw`)
        .set(asUser(writer.token))
        .expect(200);
      const approved = await post('browse-moderated', 'Approved One');
      await request(t.app)
        .post(`/api/entries/${approved.id}/moderation`)
        .set(asUser(organizer.token))
        .send({ action: 'approve' })
        .expect(200);
      await post('browse-moderated', 'Waiting One');
    });

    it('lists, counts and facets only public entries, even for their writer', async () => {
      for (const [slug, title] of [
        ['browse-visible', 'Public One'],
        ['browse-moderated', 'Approved One'],
      ] as const) {
        for (const token of [undefined, writer.token, organizer.token]) {
          const body = page(await list(slug, '', token));
          expect(body.entries.map((e) => e.title)).toEqual([title]);
          expect(body.total).toBe(1);
          expect(body.facets.rating).toEqual([{ key: 'explicit', label: 'explicit', count: 1 }]);
          expect(body.facets.fandom).toEqual([
            { key: 'hidden fandom', label: 'Hidden Fandom', count: 1 },
          ]);
        }
      }
    });

    it('shows the rating and warnings on every card', async () => {
      const [card] = page(await list('browse-visible')).entries;
      expect(card).toMatchObject({
        rating: { raw: 'NC-17', normalized: 'explicit' },
        warnings: [],
        warningsNone: false,
        fandoms: ['Hidden Fandom'],
      });
    });
  });
});
