import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, ChallengeDetail, CreateChallengeInput } from '@ficathon/schema';
import { insertChallenge } from './support/fixtures';
import { errorPaths, expectProblem, signUp, stringsIn, type SignedUp } from './support/http';
import {
  addOrganizer,
  addPrompt,
  announce,
  as,
  challengeBody,
  createChallenge,
  detailOf,
  insertCommunity,
  localUtc,
  scheduleFromNow,
  storedUtc,
} from './support/organizer';
import { testDatabaseKinds, useTestApp } from './support/test-app';

type Body = CreateChallengeInput;
const withSchedule = (schedule: Partial<Body['schedule']>) => (body: Body) => ({
  ...body,
  schedule: { ...body.schedule, ...schedule },
});
const withRules = (rules: Record<string, unknown>) => (body: Body) => ({ ...body, rules });

/** Every bad challenge body the issue names, with the field the answer must point at. */
const BAD_SETTINGS: [string, (body: Body) => Record<string, unknown>, string][] = [
  [
    'submissions closing before they open',
    withSchedule({
      opensAt: '2026-12-10T00:00',
      closesAt: '2026-12-01T00:00',
      votingOpensAt: null,
      votingClosesAt: null,
    }),
    'schedule.closesAt',
  ],
  [
    'voting opening before submissions close',
    withSchedule({
      opensAt: '2026-12-01T00:00',
      closesAt: '2026-12-20T00:00',
      votingOpensAt: '2026-12-10T00:00',
      votingClosesAt: '2026-12-30T00:00',
    }),
    'schedule.votingOpensAt',
  ],
  [
    'voting closing before it opens',
    withSchedule({
      opensAt: '2026-12-01T00:00',
      closesAt: '2026-12-20T00:00',
      votingOpensAt: '2026-12-25T00:00',
      votingClosesAt: '2026-12-22T00:00',
    }),
    'schedule.votingClosesAt',
  ],
  ['an unknown time zone', withSchedule({ timeZone: 'Mars/Olympus_Mons' }), 'schedule.timeZone'],
  [
    'a local time that is not a real date',
    withSchedule({ closesAt: '2026-02-30T10:00' }),
    'schedule.closesAt',
  ],
  [
    'a minimum word count above the maximum',
    withRules({ minWords: 500, maxWords: 100 }),
    'rules.minWords',
  ],
  ['a negative limit', withRules({ entriesPerWriter: -1 }), 'rules.entriesPerWriter'],
  [
    'a claim required without a prompt required',
    withRules({ claimRequired: true }),
    'rules.claimRequired',
  ],
  ['a NUL in the title', (body) => ({ ...body, title: 'Behind\u0000Blue Eyes' }), 'title'],
  [
    'a NUL in the description',
    (body) => ({ ...body, description: 'Dear\u0000writers' }),
    'description',
  ],
];

