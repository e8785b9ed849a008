import { z } from 'zod';
import {
  CommunityDetailSchema,
  CommunitySummarySchema,
  CreateCommunityRequestSchema,
  PersonRefSchema,
} from '@ficathon/schema';
import { problemResponse, type ApiRouter } from '../http/api-router';
import { idParam, requireAuth } from '../http/params';
import type { CommunityService } from '../services/community.service';

export function registerCommunityRoutes(api: ApiRouter, communities: CommunityService): void {
  const slugOf = (params: Record<string, unknown>) => String(params.slug);

  api.route(
    {
      method: 'get',
      path: '/communities',
      summary: 'Communities, by name',
      tag: 'communities',
      auth: 'public',
      responses: {
        200: {
          description: 'The communities.',
          schema: z.object({ communities: z.array(CommunitySummarySchema) }),
        },
      },
    },
    async (_req, res) => {
      res.json({ communities: await communities.list() });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/communities',
      summary: 'Start a community that hosts a series of challenges',
      tag: 'communities',
      auth: 'session',
      body: CreateCommunityRequestSchema,
      responses: {
        201: { description: 'The community.', schema: CommunityDetailSchema },
        400: problemResponse('A field is invalid.'),
        401: problemResponse('Not signed in.'),
        409: problemResponse('The address is taken.'),
      },
    },
    async (_req, res, input) => {
      res.status(201).json(await communities.create(requireAuth(res.locals.auth), input));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/communities/:slug',
      summary: 'A community with its moderators and challenges, past and current',
      tag: 'communities',
      auth: 'public',
      responses: {
        200: { description: 'The community.', schema: CommunityDetailSchema },
        404: problemResponse('No such community.'),
      },
    },
    async (req, res) => {
      res.json(await communities.get(slugOf(req.params), res.locals.auth));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/communities/:slug/moderators',
      summary: 'Add a moderator (owner only); moderators co-organize the community’s challenges',
      tag: 'communities',
      auth: 'session',
      body: PersonRefSchema,
      responses: {
        201: {
          description: 'The community with its new moderator.',
          schema: CommunityDetailSchema,
        },
        400: problemResponse('Nobody has that pseud or email.'),
        401: problemResponse('Not signed in.'),
        403: problemResponse('Not the community’s owner.'),
        404: problemResponse('No such community.'),
        409: problemResponse('Already a moderator.'),
      },
    },
    async (req, res, input) => {
      res
        .status(201)
        .json(
          await communities.addModerator(
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
      path: '/communities/:slug/moderators/:userId',
      summary: 'Remove a moderator (owner only; never the owner)',
      tag: 'communities',
      auth: 'session',
      responses: {
        204: { description: 'Removed.' },
        401: problemResponse('Not signed in.'),
        403: problemResponse('Not the owner, or removing the owner.'),
        404: problemResponse('No such community or moderator.'),
      },
    },
    async (req, res) => {
      await communities.removeModerator(
        requireAuth(res.locals.auth),
        slugOf(req.params),
        idParam(req, 'userId'),
      );
      res.status(204).end();
    },
  );
}
