import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  bearer,
  DEFAULT_PASSWORD,
  errorPaths,
  expectProblem,
  sessionCookie,
  setCookie,
  signUp,
  uniqueEmail,
} from './support/http';
import { DAY_MS, FakeClock, SITE_ORIGIN, testDatabaseKinds, useTestApp } from './support/test-app';

const TIGHT_LIMITS = {
  login: { limit: 3, windowMs: 60_000 },
  signup: { limit: 2, windowMs: 60_000 },
};

let clientCounter = 0;
/** A client address of its own (the app trusts X-Forwarded-For from loopback), so counters start at 0. */
function newClient(): { 'X-Forwarded-For': string } {
  clientCounter += 1;
  return { 'X-Forwarded-For': `203.0.113.${clientCounter}` };
}

function expectRetryAfter(res: request.Response, windowMs: number): number {
  const header = res.headers['retry-after'];
  expect(header).toMatch(/^\d+$/);
  const seconds = Number(header);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(Math.ceil(windowMs / 1000));
  return seconds;
}

describe.each(testDatabaseKinds())('accounts and sessions over HTTP on %s', (kind) => {
  const t = useTestApp(kind);

  const me = (headers: Record<string, string>) => request(t.app).get('/api/me').set(headers);

  describe('sign-up', () => {
    it('creates the account, signs in and sets an HttpOnly SameSite=Lax session cookie', async () => {
      const before = Date.now();
      const res = await request(t.app).post('/api/auth/signup').send({
        email: '  Ada.Lovelace@Example.COM ',
        password: DEFAULT_PASSWORD,
        displayName: '  Ada Lovelace ',
      });

      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(res.body).sort()).toEqual(['expiresAt', 'token', 'user']);
      expect(res.body.user).toEqual({
        id: expect.any(Number),
        email: 'ada.lovelace@example.com',
        displayName: 'Ada Lovelace',
        isAdmin: false,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      expect(res.body.token).toMatch(/^[a-z2-7]{20,}$/);
      // Sessions last 30 days.
      const lifetime = Date.parse(res.body.expiresAt) - before;
      expect(lifetime).toBeGreaterThan(30 * DAY_MS - 60_000);
      expect(lifetime).toBeLessThan(30 * DAY_MS + 60_000);

      // Nothing about the password ever comes back.
      expect(res.text).not.toMatch(/password|argon2|correct horse/i);

      const cookie = setCookie(res, 'session');
      expect(cookie?.value).toBe(res.body.token);
      expect(cookie?.attributes).toHaveProperty('httponly');
      expect(cookie?.attributes.samesite?.toLowerCase()).toBe('lax');
      expect(cookie?.attributes.path).toBe('/');
      expect(Date.parse(cookie?.attributes.expires ?? '')).toBe(
        Math.floor(Date.parse(res.body.expiresAt) / 1000) * 1000,
      );
      // Served over plain http in this configuration, so the cookie cannot be Secure.
      expect(cookie?.attributes).not.toHaveProperty('secure');

      const who = await me(sessionCookie(res.body.token));
      expect(who.status).toBe(200);
      expect(who.body.user.email).toBe('ada.lovelace@example.com');
    });

    const valid = { email: 'valid@example.com', password: DEFAULT_PASSWORD, displayName: 'Valid' };
    it.each([
      ['an empty object', {}, ['displayName', 'email', 'password']],
      [
        'null for every field',
        { email: null, password: null, displayName: null },
        ['displayName', 'email', 'password'],
      ],
      ['a number for the email', { ...valid, email: 42 }, ['email']],
      ['an email without an @', { ...valid, email: 'not-an-email' }, ['email']],
      ['an email with a space inside', { ...valid, email: 'ada lovelace@example.com' }, ['email']],
      ['an over-long email', { ...valid, email: `${'a'.repeat(250)}@example.com` }, ['email']],
      ['a password of 7 characters', { ...valid, password: 'short12' }, ['password']],
      ['a password of 257 characters', { ...valid, password: 'p'.repeat(257) }, ['password']],
      ['a number for the password', { ...valid, password: 12345678 }, ['password']],
      ['a blank display name', { ...valid, displayName: '   ' }, ['displayName']],
      [
        'a display name of 61 characters',
        { ...valid, displayName: 'n'.repeat(61) },
        ['displayName'],
      ],
      [
        'an object for the display name',
        { ...valid, displayName: { first: 'Ada' } },
        ['displayName'],
      ],
      // PostgreSQL cannot store U+0000 in text, and no name needs one.
      [
        'a display name with a NUL character',
        { ...valid, displayName: 'Ada\u0000Lovelace' },
        ['displayName'],
      ],
    ])('refuses %s with 400 naming the field', async (_label, body, fields) => {
      const res = await request(t.app).post('/api/auth/signup').send(body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect([...new Set(errorPaths(res))].sort()).toEqual(fields);
      for (const error of res.body.errors as { message: string }[]) {
        expect(error.message).toEqual(expect.any(String));
        expect(error.message.length).toBeGreaterThan(0);
      }
      for (const field of fields) expect(res.body.detail).toContain(field);
      expect(setCookie(res, 'session')).toBeUndefined();
    });

    it('accepts the longest allowed password and display name', async () => {
      const account = await signUp(t.app, {
        password: 'p'.repeat(256),
        displayName: 'n'.repeat(60),
      });
      expect(account.user.displayName).toBe('n'.repeat(60));
    });

    it('refuses a JSON array body with 400', async () => {
      const res = await request(t.app).post('/api/auth/signup').send([valid]);
      expectProblem(res, 400, 'VALIDATION_FAILED');
    });

    it('refuses a body that is not JSON with 415', async () => {
      const res = await request(t.app)
        .post('/api/auth/signup')
        .set('Content-Type', 'text/plain')
        .send('email=a@example.com&password=12345678&displayName=A');
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses malformed JSON with 400 MALFORMED_JSON', async () => {
      const res = await request(t.app)
        .post('/api/auth/signup')
        .set('Content-Type', 'application/json')
        .send('{"email":');
      expectProblem(res, 400, 'MALFORMED_JSON');
    });

    it('refuses a body over the configured limit with 413', async () => {
      const app = t.buildApp({ bodyLimit: '1kb' });
      const res = await request(app)
        .post('/api/auth/signup')
        .send({ ...valid, email: uniqueEmail(), displayName: 'x'.repeat(2048) });
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses a body over the default 1mb limit with 413', async () => {
      const res = await request(t.app)
        .post('/api/auth/signup')
        .send({ ...valid, email: uniqueEmail(), displayName: 'x'.repeat(1024 * 1024 + 1) });
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses a second account for an email, whatever its case, with 409 EMAIL_TAKEN', async () => {
      const first = await signUp(t.app, { email: 'twin@example.com' });
      for (const email of ['twin@example.com', 'TWIN@Example.com', ' Twin@example.COM ']) {
        const res = await request(t.app)
          .post('/api/auth/signup')
          .send({ email, password: 'another password', displayName: 'Impostor' });
        expectProblem(res, 409, 'EMAIL_TAKEN');
        expect(res.body.errors[0].path).toBe('email');
        expect(setCookie(res, 'session')).toBeUndefined();
      }
      // The original account is untouched: its password still works, the impostor's does not.
      const login = await request(t.app)
        .post('/api/auth/login')
        .send({ email: 'twin@example.com', password: first.password });
      expect(login.status).toBe(200);
      expect(login.body.user.displayName).toBe(first.displayName);
      const impostor = await request(t.app)
        .post('/api/auth/login')
        .send({ email: 'twin@example.com', password: 'another password' });
      expectProblem(impostor, 401, 'INVALID_CREDENTIALS');
    });
    it('answers two simultaneous sign-ups for one email with one account and one 409', async () => {
      const email = uniqueEmail('race');
      const attempt = (displayName: string) =>
        request(t.app)
          .post('/api/auth/signup')
          .send({ email, password: DEFAULT_PASSWORD, displayName });
      const results = await Promise.all([attempt('First'), attempt('Second')]);
      expect(results.map((res) => res.status).sort()).toEqual([201, 409]);
      const loser = results.find((res) => res.status === 409);
      if (loser) expectProblem(loser, 409, 'EMAIL_TAKEN');
    });
  });

  describe('login', () => {
    it('issues a new session at every login, each one valid', async () => {
      const account = await signUp(t.app);
      const login = () =>
        request(t.app)
          .post('/api/auth/login')
          .send({ email: account.email, password: account.password });
      const first = await login();
      const second = await login();

      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      expect(first.body.user).toEqual(account.user);
      const tokens = new Set([account.token, first.body.token, second.body.token]);
      expect(tokens.size).toBe(3);
      expect(setCookie(second, 'session')?.value).toBe(second.body.token);
      expect(first.text).not.toMatch(/password|argon2/i);

      for (const token of tokens) {
        const res = await me(bearer(token));
        expect(res.status).toBe(200);
        expect(res.body.user.id).toBe(account.user.id);
      }
    });

    it('matches the email regardless of case and surrounding spaces', async () => {
      const account = await signUp(t.app, { email: 'grace@example.com' });
      const res = await request(t.app)
        .post('/api/auth/login')
        .send({ email: '  GRACE@Example.com ', password: account.password });
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(account.user.id);
    });

    it('keeps the password exactly as typed, spaces included', async () => {
      const account = await signUp(t.app, { password: '  spaced out  ' });
      const trimmed = await request(t.app)
        .post('/api/auth/login')
        .send({ email: account.email, password: 'spaced out' });
      expectProblem(trimmed, 401, 'INVALID_CREDENTIALS');
      const exact = await request(t.app)
        .post('/api/auth/login')
        .send({ email: account.email, password: '  spaced out  ' });
      expect(exact.status).toBe(200);
    });

    it('answers a wrong password and an unknown email identically with 401', async () => {
      const account = await signUp(t.app);
      const wrongPassword = await request(t.app)
        .post('/api/auth/login')
        .send({ email: account.email, password: 'not the password' });
      const unknownEmail = await request(t.app)
        .post('/api/auth/login')
        .send({ email: 'nobody-here@example.com', password: 'not the password' });

      for (const res of [wrongPassword, unknownEmail]) {
        expectProblem(res, 401, 'INVALID_CREDENTIALS');
        expect(res.body.detail).toBe('Email or password is incorrect.');
        expect(res.body.errors).toBeUndefined();
        expect(setCookie(res, 'session')).toBeUndefined();
      }
      const { requestId: _a, ...a } = wrongPassword.body;
      const { requestId: _b, ...b } = unknownEmail.body;
      expect(a).toEqual(b);
    });

    it('refuses a login without email and password with 400 naming both', async () => {
      const res = await request(t.app).post('/api/auth/login').send({});
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect([...new Set(errorPaths(res))].sort()).toEqual(['email', 'password']);
    });
  });

  describe('who is signed in', () => {
    it('recognizes the session cookie and the bearer token alike', async () => {
      const account = await signUp(t.app);
      for (const headers of [sessionCookie(account.token), bearer(account.token)]) {
        const res = await me(headers);
        expect(res.status).toBe(200);
        expect(res.body.user).toEqual(account.user);
        expect(res.text).not.toMatch(/password|argon2/i);
      }
    });

    it('answers 401 UNAUTHENTICATED without credentials', async () => {
      expectProblem(await me({}), 401, 'UNAUTHENTICATED');
    });

    it.each([
      ['a garbage bearer token', bearer('not-a-real-token')],
      ['a garbage session cookie', sessionCookie('not-a-real-token')],
      ['an empty bearer', { Authorization: 'Bearer ' }],
      ['another auth scheme', { Authorization: 'Basic YWRhOnBhc3N3b3Jk' }],
    ])('answers 401 for %s', async (_label, headers) => {
      expectProblem(await me(headers), 401, 'UNAUTHENTICATED');
    });

    it('still serves public routes to a caller with a bad token', async () => {
      const res = await request(t.app).get('/api/challenges').set(bearer('not-a-real-token'));
      expect(res.status).toBe(200);
    });
  });

  describe('logout', () => {
    it('ends the session, clears the cookie, and leaves other sessions alone', async () => {
      const account = await signUp(t.app);
      const other = await request(t.app)
        .post('/api/auth/login')
        .send({ email: account.email, password: account.password });

      const res = await request(t.app).post('/api/auth/logout').set(bearer(account.token));
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      const cleared = setCookie(res, 'session');
      expect(cleared?.value).toBe('');
      expect(cleared?.attributes.path).toBe('/');
      expect(Date.parse(cleared?.attributes.expires ?? '')).toBeLessThan(Date.now());

      expectProblem(await me(bearer(account.token)), 401, 'UNAUTHENTICATED');
      expectProblem(await me(sessionCookie(account.token)), 401, 'UNAUTHENTICATED');
      expect((await me(bearer(other.body.token))).status).toBe(200);
    });

    it('answers 204 to a visitor with no session', async () => {
      const res = await request(t.app).post('/api/auth/logout');
      expect(res.status).toBe(204);
    });

    it('ends a cookie session from the site itself', async () => {
      const account = await signUp(t.app);
      const res = await request(t.app)
        .post('/api/auth/logout')
        .set({ ...sessionCookie(account.token), Origin: SITE_ORIGIN });
      expect(res.status).toBe(204);
      expect((await me(bearer(account.token))).status).toBe(401);
    });

    it('refuses a cross-site logout with the cookie, and the session survives', async () => {
      const account = await signUp(t.app);
      const res = await request(t.app)
        .post('/api/auth/logout')
        .set({ ...sessionCookie(account.token), Origin: 'https://evil.example' });
      expectProblem(res, 403, 'CROSS_SITE_REQUEST');
      expect((await me(bearer(account.token))).status).toBe(200);
    });
  });

  describe('cross-site request forgery', () => {
    const pseudNames = async (token: string) => {
      const res = await request(t.app).get('/api/me/pseuds').set(bearer(token));
      expect(res.status).toBe(200);
      return (res.body.pseuds as { name: string }[]).map((pseud) => pseud.name);
    };

    it.each([
      ['a foreign Origin', { Origin: 'https://evil.example' }],
      ['an Origin of another port', { Origin: 'http://localhost:3001' }],
      ['the opaque Origin null', { Origin: 'null' }],
      ['Sec-Fetch-Site: cross-site and no Origin', { 'Sec-Fetch-Site': 'cross-site' }],
      ['Sec-Fetch-Site: same-site and no Origin', { 'Sec-Fetch-Site': 'same-site' }],
    ])(
      'refuses a cookie-authenticated write with %s and creates nothing',
      async (_label, headers) => {
        const account = await signUp(t.app);
        const res = await request(t.app)
          .post('/api/me/pseuds')
          .set({ ...sessionCookie(account.token), ...headers })
          .send({ name: 'Forged Pseud' });
        expectProblem(res, 403, 'CROSS_SITE_REQUEST');
        expect(await pseudNames(account.token)).toEqual([account.displayName]);
      },
    );

    it.each([
      ['the site Origin', { Origin: SITE_ORIGIN }],
      ['Sec-Fetch-Site: same-origin', { 'Sec-Fetch-Site': 'same-origin' }],
      ['neither header (not a browser)', {}],
    ])('allows a cookie-authenticated write with %s', async (_label, headers) => {
      const account = await signUp(t.app);
      const res = await request(t.app)
        .post('/api/me/pseuds')
        .set({ ...sessionCookie(account.token), ...headers })
        .send({ name: 'Own Pseud' });
      expect(res.status).toBe(201);
      expect(await pseudNames(account.token)).toEqual([account.displayName, 'Own Pseud']);
    });

    it('allows a bearer-authenticated write from any origin (no ambient credential)', async () => {
      const account = await signUp(t.app);
      const res = await request(t.app)
        .post('/api/me/pseuds')
        .set({ ...bearer(account.token), Origin: 'https://evil.example' })
        .send({ name: 'Scripted Pseud' });
      expect(res.status).toBe(201);
      expect(await pseudNames(account.token)).toContain('Scripted Pseud');
    });

    it('allows a safe read with the cookie from a foreign origin', async () => {
      const account = await signUp(t.app);
      const res = await me({ ...sessionCookie(account.token), Origin: 'https://evil.example' });
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(account.user.id);
    });
  });

  describe('rate limits', () => {
    const login = (app: Express, client: Record<string, string>, body: object) =>
      request(app).post('/api/auth/login').set(client).send(body);
    const wrong = (email: string) => ({ email, password: 'wrong password' });

    it('refuses the 4th failed login from one client with 429 and Retry-After', async () => {
      const app = t.buildApp({ rateLimits: TIGHT_LIMITS });
      const account = await signUp(app, {}, newClient());
      const client = newClient();
      for (let i = 0; i < 3; i += 1) {
        expectProblem(await login(app, client, wrong(account.email)), 401, 'INVALID_CREDENTIALS');
      }
      const limited = await login(app, client, wrong(account.email));
      expectProblem(limited, 429, 'RATE_LIMITED');
      expectRetryAfter(limited, 60_000);
      // While limited, not even the right password gets through: guessing is what is limited.
      const right = await login(app, client, { email: account.email, password: account.password });
      expectProblem(right, 429, 'RATE_LIMITED');
      expect(setCookie(right, 'session')).toBeUndefined();
    });

    it('does not count successful logins toward the login limit', async () => {
      const app = t.buildApp({ rateLimits: TIGHT_LIMITS });
      const account = await signUp(app, {}, newClient());
      const client = newClient();
      for (let i = 0; i < 5; i += 1) {
        const res = await login(app, client, { email: account.email, password: account.password });
        expect(res.status).toBe(200);
      }
      for (let i = 0; i < 3; i += 1) {
        expectProblem(await login(app, client, wrong(account.email)), 401, 'INVALID_CREDENTIALS');
      }
      expectProblem(await login(app, client, wrong(account.email)), 429, 'RATE_LIMITED');
    });

    it('does not count successful logins under an injected clock either', async () => {
      // deps.clock drives the counters; a clock that is not the wall clock (a test, a replay) must
      // not turn successful logins into counted ones.
      const clock = new FakeClock(new Date(Date.now() - DAY_MS));
      const app = t.buildApp({ rateLimits: TIGHT_LIMITS, clock: clock.now });
      const account = await signUp(app, {}, newClient());
      const client = newClient();
      for (let i = 0; i < 5; i += 1) {
        const res = await login(app, client, { email: account.email, password: account.password });
        expect(res.status).toBe(200);
      }
    });

    it('refuses the 3rd sign-up from one client with 429 and Retry-After', async () => {
      const app = t.buildApp({ rateLimits: TIGHT_LIMITS });
      const client = newClient();
      await signUp(app, {}, client);
      await signUp(app, {}, client);
      const email = uniqueEmail();
      const res = await request(app)
        .post('/api/auth/signup')
        .set(client)
        .send({ email, password: DEFAULT_PASSWORD, displayName: 'Third' });
      expectProblem(res, 429, 'RATE_LIMITED');
      expectRetryAfter(res, 60_000);
      // Refused before anything was written: the email is still free.
      const later = await request(app).post('/api/auth/signup').set(newClient()).send({
        email,
        password: DEFAULT_PASSWORD,
        displayName: 'Third',
      });
      expect(later.status).toBe(201);
    });

    it('lets a client try again once the login window has passed', async () => {
      const clock = new FakeClock();
      const app = t.buildApp({ rateLimits: TIGHT_LIMITS, clock: clock.now });
      const account = await signUp(app, {}, newClient());
      const client = newClient();
      for (let i = 0; i < 3; i += 1) await login(app, client, wrong(account.email));
      const limited = await login(app, client, wrong(account.email));
      expectProblem(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBe(60);

      clock.advance(30_000);
      const stillLimited = await login(app, client, wrong(account.email));
      expectProblem(stillLimited, 429, 'RATE_LIMITED');
      expect(Number(stillLimited.headers['retry-after'])).toBe(30);

      clock.advance(30_001);
      expectProblem(await login(app, client, wrong(account.email)), 401, 'INVALID_CREDENTIALS');
      const ok = await login(app, client, { email: account.email, password: account.password });
      expect(ok.status).toBe(200);
    });

    it('lets a client sign up again once the sign-up window has passed', async () => {
      const clock = new FakeClock();
      const app = t.buildApp({ rateLimits: TIGHT_LIMITS, clock: clock.now });
      const client = newClient();
      await signUp(app, {}, client);
      await signUp(app, {}, client);
      const third = { email: uniqueEmail(), password: DEFAULT_PASSWORD, displayName: 'Third' };
      const limited = await request(app).post('/api/auth/signup').set(client).send(third);
      expectProblem(limited, 429, 'RATE_LIMITED');

      clock.advance(60_001);
      const res = await request(app).post('/api/auth/signup').set(client).send(third);
      expect(res.status).toBe(201);
    });

    it('counts each client (by X-Forwarded-For from the trusted proxy) separately', async () => {
      const app = t.buildApp({ rateLimits: TIGHT_LIMITS });
      const account = await signUp(app, {}, newClient());
      const noisy = newClient();
      const quiet = newClient();
      for (let i = 0; i < 3; i += 1) await login(app, noisy, wrong(account.email));
      expectProblem(await login(app, noisy, wrong(account.email)), 429, 'RATE_LIMITED');

      expectProblem(await login(app, quiet, wrong(account.email)), 401, 'INVALID_CREDENTIALS');
      const ok = await login(app, quiet, { email: account.email, password: account.password });
      expect(ok.status).toBe(200);
    });

    it('keeps its counters in the database, shared by every API process', async () => {
      // Two apps on one database stand for two processes behind a load balancer.
      const first = t.buildApp({ rateLimits: TIGHT_LIMITS });
      const second = t.buildApp({ rateLimits: TIGHT_LIMITS });
      const client = newClient();
      await login(first, client, wrong('someone@example.com'));
      await login(second, client, wrong('someone@example.com'));
      await login(first, client, wrong('someone@example.com'));
      expectProblem(await login(second, client, wrong('someone@example.com')), 429, 'RATE_LIMITED');
    });
  });

  describe('rate limits behind an untrusted hop', () => {
    // Here the app trusts only a proxy on 10.0.0.0/8, so the test client (loopback) is the client
    // itself and whatever X-Forwarded-For it sends is a spoof.
    const u = useTestApp(kind, { rateLimits: TIGHT_LIMITS, trustProxy: '10.0.0.0/8' });

    it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
      for (let i = 0; i < 3; i += 1) {
        const res = await request(u.app)
          .post('/api/auth/login')
          .set(newClient())
          .send({ email: 'someone@example.com', password: 'wrong password' });
        expectProblem(res, 401, 'INVALID_CREDENTIALS');
      }
      const res = await request(u.app)
        .post('/api/auth/login')
        .set(newClient())
        .send({ email: 'someone@example.com', password: 'wrong password' });
      expectProblem(res, 429, 'RATE_LIMITED');
    });
  });

  describe('session lifetime', () => {
    it('rejects a session used after 30 days', async () => {
      const clock = new FakeClock();
      const app = t.buildApp({ clock: clock.now });
      const account = await signUp(app);
      clock.advance(30 * DAY_MS + 60_000);
      expectProblem(
        await request(app).get('/api/me').set(bearer(account.token)),
        401,
        'UNAUTHENTICATED',
      );
      // Gone for good, even if the clock were wrong later.
      const freshApp = t.buildApp();
      expect((await request(freshApp).get('/api/me').set(bearer(account.token))).status).toBe(401);
    });

    it('extends a session used at day 20, so it is still valid at day 40', async () => {
      const clock = new FakeClock();
      const app = t.buildApp({ clock: clock.now });
      const account = await signUp(app);
      clock.advanceDays(20);
      expect((await request(app).get('/api/me').set(bearer(account.token))).status).toBe(200);
      clock.advanceDays(20);
      const res = await request(app).get('/api/me').set(bearer(account.token));
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(account.user.id);
    });

    it('does not extend a session used in the first half of its life', async () => {
      const clock = new FakeClock();
      const app = t.buildApp({ clock: clock.now });
      const account = await signUp(app);
      clock.advanceDays(10);
      expect((await request(app).get('/api/me').set(bearer(account.token))).status).toBe(200);
      clock.advance(20 * DAY_MS + 60_000);
      expect((await request(app).get('/api/me').set(bearer(account.token))).status).toBe(401);
    });

    it('sends a renewed cookie when it extends a cookie session', async () => {
      // The browser drops the cookie at the Expires it was given; unless the renewal reaches the
      // cookie, an active user is signed out at day 30 however often they come back.
      const clock = new FakeClock();
      const app = t.buildApp({ clock: clock.now });
      const account = await signUp(app);
      clock.advanceDays(20);
      const res = await request(app)
        .get('/api/me')
        .set({ ...sessionCookie(account.token), Origin: SITE_ORIGIN });
      expect(res.status).toBe(200);
      const renewed = setCookie(res, 'session');
      expect(renewed?.value).toBe(account.token);
      expect(Date.parse(renewed?.attributes.expires ?? '')).toBeGreaterThan(
        clock.now().getTime() + 29 * DAY_MS,
      );
    });
  });
});
