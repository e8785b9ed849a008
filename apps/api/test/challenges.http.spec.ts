import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '@ficathon/db';
import { createTestDb } from '@ficathon/db/testing';
import { demoEntries, demoPrompts, demoWriters } from '../src/seed/demo-content';
import { seedDemo } from '../src/seed/seed-demo';
import { insertChallenge, insertEntry } from './support/fixtures';
import { bearer, expectProblem, keysIn, signUp, stringsIn, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

interface Summary {
  slug: string;
  phase: string;
  promptCount: number;
  entryCount: number;
  organizer: { name: string };
  descriptionHtml: string;
  anonymous: boolean;
}
interface Detail extends Summary {
  prompts: { id: number; kind: string; title: string; credit: string | null; body: string }[];
  entries: {
    id: number;
    title: string;
    author: string | null;
    rating: unknown;
    promptId: number | null;
  }[];
}

const FORBIDDEN_KEYS = [
  'email',
  'userId',
  'user_id',
  'ownerId',
  'owner_id',
  'password_hash',
  'passwordHash',
];

function expectNoPrivateFields(body: unknown): void {
  const keys = keysIn(body);
  for (const key of FORBIDDEN_KEYS) expect(keys.has(key), `key ${key}`).toBe(false);
  for (const text of stringsIn(body))
    expect(text).not.toMatch(/@(demo\.ficathon\.invalid|example\.com)/);
}

describe.each(testDatabaseKinds())('challenges over HTTP on %s', (kind) => {
  const t = useTestApp(kind);
  let seeded: boolean;

  const list = async (token?: string): Promise<Summary[]> => {
    const res = await request(t.app)
      .get('/api/challenges')
      .set(token ? bearer(token) : {});
    expect(res.status).toBe(200);
    expectNoPrivateFields(res.body);
    return res.body.challenges as Summary[];
  };
  const detail = (slug: string, token?: string) =>
    request(t.app)
      .get(`/api/challenges/${slug}`)
      .set(token ? bearer(token) : {});

  beforeAll(async () => {
    seeded = await seedDemo(t.store, new Date());
  });

  describe('the demo', () => {
    it('seeds once, however often it is asked', async () => {
      expect(seeded).toBe(true);
      const counts = async () => ({
        users: await t.store.repos.users.count(),
        challenges: await t.store.repos.challenges.count(),
      });
      const before = await counts();
      expect(before).toEqual({ users: 3, challenges: 1 });
      expect(await seedDemo(t.store, new Date())).toBe(false);
      expect(await counts()).toEqual(before);
      expect((await list()).filter((c) => c.slug === 'demo-ballads')).toHaveLength(1);
    });

    it('is listed as open with its prompts, entries and organizer', async () => {
      const demo = (await list()).find((c) => c.slug === 'demo-ballads');
      expect(demo).toMatchObject({
        phase: 'open',
        promptCount: 3,
        entryCount: 2,
        organizer: { name: 'The Ballad Keepers' },
        anonymous: false,
      });
      expect(demo?.descriptionHtml).toContain('<strong>Mature</strong>');
    });

    it('shows its three lyric prompts exactly as written and its two entries', async () => {
      const res = await detail('demo-ballads');
      expect(res.status).toBe(200);
      const body = res.body as Detail;
      expect(body.phase).toBe('open');
      expect(body.entryCount).toBe(2);
      expect(
        body.prompts.map((p) => ({ kind: p.kind, title: p.title, credit: p.credit, body: p.body })),
      ).toEqual(
        demoPrompts.map((p) => ({
          kind: 'lyrics',
          title: p.title,
          credit: p.credit,
          body: p.body,
        })),
      );
      for (const prompt of body.prompts) expect(prompt.body.split('\n')).toHaveLength(4);

      expect(
        body.entries.map((e) => ({ title: e.title, author: e.author, rating: e.rating })),
      ).toEqual(
        demoEntries.map((e) => ({
          title: e.title,
          author: demoWriters[e.writer].displayName,
          rating: { raw: e.rating, normalized: 'general' },
        })),
      );
      const promptIds = body.prompts.map((p) => p.id);
      expect(body.entries.map((e) => e.promptId)).toEqual(
        demoEntries.map((e) => promptIds[e.prompt]),
      );
    });

    it('never exposes an email, a user id or a password hash', async () => {
      const reader = await signUp(t.app);
      for (const token of [undefined, reader.token]) {
        const res = await detail('demo-ballads', token);
        expect(res.status).toBe(200);
        expectNoPrivateFields(res.body);
        expect(res.text).not.toContain('demo-account-cannot-sign-in');
        await list(token);
      }
    });

    it('has accounts nobody can sign in to', async () => {
      for (const { email } of demoWriters) {
        const res = await request(t.app)
          .post('/api/auth/login')
          .send({ email, password: '!demo-account-cannot-sign-in' });
        expectProblem(res, 401, 'INVALID_CREDENTIALS');
      }
    });
  });

  it.each([
    ['an unknown slug', 'nope'],
    ['a slug with an encoded NUL', 'demo%00ballads'],
    ['a slug with a quote', "demo'ballads"],
  ])('answers %s with a 404 problem', async (_label, slug) => {
    expectProblem(await detail(slug), 404, 'NOT_FOUND');
  });

  it('seeds exactly once when two processes start at the same time', async () => {
    const handle = await createTestDb(kind);
    try {
      const store = new Store(handle);
      const results = await Promise.all([seedDemo(store, new Date()), seedDemo(store, new Date())]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.repos.challenges.count()).toBe(1);
      expect(await store.repos.users.count()).toBe(3);
    } finally {
      await handle.close();
    }
  });

  describe('a draft (not announced) challenge', () => {
    let owner: SignedUp;
    let stranger: SignedUp;

    beforeAll(async () => {
      owner = await signUp(t.app, { displayName: 'Draft Owner' });
      stranger = await signUp(t.app);
      await insertChallenge(t.store, {
        slug: 'secret-draft',
        ownerId: owner.user.id,
        announced: false,
      });
    });

    it('is hidden from visitors and other users', async () => {
      expect((await list()).map((c) => c.slug)).not.toContain('secret-draft');
      expect((await list(stranger.token)).map((c) => c.slug)).not.toContain('secret-draft');
    });

    it('is a 404 for visitors and other users, indistinguishable from no challenge', async () => {
      const missing = await detail('no-such-challenge');
      for (const res of [
        await detail('secret-draft'),
        await detail('secret-draft', stranger.token),
      ]) {
        expectProblem(res, 404, 'NOT_FOUND');
        expect(res.body.detail).toBe(missing.body.detail);
      }
    });

    it('is visible to its owner, in the list and on its page, as a draft', async () => {
      const mine = (await list(owner.token)).find((c) => c.slug === 'secret-draft');
      expect(mine).toMatchObject({ phase: 'draft', organizer: { name: 'Draft Owner' } });
      const res = await detail('secret-draft', owner.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ slug: 'secret-draft', phase: 'draft' });
      expectNoPrivateFields(res.body);
    });
  });

  describe('an anonymous challenge', () => {
    let organizer: SignedUp;
    let author: SignedUp;
    let reader: SignedUp;

    beforeAll(async () => {
      organizer = await signUp(t.app, { displayName: 'Masked Organizer' });
      author = await signUp(t.app, { displayName: 'Hidden Hand' });
      reader = await signUp(t.app);
      const open = await insertChallenge(t.store, {
        slug: 'masquerade',
        ownerId: organizer.user.id,
        anonymous: true,
      });
      await insertEntry(t.store, {
        challengeId: open.id,
        userId: author.user.id,
        title: 'Behind the Mask',
      });
      const revealed = await insertChallenge(t.store, {
        slug: 'unmasked',
        ownerId: organizer.user.id,
        anonymous: true,
        resultsPublished: true,
      });
      await insertEntry(t.store, {
        challengeId: revealed.id,
        userId: author.user.id,
        title: 'Face Revealed',
      });
    });

    it.each([
      ['a visitor', () => undefined],
      ['another user', () => reader.token],
      ['the organizer', () => organizer.token],
    ])('hides the author from %s while the challenge runs', async (_label, tokenOf) => {
      const res = await detail('masquerade', tokenOf());
      expect(res.status).toBe(200);
      expect(res.body.anonymous).toBe(true);
      expect(res.body.phase).toBe('open');
      expect((res.body as Detail).entries).toEqual([
        expect.objectContaining({ title: 'Behind the Mask', author: null }),
      ]);
      expect(res.text).not.toContain('Hidden Hand');
      expectNoPrivateFields(res.body);
    });

    it('shows the author their own pseud', async () => {
      const res = await detail('masquerade', author.token);
      expect(res.status).toBe(200);
      expect((res.body as Detail).entries).toEqual([
        expect.objectContaining({ title: 'Behind the Mask', author: 'Hidden Hand' }),
      ]);
    });

    it('reveals the author to everyone once the results are published', async () => {
      const res = await detail('unmasked');
      expect(res.status).toBe(200);
      expect(res.body.phase).toBe('results');
      expect((res.body as Detail).entries).toEqual([
        expect.objectContaining({ title: 'Face Revealed', author: 'Hidden Hand' }),
      ]);
    });
  });

  describe('which entries readers see', () => {
    let organizer: SignedUp;
    let writer: SignedUp;

    beforeAll(async () => {
      organizer = await signUp(t.app);
      writer = await signUp(t.app);
      const open = await insertChallenge(t.store, {
        slug: 'open-door',
        ownerId: organizer.user.id,
      });
      const moderated = await insertChallenge(t.store, {
        slug: 'gatekept',
        ownerId: organizer.user.id,
        moderated: true,
      });
      for (const challenge of [open, moderated]) {
        for (const status of ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const) {
          await insertEntry(t.store, {
            challengeId: challenge.id,
            userId: writer.user.id,
            title: `A ${status} entry`,
            status,
          });
        }
      }
    });

    it.each([
      ['open-door', ['A submitted entry', 'A approved entry']],
      ['gatekept', ['A approved entry']],
    ])('shows only public entries of %s, and counts the same ones', async (slug, titles) => {
      const res = await detail(slug);
      expect(res.status).toBe(200);
      expect((res.body as Detail).entries.map((e) => e.title)).toEqual(titles);
      expect(res.body.entryCount).toBe(titles.length);
      const summary = (await list()).find((c) => c.slug === slug);
      expect(summary?.entryCount).toBe(titles.length);
    });
  });

  it('renders the description without letting HTML run', async () => {
    const owner = await signUp(t.app);
    await insertChallenge(t.store, {
      slug: 'sneaky',
      ownerId: owner.user.id,
      description:
        '**Bold** <script>alert(1)</script> <img src="x" onerror="alert(2)"> [link](javascript:alert(3))',
    });
    const res = await detail('sneaky');
    expect(res.status).toBe(200);
    const html = res.body.descriptionHtml as string;
    expect(html).toContain('<strong>Bold</strong>');
    // Typed HTML may show as text; it must never become a tag, a handler or a script link.
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
  });
});
