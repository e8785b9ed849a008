import { z } from 'zod';
import {
  AuditEventSchema,
  ChallengeDetailSchema,
  ChallengeListQuerySchema,
  ChallengeListResponseSchema,
  ChallengeSummarySchema,
  CreateChallengeRequestSchema,
  DashboardSchema,
  ExtensionRequestSchema,
  OrganizerSchema,
  PersonRefSchema,
  RevealPreviewSchema,
  UpdateChallengeRequestSchema,
} from '@ficathon/schema';
import { problemResponse, type ApiRouter } from '../http/api-router';
import { idParam, requireAuth } from '../http/params';
import type { ChallengeService } from '../services/challenge.service';
import type { DashboardService } from '../services/dashboard.service';
import type { OrganizerService } from '../services/organizer.service';

const organizerErrors = {
  401: problemResponse('Not signed in.'),
  403: problemResponse('Not an organizer of this challenge.'),
  404: problemResponse('No such challenge.'),
};

export function registerChallengeRoutes(
  api: ApiRouter,
  services: {
    challenges: ChallengeService;
    organizers: OrganizerService;
    dashboards: DashboardService;
  },
): void {
  const { challenges, organizers, dashboards } = services;
  const slugOf = (params: Record<string, unknown>) => String(params.slug);

  api.route(
    {
      method: 'get',
      path: '/challenges',
      summary: 'Challenges you can see, newest first',
      tag: 'challenges',
      auth: 'public',
      query: ChallengeListQuerySchema,
      responses: {
        200: {
          description: 'The challenges, and how many each shelf holds.',
          schema: ChallengeListResponseSchema,
        },
        400: problemResponse('An unknown shelf or parameter (named).'),
      },
    },
    async (_req, res, _input, query) => {
      res.json(await challenges.browseChallenges(res.locals.auth, query.shelf));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/challenges',
      summary: 'Create a challenge (in draft until announced)',
      tag: 'challenges',
      auth: 'session',
      body: CreateChallengeRequestSchema,
      responses: {
        201: { description: 'The new challenge.', schema: ChallengeDetailSchema },
        400: problemResponse(
          'A field is missing or invalid (schedule out of order, unknown time zone, ...).',
        ),
        401: problemResponse('Not signed in.'),
        409: problemResponse('The address (slug) is taken.'),
      },
    },
    async (_req, res, input) => {
      res.status(201).json(await organizers.create(requireAuth(res.locals.auth), input));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/me/challenges',
      summary: 'Challenges you organize, drafts included',
      tag: 'challenges',
      auth: 'session',
      responses: {
        200: {
          description: 'Your challenges.',
          schema: z.object({ challenges: z.array(ChallengeSummarySchema) }),
        },
        401: problemResponse('Not signed in.'),
      },
    },
    async (_req, res) => {
      res.json({ challenges: await challenges.listOrganizedBy(requireAuth(res.locals.auth)) });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug',
      summary: 'One challenge with its rules, prompts and visible entries',
      tag: 'challenges',
      auth: 'public',
      responses: {
        200: { description: 'The challenge.', schema: ChallengeDetailSchema },
        404: problemResponse('No such challenge (or not announced yet).'),
      },
    },
    async (req, res) => {
      res.json(await challenges.getChallenge(slugOf(req.params), res.locals.auth));
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/challenges/:slug',
      summary: 'Change a challenge’s settings, rules or schedule',
      tag: 'challenges',
      auth: 'session',
      body: UpdateChallengeRequestSchema,
      responses: {
        200: { description: 'The challenge as changed.', schema: ChallengeDetailSchema },
        400: problemResponse('A field is invalid.'),
        ...organizerErrors,
        409: problemResponse('Not allowed in the current phase.'),
      },
    },
    async (req, res, input) => {
      res.json(await organizers.update(requireAuth(res.locals.auth), slugOf(req.params), input));
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/challenges/:slug',
      summary: 'Delete a challenge in draft (owner only)',
      tag: 'challenges',
      auth: 'session',
      responses: {
        204: { description: 'Deleted.' },
        ...organizerErrors,
        409: problemResponse('Only a draft can be deleted.'),
      },
    },
    async (req, res) => {
      await organizers.delete(requireAuth(res.locals.auth), slugOf(req.params));
      res.status(204).end();
    },
  );

  api.route(
    {
      method: 'post',
      path: '/challenges/:slug/announce',
      summary: 'Announce a draft: it becomes public and its schedule starts to run',
      tag: 'challenges',
      auth: 'session',
      responses: {
        200: { description: 'Announced.', schema: ChallengeDetailSchema },
        400: problemResponse(
          'The schedule is incomplete, or a prompt-required challenge has no prompts.',
        ),
        ...organizerErrors,
        409: problemResponse('Not in draft.'),
      },
    },
    async (req, res) => {
      res.json(await organizers.announce(requireAuth(res.locals.auth), slugOf(req.params)));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/challenges/:slug/extensions',
      summary: 'Extend the deadline for everyone, or for one writer',
      tag: 'challenges',
      auth: 'session',
      body: ExtensionRequestSchema,
      responses: {
        200: { description: 'The challenge with the new deadline.', schema: ChallengeDetailSchema },
        400: problemResponse('The date or the person is invalid.'),
        ...organizerErrors,
        409: problemResponse('Not allowed in the current phase.'),
      },
    },
    async (req, res, input) => {
      res.json(await organizers.extend(requireAuth(res.locals.auth), slugOf(req.params), input));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/organizers',
      summary: 'The owner and co-organizers',
      tag: 'organizers',
      auth: 'session',
      responses: {
        200: {
          description: 'The organizers.',
          schema: z.object({ organizers: z.array(OrganizerSchema) }),
        },
        ...organizerErrors,
      },
    },
    async (req, res) => {
      res.json({
        organizers: await organizers.listOrganizers(
          requireAuth(res.locals.auth),
          slugOf(req.params),
        ),
      });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/challenges/:slug/organizers',
      summary: 'Invite a co-organizer by pseud or email',
      tag: 'organizers',
      auth: 'session',
      body: PersonRefSchema,
      responses: {
        201: { description: 'The new co-organizer.', schema: OrganizerSchema },
        400: problemResponse('Nobody has that pseud or email.'),
        ...organizerErrors,
        409: problemResponse('Already an organizer, or the pseud is ambiguous.'),
      },
    },
    async (req, res, input) => {
      res
        .status(201)
        .json(
          await organizers.addOrganizer(
            requireAuth(res.locals.auth),
            slugOf(req.params),
            input.person,
          ),
        );
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/challenges/:slug/organizers/:userId',
      summary: 'Remove a co-organizer (never the owner)',
      tag: 'organizers',
      auth: 'session',
      responses: { 204: { description: 'Removed.' }, ...organizerErrors },
    },
    async (req, res) => {
      await organizers.removeOrganizer(
        requireAuth(res.locals.auth),
        slugOf(req.params),
        idParam(req, 'userId'),
      );
      res.status(204).end();
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/audit',
      summary: 'Every organizer act, newest first',
      tag: 'organizers',
      auth: 'session',
      responses: {
        200: {
          description: 'The audit log.',
          schema: z.object({ events: z.array(AuditEventSchema) }),
        },
        ...organizerErrors,
      },
    },
    async (req, res) => {
      res.json({
        events: await organizers.auditLog(requireAuth(res.locals.auth), slugOf(req.params)),
      });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/dashboard',
      summary:
        'Entries by status, claims, words, late and rule-breaking entries, submissions per day',
      tag: 'organizers',
      auth: 'session',
      responses: {
        200: { description: 'The dashboard.', schema: DashboardSchema },
        ...organizerErrors,
      },
    },
    async (req, res) => {
      res.json(await dashboards.dashboard(requireAuth(res.locals.auth), slugOf(req.params)));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/reveal-preview',
      summary: 'What the reveal will make public (authors of the anonymous entries)',
      tag: 'organizers',
      auth: 'session',
      responses: {
        200: { description: 'The preview.', schema: RevealPreviewSchema },
        ...organizerErrors,
      },
    },
    async (req, res) => {
      res.json(await dashboards.revealPreview(requireAuth(res.locals.auth), slugOf(req.params)));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/export.json',
      summary: 'All entries with their header fields, as JSON',
      tag: 'organizers',
      auth: 'session',
      responses: { 200: { description: 'The entries.' }, ...organizerErrors },
    },
    async (req, res) => {
      const slug = slugOf(req.params);
      const entries = await dashboards.exportEntries(requireAuth(res.locals.auth), slug);
      res.attachment(`${slug}-entries.json`).json({ entries });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/export.csv',
      summary: 'All entries with their header fields, as CSV',
      tag: 'organizers',
      auth: 'session',
      responses: {
        200: { description: 'The entries, one per row.', contentType: 'text/csv' },
        ...organizerErrors,
      },
    },
    async (req, res) => {
      const slug = slugOf(req.params);
      const csv = await dashboards.exportCsv(requireAuth(res.locals.auth), slug);
      res.attachment(`${slug}-entries.csv`).type('text/csv; charset=utf-8').send(csv);
    },
  );
}
