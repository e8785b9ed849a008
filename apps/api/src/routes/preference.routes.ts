import { ReaderPreferencesSchema } from '@ficathon/schema';
import { problemResponse, type ApiRouter } from '../http/api-router';
import { requireAuth } from '../http/params';
import type { BrowseService } from '../services/browse.service';

export function registerPreferenceRoutes(api: ApiRouter, browse: BrowseService): void {
  api.route(
    {
      method: 'get',
      path: '/me/preferences',
      summary: 'Your reading preferences: the adult-content gate and content filters',
      tag: 'account',
      auth: 'session',
      responses: {
        200: { description: 'Your preferences.', schema: ReaderPreferencesSchema },
        401: problemResponse('Not signed in.'),
      },
    },
    async (_req, res) => {
      res.json(await browse.preferences(requireAuth(res.locals.auth)));
    },
  );

  api.route(
    {
      method: 'put',
      path: '/me/preferences',
      summary: 'Change your reading preferences (they apply to lists, search and feeds)',
      tag: 'account',
      auth: 'session',
      body: ReaderPreferencesSchema,
      responses: {
        200: { description: 'Your preferences.', schema: ReaderPreferencesSchema },
        400: problemResponse('A value is invalid.'),
        401: problemResponse('Not signed in.'),
      },
    },
    async (_req, res, input) => {
      res.json(await browse.savePreferences(requireAuth(res.locals.auth), input));
    },
  );
}