describe.each(testDatabaseKinds())('organizers over HTTP on %s', (kind) => {
  const t = useTestApp(kind);
  let owner: SignedUp;
  let coOrganizer: SignedUp;
  let writer: SignedUp;
  let otherWriter: SignedUp;
  let reader: SignedUp;
  let admin: SignedUp;
  let moderator: SignedUp;
  let counter = 0;
  const fresh = (label: string) => `${label}-${++counter}`;

  beforeAll(async () => {
    owner = await signUp(t.app, { displayName: 'Pete Organizer' });
    coOrganizer = await signUp(t.app, { displayName: 'Roger Helper' });
    writer = await signUp(t.app, { displayName: 'Misty Writer' });
    otherWriter = await signUp(t.app, { displayName: 'Keith Writer' });
    reader = await signUp(t.app, { displayName: 'Quiet Reader' });
    admin = await signUp(t.app, { displayName: 'Site Admin' });
    moderator = await signUp(t.app, { displayName: 'Circle Moderator' });
    await t.store.repos.users.setAdmin(admin.user.id, true);
  });

  /** A challenge announced now, open for submissions (closing in 20 days, voting from day 30). */
  async function openChallenge(label: string, overrides: Partial<Body> = {}) {
    const slug = fresh(label);
    await createChallenge(t.app, owner.token, challengeBody(slug, overrides));
    return { slug, detail: await announce(t.app, owner.token, slug) };
  }

  describe('creating a challenge', () => {
    it.each([
      ['America/New_York', '2026-12-01T23:59', '2026-12-02T04:59:00.000Z'],
      ['AoE', '2026-12-01T23:59', '2026-12-02T11:59:00.000Z'],
      ['Europe/London', '2026-07-01T23:59', '2026-07-01T22:59:00.000Z'],
      ['Asia/Kolkata', '2026-12-01T23:59', '2026-12-01T18:29:00.000Z'],
      ['Asia/Tokyo', '2026-12-01T10:00:00+02:00', '2026-12-01T08:00:00.000Z'],
    ])('reads a deadline in %s (%s) as %s UTC', async (timeZone, closesAt, stored) => {
      const slug = fresh('zoned');
      const created = await createChallenge(
        t.app,
        owner.token,
        challengeBody(slug, {
          schedule: { timeZone, opensAt: '2026-06-01T00:00', closesAt },
        }),
      );
      expect(created.phase).toBe('draft');
      expect(created.schedule).toMatchObject({ timeZone, closesAt: stored, announcedAt: null });
      expect((await detailOf(t.app, slug, owner.token)).schedule.closesAt).toBe(stored);
    });

    it('shows its rules, grace minutes and schedule to visitors once announced', async () => {
      const slug = fresh('ruled');
      const rules = {
        minWords: 100,
        maxWords: 2000,
        allowedRatings: ['general', 'teen'],
        requiredFields: ['summary'],
        entriesPerWriter: 2,
        entriesPerPrompt: null,
        promptRequired: true,
        claimRequired: true,
        lyricLineRequired: true,
        customFields: [
          {
            id: 'verse',
            label: 'Which verse?',
            kind: 'choice',
            required: true,
            options: ['First', 'Second'],
          },
        ],
      };
      const now = new Date();
      await createChallenge(
        t.app,
        owner.token,
        challengeBody(slug, {
          rules: rules as Body['rules'],
          schedule: scheduleFromNow(now, {}, { graceMinutes: 30 }),
        }),
      );
      expectProblem(await request(t.app).get(`/api/challenges/${slug}`), 404, 'NOT_FOUND');
      await addPrompt(t.app, owner.token, slug);
      await announce(t.app, owner.token, slug);

      const seen = await detailOf(t.app, slug);
      expect(seen.rules).toEqual(rules);
      expect(seen.schedule).toMatchObject({
        timeZone: 'UTC',
        graceMinutes: 30,
        opensAt: storedUtc(now, -1),
        closesAt: storedUtc(now, 20),
        votingOpensAt: storedUtc(now, 30),
        votingClosesAt: storedUtc(now, 40),
      });
      expect(seen.viewerRole).toBeNull();
      const listed = await request(t.app).get('/api/challenges');
      const summary = (listed.body as { challenges: ChallengeDetail[] }).challenges.find(
        (c) => c.slug === slug,
      );
      expect(summary?.schedule.graceMinutes).toBe(30);
    });

    it('moves from draft to open when announced after submissions opened', async () => {
      const slug = fresh('opening');
      const created = await createChallenge(t.app, owner.token, challengeBody(slug));
      expect(created.phase).toBe('draft');
      const announced = await announce(t.app, owner.token, slug);
      expect(announced.phase).toBe('open');
      expect(announced.schedule.announcedAt).not.toBeNull();
      expect((await detailOf(t.app, slug)).phase).toBe('open');
    });

    it('moves from draft to announced when submissions open later', async () => {
      const slug = fresh('soon');
      await createChallenge(
        t.app,
        owner.token,
        challengeBody(slug, { schedule: scheduleFromNow(new Date(), { opens: 3 }) }),
      );
      expect((await announce(t.app, owner.token, slug)).phase).toBe('announced');
      expect((await detailOf(t.app, slug, reader.token)).phase).toBe('announced');
    });
  });

  describe('bad settings', () => {
    it.each(BAD_SETTINGS)('refuses to create a challenge with %s', async (_label, spoil, path) => {
      const slug = fresh('bad');
      const res = await request(t.app)
        .post('/api/challenges')
        .set(as(owner.token))
        .send(spoil(challengeBody(slug)));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toContain(path);
      expect(res.body.detail).toContain(path);
      expect(await t.store.repos.challenges.findBySlug(slug)).toBeUndefined();
    });

    it.each(BAD_SETTINGS)('refuses to change a challenge to %s', async (_label, spoil, path) => {
      const { slug, detail } = await openChallenge('patched');
      const { slug: _slug, ...settings } = spoil(challengeBody(slug));
      const res = await request(t.app)
        .patch(`/api/challenges/${slug}`)
        .set(as(owner.token))
        .send(settings);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toContain(path);
      const after = await detailOf(t.app, slug, owner.token);
      expect({ title: after.title, schedule: after.schedule, rules: after.rules }).toEqual({
        title: detail.title,
        schedule: detail.schedule,
        rules: detail.rules,
      });
    });

    it('refuses voting that opens while the grace minutes still take submissions', async () => {
      const slug = fresh('graceless');
      const res = await request(t.app)
        .post('/api/challenges')
        .set(as(owner.token))
        .send(
          challengeBody(slug, {
            schedule: {
              timeZone: 'UTC',
              graceMinutes: 60,
              opensAt: '2026-12-01T00:00',
              closesAt: '2026-12-20T10:00',
              votingOpensAt: '2026-12-20T10:30',
              votingClosesAt: '2026-12-27T00:00',
            },
          }),
        );
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toContain('schedule.votingOpensAt');
    });

    it.each([
      ['spaces and punctuation', 'blue eyes!'],
      ['two characters', 'be'],
      ['a double dash', 'blue--eyes'],
      ['a leading dash', '-blue-eyes'],
      ['an underscore', 'blue_eyes'],
      ['61 characters', 'b'.repeat(61)],
    ])('refuses a slug with %s', async (_label, slug) => {
      const res = await request(t.app)
        .post('/api/challenges')
        .set(as(owner.token))
        .send(challengeBody(slug));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(['slug']);
    });

    it.each([
      ['the same', (slug: string) => slug],
      ['differing in case', (slug: string) => slug.toUpperCase()],
      ['padded with spaces', (slug: string) => `  ${slug} `],
    ])('answers a slug already taken (%s) with 409 SLUG_TAKEN', async (_label, spell) => {
      const slug = fresh('taken');
      await createChallenge(t.app, owner.token, challengeBody(slug));
      const res = await request(t.app)
        .post('/api/challenges')
        .set(as(writer.token))
        .send(challengeBody(spell(slug), { title: 'Impostor' }));
      expectProblem(res, 409, 'SLUG_TAKEN');
      expect(errorPaths(res)).toEqual(['slug']);
      expect((await detailOf(t.app, slug, owner.token)).title).not.toBe('Impostor');
    });

    it('gives one of two simultaneous creations of a slug the slug and the other a 409', async () => {
      const slug = fresh('race');
      const results = await Promise.all(
        [owner, writer].map((who) =>
          request(t.app).post('/api/challenges').set(as(who.token)).send(challengeBody(slug)),
        ),
      );
      expect(results.map((res) => res.status).sort()).toEqual([201, 409]);
      expectProblem(
        results.find((res) => res.status === 409)!,
        409,
        'SLUG_TAKEN',
      );
    });
  });

  describe('announcing', () => {
    it('refuses a prompt-required challenge with no prompts, under `prompts`', async () => {
      const slug = fresh('promptless');
      await createChallenge(
        t.app,
        owner.token,
        challengeBody(slug, { rules: { promptRequired: true } }),
      );
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/announce`)
        .set(as(owner.token));
      expectProblem(res, 400, 'NOT_READY');
      expect(errorPaths(res)).toEqual(['prompts']);
      expect((await detailOf(t.app, slug, owner.token)).phase).toBe('draft');

      await addPrompt(t.app, owner.token, slug);
      expect((await announce(t.app, owner.token, slug)).phase).toBe('open');
    });

    it('refuses a challenge with no closing date, under `schedule.closesAt`', async () => {
      const slug = fresh('endless');
      await createChallenge(
        t.app,
        owner.token,
        challengeBody(slug, {
          schedule: { timeZone: 'UTC', opensAt: localUtc(new Date(), -1) },
        }),
      );
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/announce`)
        .set(as(owner.token));
      expectProblem(res, 400, 'NOT_READY');
      expect(errorPaths(res)).toEqual(['schedule.closesAt']);
      expectProblem(await request(t.app).get(`/api/challenges/${slug}`), 404, 'NOT_FOUND');
    });
  });

  describe('acts in the wrong phase', () => {
    it('refuses to delete an announced challenge: 409 naming the draft phase', async () => {
      const { slug } = await openChallenge('kept');
      const res = await request(t.app).delete(`/api/challenges/${slug}`).set(as(owner.token));
      expectProblem(res, 409, 'WRONG_PHASE');
      expect(res.body.detail).toContain('in draft');
      expect(res.body.detail).toContain('open for submissions now');
      expect((await detailOf(t.app, slug)).slug).toBe(slug);
    });

    it('refuses to announce twice', async () => {
      const { slug } = await openChallenge('twice');
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/announce`)
        .set(as(owner.token));
      expectProblem(res, 409, 'WRONG_PHASE');
      expect(res.body.detail).toContain('in draft');
    });

    it('refuses to change anonymity once announced, and changes nothing else asked with it', async () => {
      const { slug } = await openChallenge('masked');
      const res = await request(t.app)
        .patch(`/api/challenges/${slug}`)
        .set(as(owner.token))
        .send({ title: 'Now Anonymous', anonymous: true });
      expectProblem(res, 409, 'WRONG_PHASE');
      expect(res.body.detail).toContain('in draft');
      const after = await detailOf(t.app, slug);
      expect(after).toMatchObject({ anonymous: false, title: `Challenge ${slug}` });

      const same = await request(t.app)
        .patch(`/api/challenges/${slug}`)
        .set(as(owner.token))
        .send({ title: 'Still Open', anonymous: false });
      expect(same.status, JSON.stringify(same.body)).toBe(200);
      expect(same.body).toMatchObject({ title: 'Still Open', anonymous: false });
    });

    it('lets anonymity change while in draft', async () => {
      const slug = fresh('draft-masked');
      await createChallenge(t.app, owner.token, challengeBody(slug));
      const res = await request(t.app)
        .patch(`/api/challenges/${slug}`)
        .set(as(owner.token))
        .send({ anonymous: true });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.anonymous).toBe(true);
    });

    it('refuses to change the settings once results are out', async () => {
      const slug = fresh('finished');
      await insertChallenge(t.store, { slug, ownerId: owner.user.id, resultsPublished: true });
      const res = await request(t.app)
        .patch(`/api/challenges/${slug}`)
        .set(as(owner.token))
        .send({ title: 'Rewritten history' });
      expectProblem(res, 409, 'WRONG_PHASE');
      expect(res.body.detail).toContain('in voting');
      expect(res.body.detail).toContain('showing results now');
    });
  });

  describe('deadline extensions', () => {
    it('for everyone moves the deadline, and says so in the audit log', async () => {
      const now = new Date();
      const { slug } = await openChallenge('extended');
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/extensions`)
        .set(as(owner.token))
        .send({ until: localUtc(now, 25) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.schedule.closesAt).toBe(storedUtc(now, 25));
      expect((await detailOf(t.app, slug)).schedule.closesAt).toBe(storedUtc(now, 25));

      const audit = await request(t.app).get(`/api/challenges/${slug}/audit`).set(as(owner.token));
      expect(audit.body.events[0]).toMatchObject({
        action: 'deadline.extended',
        actor: 'Pete Organizer',
        detail: { until: storedUtc(now, 25) },
      });
    });

    it('for one writer shows only to that writer, and leaves the deadline alone', async () => {
      const now = new Date();
      const { slug } = await openChallenge('personal');
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/extensions`)
        .set(as(owner.token))
        .send({ person: writer.email, until: localUtc(now, 25) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.schedule.closesAt).toBe(storedUtc(now, 20));
      expect(res.body.viewerExtensionUntil).toBeNull();

      expect((await detailOf(t.app, slug, writer.token)).viewerExtensionUntil).toBe(
        storedUtc(now, 25),
      );
      expect((await detailOf(t.app, slug, otherWriter.token)).viewerExtensionUntil).toBeNull();
      expect((await detailOf(t.app, slug)).viewerExtensionUntil).toBeNull();
      expect((await detailOf(t.app, slug)).schedule.closesAt).toBe(storedUtc(now, 20));

      const audit = await request(t.app).get(`/api/challenges/${slug}/audit`).set(as(owner.token));
      expect(audit.body.events[0]).toMatchObject({
        action: 'extension.granted',
        detail: { writer: 'Misty Writer', until: storedUtc(now, 25) },
      });
      expect(audit.text).not.toContain(writer.email);
    });

    it('finds the writer by pseud, whatever its case', async () => {
      const now = new Date();
      const { slug } = await openChallenge('by-pseud');
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/extensions`)
        .set(as(owner.token))
        .send({ person: 'misty WRITER', until: localUtc(now, 22) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((await detailOf(t.app, slug, writer.token)).viewerExtensionUntil).toBe(
        storedUtc(now, 22),
      );
    });

    it.each([
      ['before the current deadline', 10],
      ['at the current deadline', 20],
      ['after voting opens', 31],
    ])('refuses an extension ending %s, under `until`', async (_label, days) => {
      const now = new Date();
      const { slug } = await openChallenge('short');
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/extensions`)
        .set(as(owner.token))
        .send({ until: localUtc(now, days) });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(['until']);
      expect((await detailOf(t.app, slug)).schedule.closesAt).toBe(storedUtc(now, 20));
    });

    it('refuses an extension to a date that does not exist, under `until`', async () => {
      const { slug } = await openChallenge('leap');
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/extensions`)
        .set(as(owner.token))
        .send({ until: '2027-02-30T10:00' });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(['until']);
    });

    it('refuses an extension for nobody we know, under `person`', async () => {
      const { slug } = await openChallenge('ghost');
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/extensions`)
        .set(as(owner.token))
        .send({ person: 'ghost@example.com', until: localUtc(new Date(), 25) });
      expectProblem(res, 400, 'PERSON_NOT_FOUND');
      expect(errorPaths(res)).toEqual(['person']);
    });
  });

  describe('co-organizers', () => {
    it('are invited by pseud or by email and listed after the owner', async () => {
      const slug = fresh('team');
      await createChallenge(t.app, owner.token, challengeBody(slug));
      const byPseud = await request(t.app)
        .post(`/api/challenges/${slug}/organizers`)
        .set(as(owner.token))
        .send({ person: 'roger helper' });
      expect(byPseud.status, JSON.stringify(byPseud.body)).toBe(201);
      expect(byPseud.body).toEqual({
        userId: coOrganizer.user.id,
        name: 'Roger Helper',
        role: 'co_organizer',
      });
      const byEmail = await request(t.app)
        .post(`/api/challenges/${slug}/organizers`)
        .set(as(owner.token))
        .send({ person: `  ${writer.email.toUpperCase()} ` });
      expect(byEmail.status, JSON.stringify(byEmail.body)).toBe(201);
      expect(byEmail.body).toMatchObject({ userId: writer.user.id, name: 'Misty Writer' });

      const list = await request(t.app)
        .get(`/api/challenges/${slug}/organizers`)
        .set(as(coOrganizer.token));
      expect(list.status).toBe(200);
      expect(list.body.organizers).toEqual([
        { userId: owner.user.id, name: 'Pete Organizer', role: 'owner' },
        { userId: coOrganizer.user.id, name: 'Roger Helper', role: 'co_organizer' },
        { userId: writer.user.id, name: 'Misty Writer', role: 'co_organizer' },
      ]);
      expect(list.text).not.toContain('@example.com');

      // A co-organizer sees the draft as what it is to them; a reader does not see it at all.
      expect((await detailOf(t.app, slug, coOrganizer.token)).viewerRole).toBe('co_organizer');
      expectProblem(
        await request(t.app).get(`/api/challenges/${slug}`).set(as(reader.token)),
        404,
        'NOT_FOUND',
      );
    });

    it.each([
      ['a co-organizer again', () => coOrganizer.email],
      ['the owner', () => owner.email],
    ])('refuses to add %s: 409 naming `person`', async (_label, person) => {
      const slug = fresh('again');
      await createChallenge(t.app, owner.token, challengeBody(slug));
      await addOrganizer(t.app, owner.token, slug, coOrganizer.email);
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/organizers`)
        .set(as(owner.token))
        .send({ person: person() });
      expectProblem(res, 409, 'ALREADY_ORGANIZER');
      expect(errorPaths(res)).toEqual(['person']);
      const list = await request(t.app)
        .get(`/api/challenges/${slug}/organizers`)
        .set(as(owner.token));
      expect(list.body.organizers).toHaveLength(2);
    });

    it.each([
      ['an unknown email', 'nobody@example.com'],
      ['an unknown pseud', 'Nobody At All'],
    ])('answers %s with 400 PERSON_NOT_FOUND under `person`', async (_label, person) => {
      const slug = fresh('unknown');
      await createChallenge(t.app, owner.token, challengeBody(slug));
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/organizers`)
        .set(as(owner.token))
        .send({ person });
      expectProblem(res, 400, 'PERSON_NOT_FOUND');
      expect(errorPaths(res)).toEqual(['person']);
    });

    it('answers a pseud two people share with 409 AMBIGUOUS_PSEUD, and takes the email', async () => {
      const now = new Date().toISOString();
      for (const who of [writer, otherWriter]) {
        await t.store.repos.pseuds.insert({
          user_id: who.user.id,
          name: 'Blue Eyes',
          name_key: 'blue eyes',
          is_default: 0,
          created_at: now,
        });
      }
      const slug = fresh('twins');
      await createChallenge(t.app, owner.token, challengeBody(slug));
      const res = await request(t.app)
        .post(`/api/challenges/${slug}/organizers`)
        .set(as(owner.token))
        .send({ person: 'Blue Eyes' });
      expectProblem(res, 409, 'AMBIGUOUS_PSEUD');
      expect(errorPaths(res)).toEqual(['person']);
      expect(res.text).not.toContain('@example.com');

      const byEmail = await addOrganizer(t.app, owner.token, slug, otherWriter.email);
      expect(byEmail.userId).toBe(otherWriter.user.id);
    });

    it.each([
      ['the owner', () => owner],
      ['a co-organizer', () => coOrganizer],
      ['an admin', () => admin],
    ])('cannot remove the owner, not even as %s', async (_label, who) => {
      const slug = fresh('keep-owner');
      await createChallenge(t.app, owner.token, challengeBody(slug));
      await addOrganizer(t.app, owner.token, slug, coOrganizer.email);
      const res = await request(t.app)
        .delete(`/api/challenges/${slug}/organizers/${owner.user.id}`)
        .set(as(who().token));
      expectProblem(res, 403, 'CANNOT_REMOVE_OWNER');
      const list = await request(t.app)
        .get(`/api/challenges/${slug}/organizers`)
        .set(as(owner.token));
      expect(list.body.organizers[0]).toMatchObject({ userId: owner.user.id, role: 'owner' });
      expect((await detailOf(t.app, slug, owner.token)).viewerRole).toBe('owner');
    });

    it('once removed, a co-organizer can no longer run the challenge', async () => {
      const { slug } = await openChallenge('removed');
      await addOrganizer(t.app, owner.token, slug, coOrganizer.email);
      expect(
        (await request(t.app).get(`/api/challenges/${slug}/dashboard`).set(as(coOrganizer.token)))
          .status,
      ).toBe(200);
      const res = await request(t.app)
        .delete(`/api/challenges/${slug}/organizers/${coOrganizer.user.id}`)
        .set(as(owner.token));
      expect(res.status).toBe(204);
      expectProblem(
        await request(t.app).get(`/api/challenges/${slug}/dashboard`).set(as(coOrganizer.token)),
        403,
        'NOT_ORGANIZER',
      );
      const again = await request(t.app)
        .delete(`/api/challenges/${slug}/organizers/${coOrganizer.user.id}`)
        .set(as(owner.token));
      expectProblem(again, 404, 'NOT_FOUND');
      const audit = await request(t.app).get(`/api/challenges/${slug}/audit`).set(as(owner.token));
      expect(audit.body.events[0]).toMatchObject({
        action: 'organizer.removed',
        detail: { organizer: 'Roger Helper' },
      });
    });

    it('may not delete the challenge: only its owner may', async () => {
      const slug = fresh('not-yours');
      await createChallenge(t.app, owner.token, challengeBody(slug));
      await addOrganizer(t.app, owner.token, slug, coOrganizer.email);
      const res = await request(t.app).delete(`/api/challenges/${slug}`).set(as(coOrganizer.token));
      expectProblem(res, 403, 'NOT_OWNER');
      expect(await t.store.repos.challenges.findBySlug(slug)).toBeDefined();
      const deleted = await request(t.app).delete(`/api/challenges/${slug}`).set(as(owner.token));
      expect(deleted.status).toBe(204);
      expectProblem(
        await request(t.app).get(`/api/challenges/${slug}`).set(as(owner.token)),
        404,
        'NOT_FOUND',
      );
    });
  });

  it('lets an admin who was also invited as a co-organizer do what admins may: delete it', async () => {
    const slug = fresh('admin-helper');
    await createChallenge(t.app, owner.token, challengeBody(slug));
    await addOrganizer(t.app, owner.token, slug, admin.email);
    const res = await request(t.app).delete(`/api/challenges/${slug}`).set(as(admin.token));
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect(await t.store.repos.challenges.findBySlug(slug)).toBeUndefined();
  });

  describe('a challenge hosted by a community', () => {
    let communityOwner: SignedUp;

    beforeAll(async () => {
      communityOwner = await signUp(t.app, { displayName: 'Circle Founder' });
      await insertCommunity(t.store, {
        slug: 'who-fans',
        name: 'Who Fans',
        ownerId: communityOwner.user.id,
        moderatorIds: [owner.user.id, moderator.user.id],
      });
      await insertCommunity(t.store, {
        slug: 'other-circle',
        ownerId: reader.user.id,
        moderatorIds: [reader.user.id],
      });
    });

    it('is run by the community’s moderators without an invitation', async () => {
      const { slug, detail } = await openChallenge('hosted', { communitySlug: 'who-fans' });
      expect(detail.community).toEqual({ slug: 'who-fans', name: 'Who Fans' });

      expect((await detailOf(t.app, slug, moderator.token)).viewerRole).toBe('co_organizer');
      const patched = await request(t.app)
        .patch(`/api/challenges/${slug}`)
        .set(as(moderator.token))
        .send({ title: 'Moderated by the circle' });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      expect(patched.body.title).toBe('Moderated by the circle');
      const dashboard = await request(t.app)
        .get(`/api/challenges/${slug}/dashboard`)
        .set(as(moderator.token));
      expect(dashboard.status).toBe(200);
      // They manage it as co-organizers do: they cannot remove the owner.
      expectProblem(
        await request(t.app)
          .delete(`/api/challenges/${slug}/organizers/${owner.user.id}`)
          .set(as(moderator.token)),
        403,
        'CANNOT_REMOVE_OWNER',
      );
      // A moderator of another community has no say in it.
      expectProblem(
        await request(t.app).get(`/api/challenges/${slug}/dashboard`).set(as(reader.token)),
        403,
        'NOT_ORGANIZER',
      );
    });

    it('is run by the community’s owner, whom the community lists first among its moderators', async () => {
      const { slug } = await openChallenge('founded', { communitySlug: 'who-fans' });
      const res = await request(t.app)
        .get(`/api/challenges/${slug}/dashboard`)
        .set(as(communityOwner.token));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    });

    it('is among the challenges its community moderators organize', async () => {
      const { slug } = await openChallenge('listed', { communitySlug: 'who-fans' });
      const res = await request(t.app).get('/api/me/challenges').set(as(moderator.token));
      expect(res.status).toBe(200);
      expect((res.body.challenges as { slug: string }[]).map((c) => c.slug)).toContain(slug);
    });

    it('can be hosted only by the community’s moderators', async () => {
      const slug = fresh('intruder');
      const res = await request(t.app)
        .post('/api/challenges')
        .set(as(writer.token))
        .send(challengeBody(slug, { communitySlug: 'who-fans' }));
      expectProblem(res, 403, 'NOT_COMMUNITY_MODERATOR');
      expect(await t.store.repos.challenges.findBySlug(slug)).toBeUndefined();
    });

    it('must name a community that exists, under `communitySlug`', async () => {
      const res = await request(t.app)
        .post('/api/challenges')
        .set(as(owner.token))
        .send(challengeBody(fresh('nowhere'), { communitySlug: 'no-such-circle' }));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual(['communitySlug']);
    });
  });

  describe('the audit log', () => {
    it('lists every act newest first, by pseud, and never an email', async () => {
      const now = new Date();
      const slug = fresh('audited');
      await createChallenge(t.app, owner.token, challengeBody(slug));
      await addPrompt(t.app, owner.token, slug);
      await addOrganizer(t.app, owner.token, slug, coOrganizer.email);
      await announce(t.app, owner.token, slug);
      const extended = await request(t.app)
        .post(`/api/challenges/${slug}/extensions`)
        .set(as(coOrganizer.token))
        .send({ person: writer.email, until: localUtc(now, 25) });
      expect(extended.status).toBe(200);
      const patched = await request(t.app)
        .patch(`/api/challenges/${slug}`)
        .set(as(admin.token))
        .send({ title: 'Audited' });
      expect(patched.status).toBe(200);

      const res = await request(t.app)
        .get(`/api/challenges/${slug}/audit`)
        .set(as(coOrganizer.token));
      expect(res.status).toBe(200);
      const events = res.body.events as AuditEvent[];
      expect(events.map((e) => [e.action, e.actor])).toEqual([
        ['challenge.updated', 'Site Admin'],
        ['extension.granted', 'Roger Helper'],
        ['challenge.announced', 'Pete Organizer'],
        ['organizer.added', 'Pete Organizer'],
        ['prompt.added', 'Pete Organizer'],
        ['challenge.created', 'Pete Organizer'],
      ]);
      expect(events[0]?.detail).toEqual({ fields: ['title'] });
      expect(events[3]?.detail).toEqual({ organizer: 'Roger Helper' });
      const times = events.map((e) => Date.parse(e.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      for (const text of stringsIn(res.body)) expect(text).not.toContain('@');
    });
  });
});
