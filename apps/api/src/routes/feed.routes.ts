import { problemResponse, type ApiRouter } from '../http/api-router';
import type { FeedService } from '../services/feed.service';

const ATOM = 'application/atom+xml; charset=utf-8';

export function registerFeedRoutes(api: ApiRouter, feeds: FeedService): void {
  const slugOf = (params: Record<string, unknown>) => String(params.slug);
  const atom = { description: 'An Atom feed.', contentType: 'application/atom+xml' };

  api.route(
    {
      method: 'get',
      path: '/feeds/challenges.atom',
      summary: 'New challenges (Atom)',
      tag: 'feeds',
      auth: 'public',
      responses: { 200: atom },
    },
    async (_req, res) => {
      res.type(ATOM).send(await feeds.challengesFeed());
    },
  );
  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/feed.atom',
      summary: 'A challenge’s new entries: header and summary only (Atom)',
      tag: 'feeds',
      auth: 'public',
      responses: { 200: atom, 404: problemResponse('No such challenge.') },
    },
    async (req, res) => {
      res.type(ATOM).send(await feeds.entriesFeed(slugOf(req.params), res.locals.auth));
    },
  );
  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/results.atom',
      summary: 'A challenge’s results, once published (Atom)',
      tag: 'feeds',
      auth: 'public',
      responses: { 200: atom, 404: problemResponse('No such challenge.') },
    },
    async (req, res) => {
      res.type(ATOM).send(await feeds.resultsFeed(slugOf(req.params)));
    },
  );
}
