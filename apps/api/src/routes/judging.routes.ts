import { z } from 'zod';
import { JudgeScoreRequestSchema, PersonRefSchema, RubricCriterionSchema } from '@ficathon/schema';
import { problemResponse, type ApiRouter } from '../http/api-router';
import { idParam, requireAuth } from '../http/params';
import type { JudgingService } from '../services/judging.service';

const JudgeListSchema = z.object({
  judges: z.array(z.object({ userId: z.number().int(), name: z.string() })),
});
const JudgingSheetSchema = z.object({
  rubric: z.array(RubricCriterionSchema),
  entries: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      wordCount: z.number().int(),
      scores: z.record(z.string(), z.number()).nullable(),
      comment: z.string().nullable(),
    }),
  ),
});
const organizerErrors = {
  401: problemResponse('Not signed in.'),
  403: problemResponse('Not an organizer.'),
  404: problemResponse('No such challenge.'),
};

export function registerJudgingRoutes(api: ApiRouter, judging: JudgingService): void {
  const slugOf = (params: Record<string, unknown>) => String(params.slug);

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/judges',
      summary: 'The judges',
      tag: 'judging',
      auth: 'session',
      responses: {
        200: { description: 'The judges.', schema: JudgeListSchema },
        ...organizerErrors,
      },
    },
    async (req, res) => {
      res.json({
        judges: await judging.listJudges(requireAuth(res.locals.auth), slugOf(req.params)),
      });
    },
  );
  api.route(
    {
      method: 'post',
      path: '/challenges/:slug/judges',
      summary: 'Appoint a judge by pseud or email',
      tag: 'judging',
      auth: 'session',
      body: PersonRefSchema,
      responses: {
        201: { description: 'The judges.', schema: JudgeListSchema },
        400: problemResponse('Nobody has that pseud or email.'),
        ...organizerErrors,
      },
    },
    async (req, res, input) => {
      res.status(201).json({
        judges: await judging.addJudge(
          requireAuth(res.locals.auth),
          slugOf(req.params),
          input.person,
        ),
      });
    },
  );
  api.route(
    {
      method: 'delete',
      path: '/challenges/:slug/judges/:userId',
      summary: 'Remove a judge',
      tag: 'judging',
      auth: 'session',
      responses: { 204: { description: 'Removed.' }, ...organizerErrors },
    },
    async (req, res) => {
      await judging.removeJudge(
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
      path: '/challenges/:slug/judging',
      summary: 'Your judging sheet: the rubric and every entry with your scores',
      tag: 'judging',
      auth: 'session',
      responses: {
        200: { description: 'The sheet.', schema: JudgingSheetSchema },
        401: problemResponse('Not signed in.'),
        403: problemResponse('Not a judge.'),
        404: problemResponse('No such challenge.'),
      },
    },
    async (req, res) => {
      res.json(await judging.sheet(requireAuth(res.locals.auth), slugOf(req.params)));
    },
  );
  api.route(
    {
      method: 'put',
      path: '/challenges/:slug/judging/:entryId',
      summary: 'Score one entry on every criterion, with an optional comment for the writer',
      tag: 'judging',
      auth: 'session',
      body: JudgeScoreRequestSchema,
      responses: {
        200: { description: 'The sheet.', schema: JudgingSheetSchema },
        400: problemResponse('A score is missing or off its scale (named).'),
        401: problemResponse('Not signed in.'),
        403: problemResponse('Not a judge.'),
        404: problemResponse('No such entry.'),
        409: problemResponse('Judging happens after submissions close.'),
        422: problemResponse('Your own entry.'),
      },
    },
    async (req, res, input) => {
      res.json(
        await judging.score(
          requireAuth(res.locals.auth),
          slugOf(req.params),
          idParam(req, 'entryId'),
          input,
        ),
      );
    },
  );
}
