import { z } from 'zod';
import {
  CreatePseudRequestSchema,
  MeResponseSchema,
  ProblemSchema,
  PseudSchema,
  type MeResponse,
} from '@ficathon/schema';
import type { ApiRouter } from '../http/api-router';
import { AppError } from '../http/app-error';
import { serializeCurrentUser, serializePseud } from '../serializers/user.serializer';
import type { AccountService } from '../services/account.service';

const PseudListSchema = z.object({ pseuds: z.array(PseudSchema) });
const unauthenticated = { description: 'Not signed in.', schema: ProblemSchema };

export function registerMeRoutes(api: ApiRouter, accounts: AccountService): void {
  // `auth: 'session'` has already refused visitors; this narrows the type for the handlers.
  const currentUser = (auth: Express.Locals['auth']) => {
    if (!auth) throw AppError.unauthenticated();
    return auth.user;
  };

  api.route(
    {
      method: 'get',
      path: '/me',
      summary: 'The signed-in user and their pseuds',
      tag: 'account',
      auth: 'session',
      responses: { 200: { description: 'You.', schema: MeResponseSchema }, 401: unauthenticated },
    },
    async (_req, res) => {
      const user = currentUser(res.locals.auth);
      const pseuds = await accounts.listPseuds(user.id);
      const body: MeResponse = {
        user: serializeCurrentUser(user),
        pseuds: pseuds.map(serializePseud),
      };
      res.json(body);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/me/pseuds',
      summary: 'List your pseuds',
      tag: 'account',
      auth: 'session',
      responses: {
        200: { description: 'Your pseuds.', schema: PseudListSchema },
        401: unauthenticated,
      },
    },
    async (_req, res) => {
      const pseuds = await accounts.listPseuds(currentUser(res.locals.auth).id);
      res.json({ pseuds: pseuds.map(serializePseud) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/me/pseuds',
      summary: 'Add a pseud to write under',
      tag: 'account',
      auth: 'session',
      body: CreatePseudRequestSchema,
      responses: {
        201: { description: 'The new pseud.', schema: PseudSchema },
        400: { description: 'The name is missing or too long.', schema: ProblemSchema },
        401: unauthenticated,
        409: { description: 'You already have this pseud, or too many.', schema: ProblemSchema },
      },
    },
    async (_req, res, input) => {
      const pseud = await accounts.createPseud(currentUser(res.locals.auth).id, input);
      res.status(201).json(serializePseud(pseud));
    },
  );
}
