import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Store, type DbHandle } from '@ficathon/db';
import { createTestDb } from '@ficathon/db/testing';
import { AppError } from '../http/app-error';
import { AuthService, SESSION_LIFETIME_MS } from './auth.service';
import type { PasswordHasher } from './password-hasher';
import { sessionIdOf } from './session-token';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A fast, transparent stand-in for argon2 that records every call. */
class FakeHasher implements PasswordHasher {
  readonly hashed: string[] = [];
  readonly verified: { passwordHash: string; password: string }[] = [];

  hash(password: string): Promise<string> {
    this.hashed.push(password);
    return Promise.resolve(`fake$${password}`);
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    this.verified.push({ passwordHash, password });
    return Promise.resolve(passwordHash === `fake$${password}`);
  }
}

describe('AuthService', () => {
  let handle: DbHandle;
  let store: Store;
  let hasher: FakeHasher;
  let nowMs: number;
  let auth: AuthService;
  let counter = 0;

  const signup = () => {
    counter += 1;
    return auth.signup({
      email: `user-${counter}@example.com`,
      password: 'a fine password',
      displayName: `User ${counter}`,
    });
  };

  beforeAll(async () => {
    handle = await createTestDb('sqlite');
    store = new Store(handle);
  });
  afterAll(() => handle.close());

  beforeEach(() => {
    hasher = new FakeHasher();
    nowMs = Date.parse('2026-11-21T12:00:00.000Z');
    auth = new AuthService(store, hasher, () => new Date(nowMs));
  });

  describe('login', () => {
    it('still checks a password once for an unknown email, so timing does not tell', async () => {
      const attempt = auth.login({ email: 'nobody@example.com', password: 'guess' });
      await expect(attempt).rejects.toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
      expect(hasher.verified).toHaveLength(1);
      expect(hasher.verified[0]?.password).toBe('guess');
    });

    it('computes the stand-in hash once, not at every unknown email', async () => {
      for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
        await expect(auth.login({ email, password: 'guess' })).rejects.toBeInstanceOf(AppError);
      }
      expect(hasher.verified).toHaveLength(3);
      expect(hasher.hashed).toHaveLength(1);
      expect(new Set(hasher.verified.map((call) => call.passwordHash)).size).toBe(1);
    });

    it('checks a wrong password once against the stored hash and fails the same way', async () => {
      const { user } = await signup();
      hasher.verified.length = 0;
      const attempt = auth.login({ email: user.email, password: 'wrong' });
      await expect(attempt).rejects.toMatchObject({
        status: 401,
        code: 'INVALID_CREDENTIALS',
        detail: 'Email or password is incorrect.',
      });
      expect(hasher.verified).toEqual([{ passwordHash: user.password_hash, password: 'wrong' }]);
    });

    it('issues a new token at every login and stores only its hash', async () => {
      const { user } = await signup();
      const first = await auth.login({ email: user.email, password: 'a fine password' });
      const second = await auth.login({ email: user.email, password: 'a fine password' });
      expect(first.token).not.toBe(second.token);
      const stored = await store.repos.sessions.findWithUser(sessionIdOf(first.token));
      expect(stored?.session.user_id).toBe(user.id);
      expect(stored?.session.id).not.toBe(first.token);
      expect(await store.repos.sessions.findWithUser(first.token)).toBeUndefined();
    });
  });

  describe('signup', () => {
    it('stores the hash, never the password', async () => {
      const { user } = await signup();
      const row = await store.repos.users.findById(user.id);
      expect(row?.password_hash).toBe('fake$a fine password');
      expect(hasher.hashed).toEqual(['a fine password']);
    });

    it('refuses a taken email before hashing anything', async () => {
      const { user } = await signup();
      hasher.hashed.length = 0;
      const attempt = auth.signup({
        email: user.email,
        password: 'other password',
        displayName: 'X',
      });
      await expect(attempt).rejects.toMatchObject({ status: 409, code: 'EMAIL_TAKEN' });
      expect(hasher.hashed).toEqual([]);
    });
  });

  describe('authenticate', () => {
    it('returns null for an unknown token', async () => {
      expect(await auth.authenticate('no-such-token')).toBeNull();
    });

    it('deletes a session that has expired', async () => {
      const { token } = await signup();
      const id = sessionIdOf(token);
      nowMs += SESSION_LIFETIME_MS + 1;
      expect(await auth.authenticate(token)).toBeNull();
      expect(await store.repos.sessions.findWithUser(id)).toBeUndefined();
    });

    it('treats the exact expiry instant as expired', async () => {
      const { token } = await signup();
      nowMs += SESSION_LIFETIME_MS;
      expect(await auth.authenticate(token)).toBeNull();
    });

    it('leaves the expiry alone in the first half of the session', async () => {
      const { token, expiresAt } = await signup();
      nowMs += 10 * DAY_MS;
      const found = await auth.authenticate(token);
      expect(found?.session.expires_at).toBe(expiresAt);
      expect(
        (await store.repos.sessions.findWithUser(sessionIdOf(token)))?.session.expires_at,
      ).toBe(expiresAt);
    });

    it('extends a session used in its last 15 days to a full lifetime from now', async () => {
      const { token } = await signup();
      nowMs += 20 * DAY_MS;
      const renewed = new Date(nowMs + SESSION_LIFETIME_MS).toISOString();
      const found = await auth.authenticate(token);
      expect(found?.session.expires_at).toBe(renewed);
      expect(
        (await store.repos.sessions.findWithUser(sessionIdOf(token)))?.session.expires_at,
      ).toBe(renewed);
    });

    it('forgets a session after logout', async () => {
      const { token } = await signup();
      const found = await auth.authenticate(token);
      if (!found) throw new Error('a fresh session should authenticate');
      await auth.logout(found.session.id);
      expect(await auth.authenticate(token)).toBeNull();
    });
  });
});
