import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, signUp, type SignedUp } from './support/http';
import {
  addOrganizer,
  as,
  challengeBody,
  challengeId,
  claim,
  createChallenge,
  insertCommunity,
  insertEntryWith,
  localUtc,
  lyricPrompt,
  announce,
} from './support/organizer';
import { testDatabaseKinds, useTestApp } from './support/test-app';

const ROLES = [
  'visitor',
  'reader',
  'writer',
  'co-organizer',
  'community moderator',
  'owner',
  'admin',
] as const;
type Role = (typeof ROLES)[number];
const ORGANIZERS: readonly Role[] = ['co-organizer', 'community moderator', 'owner', 'admin'];

/** One fresh challenge per cell, set up so that the act succeeds for anyone allowed to do it. */
interface Scene {
  slug: string;
  challengeId: number;
  promptIds: number[];
  /** The writer's submitted entry (open challenges only). */
  entryId: number | null;
}

interface Endpoint {
  label: string;
  /** Acts on a challenge still in draft (which does not exist for non-organizers). */
  draft?: boolean;
  /** Only the owner (or an admin) may do it; co-organizers get 403 NOT_OWNER. */
  ownerOnly?: boolean;
  /** Nobody may do it: the owner cannot be removed. */
  removesOwner?: boolean;
  /** The status of success. */
  ok: number;
  /** Whether a successful act writes one audit event. */
  audited: boolean;
  send(app: Express, scene: Scene, headers: Record<string, string>): Promise<Response>;
}

const COMMUNITY = 'ballad-circle';

