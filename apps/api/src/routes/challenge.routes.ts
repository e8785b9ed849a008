import {
  ChallengeDetailSchema,
  ChallengeListResponseSchema,
  ProblemSchema,
} from '@ficathon/schema';
import type { ApiRouter } from '../http/api-router';
import type { Viewer } from '../serializers/challenge.serializer';
import type { ChallengeService } from '../services/challenge.service';

export function registerChallengeRoutes(api: ApiRouter, challenges: ChallengeService): void {
  const viewerOf = (auth: Express.Locals['auth']): Viewer => ({ userId: auth?.user.id ?? null });

  api.route(
    {
      method: 'get',
      path: '/challenges',
      summary: 'Challenges you can see, newest first',
      tag: 'challenges',
      auth: 'public',
      responses: { 200: { description: 'The challenges.', schema: ChallengeListResponseSchema } },
    },
    async (_req, res) => {
      res.json({ challenges: await challenges.listChallenges(viewerOf(res.locals.auth)) });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug',
      summary: 'One challenge with its prompts and visible entries',
      tag: 'challenges',
      auth: 'public',
      responses: {
        200: { description: 'The challenge.', schema: ChallengeDetailSchema },
        404: { description: 'No such challenge (or not announced yet).', schema: ProblemSchema },
      },
    },
    async (req, res) => {
      const slug = String(req.params.slug);
      res.json(await challenges.getChallenge(slug, viewerOf(res.locals.auth)));
    },
  );
}
