import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  errorPaths,
  expectProblem,
  sessionCookie,
  signUp,
  stringsIn,
  type SignedUp,
} from './support/http';
import { SITE_ORIGIN, testDatabaseKinds, useTestApp } from './support/test-app';

interface PseudBody {
  id: number;
  name: string;
  isDefault: boolean;
  createdAt: string;
}

describe.each(testDatabaseKinds())('your account over HTTP on %s', (kind) => {
  const t = useTestApp(kind);
  let ada: SignedUp;
  let grace: SignedUp;

  beforeAll(async () => {
    ada = await signUp(t.app, { email: 'ada@example.com', displayName: 'Ada Lovelace' });
    grace = await signUp(t.app, { email: 'grace@example.com', displayName: 'Grace Hopper' });
    const countess = await request(t.app)
      .post('/api/me/pseuds')
      .set(bearer(ada.token))
      .send({ name: 'Countess' });
    expect(countess.status).toBe(201);
  });

  const addPseud = (who: SignedUp, name: unknown) =>
    request(t.app).post('/api/me/pseuds').set(bearer(who.token)).send({ name });
  const pseudsOf = async (who: SignedUp): Promise<PseudBody[]> => {
    const res = await request(t.app).get('/api/me/pseuds').set(bearer(who.token));
    expect(res.status).toBe(200);
    return res.body.pseuds as PseudBody[];
  };

  it('shows you and your default pseud, named after your display name', async () => {
    const res = await request(t.app).get('/api/me').set(sessionCookie(ada.token));
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual(ada.user);
    expect(res.body.pseuds[0]).toEqual({
      id: expect.any(Number),
      name: 'Ada Lovelace',
      isDefault: true,
      createdAt: ada.user.createdAt,
    });
    expect(res.body.pseuds.filter((p: PseudBody) => p.isDefault)).toHaveLength(1);

    const fresh = await request(t.app).get('/api/me').set(bearer(grace.token));
    expect((fresh.body.pseuds as PseudBody[]).map((p) => [p.name, p.isDefault])).toEqual([
      ['Grace Hopper', true],
    ]);
  });

  it('adds a pseud and lists it after the default one', async () => {
    const res = await request(t.app)
      .post('/api/me/pseuds')
      .set({ ...sessionCookie(ada.token), Origin: SITE_ORIGIN })
      .send({ name: '  The Enchantress of Numbers ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: 'The Enchantress of Numbers',
      isDefault: false,
      createdAt: expect.any(String),
    });

    const me = await request(t.app).get('/api/me').set(bearer(ada.token));
    expect((me.body.pseuds as PseudBody[]).map((p) => [p.name, p.isDefault])).toEqual([
      ['Ada Lovelace', true],
      ['Countess', false],
      ['The Enchantress of Numbers', false],
    ]);
    expect(await pseudsOf(ada)).toEqual(me.body.pseuds);
  });

  it.each([
    ['the same name', 'Countess'],
    ['the name in another case', 'COUNTESS'],
    ['the name with surrounding spaces', '  countess '],
  ])('refuses %s a second time with 409 PSEUD_TAKEN', async (_label, name) => {
    const res = await addPseud(ada, name);
    expectProblem(res, 409, 'PSEUD_TAKEN');
    expect(res.body.errors[0].path).toBe('name');
    expect((await pseudsOf(ada)).filter((p) => p.name.toLowerCase() === 'countess')).toHaveLength(
      1,
    );
  });

  it('refuses a pseud that differs from your display name only in case', async () => {
    const res = await addPseud(ada, 'ada lovelace');
    expectProblem(res, 409, 'PSEUD_TAKEN');
    expect(res.body.errors[0].path).toBe('name');
  });

  it('lets two people use the same pseud name', async () => {
    const res = await addPseud(grace, 'Countess');
    expect(res.status).toBe(201);
    expect((await pseudsOf(grace)).map((p) => p.name)).toEqual(['Grace Hopper', 'Countess']);
  });

  it.each([
    ['a blank name', { name: '   ' }],
    ['an empty name', { name: '' }],
    ['no name', {}],
    ['a number', { name: 7 }],
    ['a name of 61 characters', { name: 'x'.repeat(61) }],
    ['a name with a NUL character', { name: 'Null\u0000Byte' }],
  ])('refuses %s with 400 naming `name`', async (_label, body) => {
    const before = await pseudsOf(ada);
    const res = await request(t.app).post('/api/me/pseuds').set(bearer(ada.token)).send(body);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(errorPaths(res)).toEqual(['name']);
    expect(await pseudsOf(ada)).toEqual(before);
  });

  it('asks a visitor to sign in before listing or adding pseuds', async () => {
    expectProblem(await request(t.app).get('/api/me/pseuds'), 401, 'UNAUTHENTICATED');
    expectProblem(
      await request(t.app).post('/api/me/pseuds').send({ name: 'Nobody' }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it("never shows you another user's pseuds or email", async () => {
    await addPseud(grace, 'Amazing Grace');
    const responses = [
      await request(t.app).get('/api/me').set(bearer(ada.token)),
      await request(t.app).get('/api/me/pseuds').set(bearer(ada.token)),
      await addPseud(ada, 'Analyst'),
      await addPseud(ada, 'Analyst'),
    ];
    for (const res of responses) {
      expect(res.status).toBeLessThan(500);
      const strings = stringsIn(res.body);
      expect(strings).not.toContain('grace@example.com');
      expect(strings).not.toContain('Grace Hopper');
      expect(strings).not.toContain('Amazing Grace');
      expect(res.text).not.toContain('grace@');
    }
    const graceIds = new Set((await pseudsOf(grace)).map((p) => p.id));
    for (const pseud of await pseudsOf(ada)) expect(graceIds.has(pseud.id)).toBe(false);
    // And the other way round.
    const graceMe = await request(t.app).get('/api/me').set(bearer(grace.token));
    expect(graceMe.text).not.toMatch(/ada@example\.com|Ada Lovelace|Analyst|Enchantress/);
  });

  it('limits each user to 20 pseuds', async () => {
    const writer = await signUp(t.app);
    for (let i = 2; i <= 20; i += 1)
      expect((await addPseud(writer, `Pseud ${i}`)).status).toBe(201);
    expectProblem(await addPseud(writer, 'Pseud 21'), 409, 'PSEUD_LIMIT_REACHED');
    expect(await pseudsOf(writer)).toHaveLength(20);
  });
});
