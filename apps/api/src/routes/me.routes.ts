import { z } from 'zod';
import {
  CreatePseudRequestSchema,
  MeResponseSchema,
  ProblemSchema,
  PseudSchema,
  type MeResponse,
} from '@ficathon/schema';
import type { ApiRouter } from '../http/api-router';
import { requireAuth } from '../http/params';
import { serializeCurrentUser, serializePseud } from '../serializers/user.serializer';
import type { AccountService } from '../services/account.service';

const PseudListSchema = z.object({ pseuds: z.array(PseudSchema) });
const unauthenticated = { description: 'Not signed in.', schema: ProblemSchema };

export function registerMeRoutes(api: ApiRouter, accounts: AccountService): void {
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
      const auth = requireAuth(res.locals.auth);
      const pseuds = await accounts.listPseuds(auth.user.id);
      const body: MeResponse = {
        user: serializeCurrentUser(auth.user),
        pseuds: pseuds.map(serializePseud),
        sessionExpiresAt: auth.session.expires_at,
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
      const pseuds = await accounts.listPseuds(requireAuth(res.locals.auth).user.id);
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
      const pseud = await accounts.createPseud(requireAuth(res.locals.auth).user.id, input);
      res.status(201).json(serializePseud(pseud));
    },
  );
}