describe.each(testDatabaseKinds())('organizer endpoints by role on %s', (kind) => {
  const t = useTestApp(kind);
  const users = {} as Record<Exclude<Role, 'visitor'> | 'helper' | 'invitee', SignedUp>;
  let scenes = 0;

  beforeAll(async () => {
    for (const role of [
      'reader',
      'writer',
      'co-organizer',
      'community moderator',
      'owner',
      'admin',
      'helper',
      'invitee',
    ] as const) {
      users[role] = await signUp(t.app, { displayName: `The ${role}` });
    }
    await t.store.repos.users.setAdmin(users.admin.user.id, true);
    await insertCommunity(t.store, {
      slug: COMMUNITY,
      ownerId: users.owner.user.id,
      moderatorIds: [users.owner.user.id, users['community moderator'].user.id],
    });
  });

  /**
   * A challenge hosted in the community, with a co-organizer and a helper co-organizer (the one
   * removed), two prompts; once announced (open), the writer holds a claim, has signed up for the
   * draw and has a submitted entry.
   */
  async function scene(draft: boolean): Promise<Scene> {
    scenes += 1;
    const slug = `roles-${scenes}`;
    const owner = users.owner.token;
    await createChallenge(t.app, owner, challengeBody(slug, { communitySlug: COMMUNITY }));
    await addOrganizer(t.app, owner, slug, users['co-organizer'].email);
    await addOrganizer(t.app, owner, slug, users.helper.displayName);
    const imported = await request(t.app)
      .post(`/api/challenges/${slug}/prompts/import`)
      .set(as(owner))
      .send({
        format: 'text',
        text: 'Behind Blue Eyes\nby The Who\nNo one knows\n\nBargain\nI’d gladly lose me',
      });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const promptIds = (imported.body as { prompts: { id: number }[] }).prompts.map((p) => p.id);
    const id = await challengeId(t.store, slug);
    if (draft) return { slug, challengeId: id, promptIds, entryId: null };

    await announce(t.app, owner, slug);
    const writer = users.writer;
    await claim(t.app, writer.token, slug, promptIds[0]!);
    const signup = await request(t.app)
      .post(`/api/challenges/${slug}/draw/signup`)
      .set(as(writer.token));
    expect(signup.status).toBe(204);
    const entry = await insertEntryWith(t.store, {
      challengeId: id,
      userId: writer.user.id,
      title: 'Bad Man',
      promptId: promptIds[0]!,
    });
    return { slug, challengeId: id, promptIds, entryId: entry.id };
  }

  const now = new Date();
  const endpoints: Endpoint[] = [
    {
      label: 'PATCH /challenges/:slug',
      ok: 200,
      audited: true,
      send: (app, s, h) =>
        request(app).patch(`/api/challenges/${s.slug}`).set(h).send({ title: 'Renamed' }),
    },
    {
      label: 'DELETE /challenges/:slug',
      draft: true,
      ownerOnly: true,
      ok: 204,
      audited: false,
      send: (app, s, h) => request(app).delete(`/api/challenges/${s.slug}`).set(h),
    },
    {
      label: 'POST /challenges/:slug/announce',
      draft: true,
      ok: 200,
      audited: true,
      send: (app, s, h) => request(app).post(`/api/challenges/${s.slug}/announce`).set(h),
    },
    {
      label: 'POST /challenges/:slug/extensions',
      ok: 200,
      audited: true,
      send: (app, s, h) =>
        request(app)
          .post(`/api/challenges/${s.slug}/extensions`)
          .set(h)
          .send({ until: localUtc(now, 25) }),
    },
    {
      label: 'GET /challenges/:slug/organizers',
      ok: 200,
      audited: false,
      send: (app, s, h) => request(app).get(`/api/challenges/${s.slug}/organizers`).set(h),
    },
    {
      label: 'POST /challenges/:slug/organizers',
      ok: 201,
      audited: true,
      send: (app, s, h) =>
        request(app)
          .post(`/api/challenges/${s.slug}/organizers`)
          .set(h)
          .send({ person: users.invitee.email }),
    },
    {
      label: 'DELETE /challenges/:slug/organizers/:userId (a co-organizer)',
      ok: 204,
      audited: true,
      send: (app, s, h) =>
        request(app).delete(`/api/challenges/${s.slug}/organizers/${users.helper.user.id}`).set(h),
    },
    {
      label: 'DELETE /challenges/:slug/organizers/:userId (the owner)',
      removesOwner: true,
      ok: 204,
      audited: true,
      send: (app, s, h) =>
        request(app).delete(`/api/challenges/${s.slug}/organizers/${users.owner.user.id}`).set(h),
    },
    {
      label: 'GET /challenges/:slug/audit',
      ok: 200,
      audited: false,
      send: (app, s, h) => request(app).get(`/api/challenges/${s.slug}/audit`).set(h),
    },
    {
      label: 'GET /challenges/:slug/dashboard',
      ok: 200,
      audited: false,
      send: (app, s, h) => request(app).get(`/api/challenges/${s.slug}/dashboard`).set(h),
    },
    {
      label: 'GET /challenges/:slug/export.csv',
      ok: 200,
      audited: false,
      send: (app, s, h) => request(app).get(`/api/challenges/${s.slug}/export.csv`).set(h),
    },
    {
      label: 'GET /challenges/:slug/export.json',
      ok: 200,
      audited: false,
      send: (app, s, h) => request(app).get(`/api/challenges/${s.slug}/export.json`).set(h),
    },
    {
      label: 'GET /challenges/:slug/reveal-preview',
      ok: 200,
      audited: false,
      send: (app, s, h) => request(app).get(`/api/challenges/${s.slug}/reveal-preview`).set(h),
    },
    {
      label: 'POST /challenges/:slug/prompts',
      ok: 201,
      audited: true,
      send: (app, s, h) =>
        request(app)
          .post(`/api/challenges/${s.slug}/prompts`)
          .set(h)
          .send(lyricPrompt('Love, Reign O’er Me')),
    },
    {
      label: 'PATCH /challenges/:slug/prompts/:promptId',
      ok: 200,
      audited: true,
      send: (app, s, h) =>
        request(app)
          .patch(`/api/challenges/${s.slug}/prompts/${s.promptIds[1]}`)
          .set(h)
          .send(lyricPrompt('Bargain (live)')),
    },
    {
      label: 'DELETE /challenges/:slug/prompts/:promptId',
      ok: 204,
      audited: true,
      send: (app, s, h) =>
        request(app).delete(`/api/challenges/${s.slug}/prompts/${s.promptIds[1]}`).set(h),
    },
    {
      label: 'POST /challenges/:slug/prompts/reorder',
      ok: 200,
      audited: true,
      send: (app, s, h) =>
        request(app)
          .post(`/api/challenges/${s.slug}/prompts/reorder`)
          .set(h)
          .send({ promptIds: [...s.promptIds].reverse() }),
    },
    {
      label: 'POST /challenges/:slug/prompts/import',
      ok: 201,
      audited: true,
      send: (app, s, h) =>
        request(app)
          .post(`/api/challenges/${s.slug}/prompts/import`)
          .set(h)
          .send({ format: 'csv', text: 'title,artist,lyrics\nSquare Dance,Eminem,"A line"\n' }),
    },
    {
      label: 'POST /challenges/:slug/draw',
      ok: 200,
      audited: true,
      send: (app, s, h) =>
        request(app).post(`/api/challenges/${s.slug}/draw`).set(h).send({ seed: 'blue' }),
    },
    {
      label: 'GET /challenges/:slug/moderation',
      ok: 200,
      audited: false,
      send: (app, s, h) => request(app).get(`/api/challenges/${s.slug}/moderation`).set(h),
    },
    {
      label: 'POST /entries/:entryId/moderation',
      ok: 200,
      audited: true,
      send: (app, s, h) =>
        request(app)
          .post(`/api/entries/${s.entryId}/moderation`)
          .set(h)
          .send({ action: 'approve' }),
    },
  ];

  function expected(endpoint: Endpoint, role: Role): { status: number; code: string | null } {
    if (role === 'visitor') return { status: 401, code: 'UNAUTHENTICATED' };
    if (!ORGANIZERS.includes(role)) {
      return endpoint.draft
        ? { status: 404, code: 'NOT_FOUND' }
        : { status: 403, code: 'NOT_ORGANIZER' };
    }
    if (endpoint.removesOwner) return { status: 403, code: 'CANNOT_REMOVE_OWNER' };
    const coOrganizer = role === 'co-organizer' || role === 'community moderator';
    if (endpoint.ownerOnly && coOrganizer) return { status: 403, code: 'NOT_OWNER' };
    return { status: endpoint.ok, code: null };
  }

  const cells = endpoints.flatMap((endpoint) =>
    ROLES.map((role) => {
      const want = expected(endpoint, role);
      return {
        endpoint,
        role,
        want,
        name: `${endpoint.label} as ${role}: ${want.status}${want.code ? ` ${want.code}` : ''}`,
      };
    }),
  );

  it.each(cells)('$name', async ({ endpoint, role, want }) => {
    const s = await scene(endpoint.draft ?? false);
    const auditBefore = (await t.store.repos.organizers.listAudit(s.challengeId)).length;
    const actor = role === 'visitor' ? undefined : users[role];

    const res = await endpoint.send(t.app, s, as(actor?.token));

    if (want.code) {
      expectProblem(res, want.status, want.code);
      // A refused act changes nothing.
      expect(await t.store.repos.challenges.findBySlug(s.slug)).toBeDefined();
      expect(await t.store.repos.organizers.listAudit(s.challengeId)).toHaveLength(auditBefore);
      return;
    }
    expect(res.status, JSON.stringify(res.body)).toBe(want.status);
    if (endpoint.ownerOnly) {
      expect(await t.store.repos.challenges.findBySlug(s.slug)).toBeUndefined();
      return;
    }
    const audit = await t.store.repos.organizers.listAudit(s.challengeId);
    if (endpoint.audited) {
      expect(audit).toHaveLength(auditBefore + 1);
      expect(audit[0]?.actor_name).toBe(actor?.displayName);
    } else {
      expect(audit).toHaveLength(auditBefore);
    }
  });

  describe('a draft, for people who do not organize it', () => {
    let draft: Scene;
    let draftEntryId: number;
    let missingDetail: string;

    beforeAll(async () => {
      draft = await scene(true);
      // An entry cannot reach a draft through the API; put one there to reach its moderation route.
      draftEntryId = (
        await insertEntryWith(t.store, {
          challengeId: draft.challengeId,
          userId: users.writer.user.id,
          title: 'Too Early',
        })
      ).id;
      const missing = await request(t.app)
        .get('/api/challenges/no-such-challenge/dashboard')
        .set(as(users.reader.token));
      missingDetail = (missing.body as { detail: string }).detail;
    });

    const roles = ['reader', 'writer'] as const;
    const draftCells = endpoints.flatMap((endpoint) =>
      roles.map((role) => ({ endpoint, role, name: `${endpoint.label} as ${role}: 404` })),
    );

    it.each(draftCells)('$name', async ({ endpoint, role }) => {
      const scene = { ...draft, entryId: draftEntryId };
      const res = await endpoint.send(t.app, scene, as(users[role].token));
      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.body.detail).toBe(missingDetail);
    });
  });
});
