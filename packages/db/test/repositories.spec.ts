import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation, migrateToLatest, Store, type DbHandle } from '../src/index';
import { createTestDb, testDatabaseKinds } from '../src/testing';

describe.each(testDatabaseKinds())('database on %s', (kind) => {
  let handle: DbHandle;
  let store: Store;

  beforeAll(async () => {
    handle = await createTestDb(kind);
    store = new Store(handle);
  });
  afterAll(() => handle.close());

  it('reports its kind and applies no migration twice', async () => {
    expect(store.kind).toBe(kind);
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('stores a user and finds them by email and id, flags as 0/1', async () => {
    const user = await store.repos.users.insert({
      email: 'ada@example.com',
      display_name: 'Ada',
      password_hash: 'hash',
      created_at: '2026-11-21T10:00:00.000Z',
    });
    expect(user.id).toBeGreaterThan(0);
    expect(user.is_admin).toBe(0);
    expect(await store.repos.users.findByEmail('ada@example.com')).toEqual(user);
    await store.repos.users.setAdmin(user.id, true);
    expect((await store.repos.users.findById(user.id))?.is_admin).toBe(1);
  });

  it('rejects a second user with the same email as a unique violation', async () => {
    const row = {
      email: 'twin@example.com',
      display_name: 'Twin',
      password_hash: 'hash',
      created_at: '2026-11-21T10:00:00.000Z',
    };
    await store.repos.users.insert(row);
    const error = await store.repos.users.insert(row).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('rolls back every write of a failed transaction', async () => {
    const attempt = store.transaction(async (repos) => {
      await repos.users.insert({
        email: 'ghost@example.com',
        display_name: 'Ghost',
        password_hash: 'hash',
        created_at: '2026-11-21T10:00:00.000Z',
      });
      throw new Error('boom');
    });
    await expect(attempt).rejects.toThrow('boom');
    expect(await store.repos.users.findByEmail('ghost@example.com')).toBeUndefined();
  });

  it('finds a session with its user, and cascades deletes from the user', async () => {
    const user = await store.repos.users.insert({
      email: 'sess@example.com',
      display_name: 'Sess',
      password_hash: 'hash',
      created_at: '2026-11-21T10:00:00.000Z',
    });
    await store.repos.sessions.insert({
      id: 'abc123',
      user_id: user.id,
      created_at: '2026-11-21T10:00:00.000Z',
      expires_at: '2026-12-21T10:00:00.000Z',
    });
    const found = await store.repos.sessions.findWithUser('abc123');
    expect(found?.user.email).toBe('sess@example.com');
    expect(found?.session.expires_at).toBe('2026-12-21T10:00:00.000Z');
    expect(await store.repos.sessions.deleteExpired('2026-12-21T10:00:00.001Z')).toBe(1);
    expect(await store.repos.sessions.findWithUser('abc123')).toBeUndefined();
  });

  it('keeps pseud names unique per user regardless of case', async () => {
    const user = await store.repos.users.insert({
      email: 'pseuds@example.com',
      display_name: 'P',
      password_hash: 'hash',
      created_at: '2026-11-21T10:00:00.000Z',
    });
    const base = { user_id: user.id, created_at: '2026-11-21T10:00:00.000Z' };
    await store.repos.pseuds.insert({ ...base, name: 'Moth', name_key: 'moth', is_default: 1 });
    await store.repos.pseuds.insert({ ...base, name: 'Lark', name_key: 'lark' });
    const error = await store.repos.pseuds
      .insert({ ...base, name: 'MOTH', name_key: 'moth' })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    const names = (await store.repos.pseuds.listByUser(user.id)).map((p) => p.name);
    expect(names).toEqual(['Moth', 'Lark']);
    expect(await store.repos.pseuds.countByUser(user.id)).toBe(2);
  });

  it('counts rate-limit hits in a window and starts over when it ends', async () => {
    const limits = store.repos.rateLimits;
    const t0 = '2026-11-21T10:00:00.000Z';
    const reset = '2026-11-21T10:15:00.000Z';
    expect(await limits.hit('login:1.2.3.4', t0, reset)).toEqual({ hits: 1, resetAt: reset });
    expect(await limits.hit('login:1.2.3.4', t0, '2026-11-21T10:16:00.000Z')).toEqual({
      hits: 2,
      resetAt: reset,
    });
    await limits.decrement('login:1.2.3.4');
    expect((await limits.hit('login:1.2.3.4', t0, reset)).hits).toBe(2);
    const later = '2026-11-21T10:15:00.000Z';
    const next = '2026-11-21T10:30:00.000Z';
    expect(await limits.hit('login:1.2.3.4', later, next)).toEqual({ hits: 1, resetAt: next });
  });

  it('lists challenges with organizer name and counts of prompts and visible entries', async () => {
    const owner = await store.repos.users.insert({
      email: 'org@example.com',
      display_name: 'Org',
      password_hash: 'hash',
      created_at: '2026-11-21T10:00:00.000Z',
    });
    const pseud = await store.repos.pseuds.insert({
      user_id: owner.id,
      name: 'Organizer',
      name_key: 'organizer',
      is_default: 1,
      created_at: '2026-11-21T10:00:00.000Z',
    });
    const now = '2026-11-21T10:00:00.000Z';
    const challenge = await store.repos.challenges.insert({
      slug: 'ballads',
      title: 'Ballads',
      description: '',
      owner_id: owner.id,
      organizer_pseud_id: pseud.id,
      time_zone: 'Europe/London',
      created_at: now,
      updated_at: now,
    });
    await store.repos.prompts.insert({
      challenge_id: challenge.id,
      position: 1,
      kind: 'lyrics',
      title: 'Scarborough Fair',
      credit: 'Traditional',
      body: 'Are you going to Scarborough Fair?',
      link: null,
      created_at: now,
    });
    const entry = {
      challenge_id: challenge.id,
      prompt_id: null,
      user_id: owner.id,
      pseud_id: pseud.id,
      title: 'T',
      rating_raw: 'G',
      rating: 'general' as const,
      summary: null,
      header_json: '{}',
      body: 'words',
      body_format: 'text' as const,
      word_count: 1,
      submitted_at: now,
      created_at: now,
      updated_at: now,
    };
    await store.repos.entries.insert({ ...entry, status: 'submitted' });
    await store.repos.entries.insert({ ...entry, status: 'draft' });

    const [listed] = await store.repos.challenges.listWithOrganizer();
    expect(listed).toMatchObject({ slug: 'ballads', organizer_name: 'Organizer', prompt_count: 1 });
    expect(await store.repos.entries.countByChallengeAndStatus([challenge.id])).toEqual(
      expect.arrayContaining([
        { challengeId: challenge.id, status: 'submitted', count: 1 },
        { challengeId: challenge.id, status: 'draft', count: 1 },
      ]),
    );
    const entries = await store.repos.entries.listByChallenge(challenge.id, ['submitted']);
    expect(entries.map((e) => e.pseud_name)).toEqual(['Organizer']);
  });
});
