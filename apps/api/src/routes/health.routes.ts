import { pingDb, type Store } from '@ficathon/db';
import { HealthSchema, ProblemSchema, type Health } from '@ficathon/schema';
import type { ApiRouter } from '../http/api-router';

export function registerHealthRoutes(api: ApiRouter, store: Store): void {
  api.route(
    {
      method: 'get',
      path: '/health',
      summary: 'Liveness and database reachability',
      tag: 'system',
      auth: 'public',
      responses: {
        200: { description: 'The API is up and its database answers.', schema: HealthSchema },
        500: { description: 'The database does not answer.', schema: ProblemSchema },
      },
    },
    async (_req, res) => {
      await pingDb(store.handle.db);
      const health: Health = { status: 'ok', db: store.kind };
      res.json(health);
    },
  );
}
