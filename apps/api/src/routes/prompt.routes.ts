import { z } from 'zod';
import {
  DrawOutcomeSchema,
  DrawRequestSchema,
  ImportPromptsRequestSchema,
  ModerationQueueItemSchema,
  ModerationRequestSchema,
  PromptInputSchema,
  PromptSchema,
  ReorderPromptsRequestSchema,
} from '@ficathon/schema';
import { problemResponse, type ApiRouter } from '../http/api-router';
import { idParam, requireAuth } from '../http/params';
import type { ModerationService } from '../services/moderation.service';
import type { PromptService } from '../services/prompt.service';

const PromptListSchema = z.object({ prompts: z.array(PromptSchema) });
const organizerErrors = {
  401: problemResponse('Not signed in.'),
  403: problemResponse('Not an organizer of this challenge.'),
  404: problemResponse('No such challenge or prompt.'),
  409: problemResponse('Not allowed in the current phase.'),
};
const writerErrors = {
  401: problemResponse('Not signed in.'),
  404: problemResponse('No such challenge or prompt.'),
  409: problemResponse('Not allowed in the current phase, or the prompt is full.'),
};

export function registerPromptRoutes(
  api: ApiRouter,
  services: { prompts: PromptService; moderation: ModerationService },
): void {
  const { prompts, moderation } = services;
  const slugOf = (params: Record<string, unknown>) => String(params.slug);

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/prompts',
      summary: 'The prompt set, in order, with claim counts',
      tag: 'prompts',
      auth: 'public',
      responses: {
        200: { description: 'The prompts.', schema: PromptListSchema },
        404: problemResponse('No such challenge.'),
      },
    },
    async (req, res) => {
      res.json({ prompts: await prompts.list(slugOf(req.params), res.locals.auth) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/challenges/:slug/prompts',
      summary: 'Add a prompt at the end of the set',
      tag: 'prompts',
      auth: 'session',
      body: PromptInputSchema,
      responses: {
        201: { description: 'The prompt.', schema: PromptSchema },
        400: problemResponse('A field is invalid.'),
        ...organizerErrors,
      },
    },
    async (req, res, input) => {
      res
        .status(201)
        .json(await prompts.add(requireAuth(res.locals.auth), slugOf(req.params), input));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/challenges/:slug/prompts/reorder',
      summary: 'Put the prompts in a new order',
      tag: 'prompts',
      auth: 'session',
      body: ReorderPromptsRequestSchema,
      responses: {
        200: { description: 'The prompts in their new order.', schema: PromptListSchema },
        400: problemResponse('The list does not name every prompt once.'),
        ...organizerErrors,
      },
    },
    async (req, res, input) => {
      res.json({
        prompts: await prompts.reorder(
          requireAuth(res.locals.auth),
          slugOf(req.params),
          input.promptIds,
        ),
      });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/challenges/:slug/prompts/import',
      summary: 'Add prompts from pasted blocks or CSV (all or nothing)',
      tag: 'prompts',
      auth: 'session',
      body: ImportPromptsRequestSchema,
      responses: {
        201: { description: 'The prompts added.', schema: PromptListSchema },
        400: problemResponse(
          'Some prompts could not be read; each problem names its block or row.',
        ),
        ...organizerErrors,
      },
    },
    async (req, res, input) => {
      res.status(201).json({
        prompts: await prompts.import(requireAuth(res.locals.auth), slugOf(req.params), input),
      });
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/challenges/:slug/prompts/:promptId',
      summary: 'Replace a prompt’s fields',
      tag: 'prompts',
      auth: 'session',
      body: PromptInputSchema,
      responses: {
        200: { description: 'The prompt.', schema: PromptSchema },
        400: problemResponse('A field is invalid.'),
        ...organizerErrors,
      },
    },
    async (req, res, input) => {
      res.json(
        await prompts.update(
          requireAuth(res.locals.auth),
          slugOf(req.params),
          idParam(req, 'promptId'),
          input,
        ),
      );
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/challenges/:slug/prompts/:promptId',
      summary: 'Remove a prompt',
      tag: 'prompts',
      auth: 'session',
      responses: { 204: { description: 'Removed.' }, ...organizerErrors },
    },
    async (req, res) => {
      await prompts.remove(
        requireAuth(res.locals.auth),
        slugOf(req.params),
        idParam(req, 'promptId'),
      );
      res.status(204).end();
    },
  );

  api.route(
    {
      method: 'post',
      path: '/challenges/:slug/prompts/:promptId/claim',
      summary: 'Claim a prompt to write for',
      tag: 'prompts',
      auth: 'session',
      responses: {
        201: { description: 'The prompt, now claimed by you.', schema: PromptSchema },
        ...writerErrors,
      },
    },
    async (req, res) => {
      res
        .status(201)
        .json(
          await prompts.claim(
            requireAuth(res.locals.auth),
            slugOf(req.params),
            idParam(req, 'promptId'),
          ),
        );
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/challenges/:slug/prompts/:promptId/claim',
      summary: 'Give up your claim on a prompt',
      tag: 'prompts',
      auth: 'session',
      responses: { 204: { description: 'Released.' }, ...writerErrors },
    },
    async (req, res) => {
      await prompts.unclaim(
        requireAuth(res.locals.auth),
        slugOf(req.params),
        idParam(req, 'promptId'),
      );
      res.status(204).end();
    },
  );

  for (const [method, join] of [
    ['post', true],
    ['delete', false],
  ] as const) {
    api.route(
      {
        method,
        path: '/challenges/:slug/draw/signup',
        summary: join ? 'Sign up for the prompt draw' : 'Leave the prompt draw',
        tag: 'prompts',
        auth: 'session',
        responses: { 204: { description: join ? 'Signed up.' : 'Left.' }, ...writerErrors },
      },
      async (req, res) => {
        await prompts.signUpForDraw(requireAuth(res.locals.auth), slugOf(req.params), join);
        res.status(204).end();
      },
    );
  }

  api.route(
    {
      method: 'post',
      path: '/challenges/:slug/draw',
      summary: 'Draw a distinct prompt for each signed-up writer, from a published seed',
      tag: 'prompts',
      auth: 'session',
      body: DrawRequestSchema,
      responses: {
        200: {
          description: 'The draw: seed, assignments and writers left without a prompt.',
          schema: DrawOutcomeSchema,
        },
        ...organizerErrors,
      },
    },
    async (req, res, input) => {
      res.json(await prompts.draw(requireAuth(res.locals.auth), slugOf(req.params), input.seed));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/moderation',
      summary: 'Entries waiting for a moderation decision',
      tag: 'moderation',
      auth: 'session',
      responses: {
        200: {
          description: 'The queue.',
          schema: z.object({ entries: z.array(ModerationQueueItemSchema) }),
        },
        ...organizerErrors,
      },
    },
    async (req, res) => {
      res.json({
        entries: await moderation.queue(requireAuth(res.locals.auth), slugOf(req.params)),
      });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/entries/:entryId/moderation',
      summary: 'Approve, reject, ask for changes to, or disqualify an entry',
      tag: 'moderation',
      auth: 'session',
      body: ModerationRequestSchema,
      responses: {
        200: { description: 'The entry after the decision.', schema: ModerationQueueItemSchema },
        400: problemResponse('A reason is missing.'),
        ...organizerErrors,
      },
    },
    async (req, res, input) => {
      res.json(
        await moderation.moderate(requireAuth(res.locals.auth), idParam(req, 'entryId'), input),
      );
    },
  );
}
