import type { RequestHandler } from 'express';
import { CastBallotRequestSchema, MyBallotsSchema, VotingConfigSchema } from '@ficathon/schema';
import { problemResponse, type ApiRouter } from '../http/api-router';
import { requireAuth } from '../http/params';
import type { VotingService } from '../services/voting.service';

export function registerVotingRoutes(
  api: ApiRouter,
  voting: VotingService,
  limiters: { ballots: RequestHandler },
): void {
  const slugOf = (params: Record<string, unknown>) => String(params.slug);
  const categoryOf = (params: Record<string, unknown>) => String(params.categoryId);

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/voting',
      summary: 'How the challenge votes: categories, methods, eligibility, rubric',
      tag: 'voting',
      auth: 'public',
      responses: {
        200: { description: 'The voting config.', schema: VotingConfigSchema },
        404: problemResponse('No such challenge.'),
      },
    },
    async (req, res) => {
      res.json(await voting.config(res.locals.auth, slugOf(req.params)));
    },
  );

  api.route(
    {
      method: 'put',
      path: '/challenges/:slug/voting',
      summary: 'Set the categories, methods, eligibility and rubric (before voting opens)',
      tag: 'voting',
      auth: 'session',
      body: VotingConfigSchema,
      responses: {
        200: { description: 'The voting config.', schema: VotingConfigSchema },
        400: problemResponse('A field is invalid.'),
        401: problemResponse('Not signed in.'),
        403: problemResponse('Not an organizer.'),
        404: problemResponse('No such challenge.'),
        409: problemResponse('Voting has opened.'),
      },
    },
    async (req, res, input) => {
      res.json(await voting.setConfig(requireAuth(res.locals.auth), slugOf(req.params), input));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/ballots/mine',
      summary: 'Your ballots in this challenge (private to you), and whether you may vote',
      tag: 'voting',
      auth: 'session',
      responses: {
        200: { description: 'Your ballots.', schema: MyBallotsSchema },
        401: problemResponse('Not signed in.'),
        404: problemResponse('No such challenge.'),
      },
    },
    async (req, res) => {
      res.json(await voting.myBallots(requireAuth(res.locals.auth), slugOf(req.params)));
    },
  );

  api.router.put('/challenges/:slug/ballots/:categoryId', limiters.ballots);
  api.route(
    {
      method: 'put',
      path: '/challenges/:slug/ballots/:categoryId',
      summary:
        'Cast or change your ballot in one category (one per voter; editable until voting closes)',
      tag: 'voting',
      auth: 'session',
      body: CastBallotRequestSchema,
      responses: {
        200: { description: 'Your ballots.', schema: MyBallotsSchema },
        400: problemResponse(
          'An entry not in the challenge, a duplicate, a score off the scale, too many approvals (named).',
        ),
        401: problemResponse('Not signed in.'),
        403: problemResponse('Not eligible to vote (with the reason).'),
        404: problemResponse('No such challenge or category.'),
        409: problemResponse('Voting is not open.'),
        422: problemResponse('A vote for your own entry.'),
        429: problemResponse('Too many ballots from this client; see Retry-After.'),
      },
    },
    async (req, res, input) => {
      res.json(
        await voting.cast(
          requireAuth(res.locals.auth),
          slugOf(req.params),
          categoryOf(req.params),
          input,
        ),
      );
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/challenges/:slug/ballots/:categoryId',
      summary: 'Take back your ballot in one category (while voting is open)',
      tag: 'voting',
      auth: 'session',
      responses: {
        204: { description: 'Withdrawn.' },
        401: problemResponse('Not signed in.'),
        404: problemResponse('No such category, or no ballot.'),
        409: problemResponse('Voting is not open.'),
      },
    },
    async (req, res) => {
      await voting.retract(
        requireAuth(res.locals.auth),
        slugOf(req.params),
        categoryOf(req.params),
      );
      res.status(204).end();
    },
  );
}
