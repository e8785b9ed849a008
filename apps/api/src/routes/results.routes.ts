import { renderAwardBanner } from '@ficathon/core';
import { ResultsSchema } from '@ficathon/schema';
import { problemResponse, type ApiRouter } from '../http/api-router';
import { AppError } from '../http/app-error';
import { idParam, requireAuth } from '../http/params';
import type { ResultsService } from '../services/results.service';

const organizerErrors = {
  401: problemResponse('Not signed in.'),
  403: problemResponse('Not an organizer.'),
  404: problemResponse('No such challenge.'),
};

export function registerResultsRoutes(api: ApiRouter, results: ResultsService): void {
  const slugOf = (params: Record<string, unknown>) => String(params.slug);

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/results',
      summary: 'The published results (404 before publication)',
      tag: 'results',
      auth: 'public',
      responses: {
        200: { description: 'The results as published.', schema: ResultsSchema },
        404: problemResponse('Not published (or no such challenge).'),
      },
    },
    async (req, res) => {
      res.json(await results.results(res.locals.auth, slugOf(req.params)));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/results/preview',
      summary: 'Exactly what publishing would make public (organizers; not while voting is open)',
      tag: 'results',
      auth: 'session',
      responses: {
        200: { description: 'The results as they would be published.', schema: ResultsSchema },
        ...organizerErrors,
        409: problemResponse(
          'Voting is still open (totals are hidden), or submissions have not closed.',
        ),
      },
    },
    async (req, res) => {
      res.json(await results.preview(requireAuth(res.locals.auth), slugOf(req.params)));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/challenges/:slug/results/publish',
      summary: 'Publish the results: freeze the count, reveal authors, notify writers and voters',
      tag: 'results',
      auth: 'session',
      responses: {
        200: { description: 'The results as published.', schema: ResultsSchema },
        ...organizerErrors,
        409: problemResponse('Voting still open, or already published.'),
      },
    },
    async (req, res) => {
      res.json(await results.publish(requireAuth(res.locals.auth), slugOf(req.params)));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/challenges/:slug/results/awards/:entryId.svg',
      summary: 'An award banner (SVG) for a placed entry, to embed anywhere',
      tag: 'results',
      auth: 'public',
      responses: {
        200: { description: 'The banner.', contentType: 'image/svg+xml' },
        404: problemResponse('Not published, or the entry did not place.'),
      },
    },
    async (req, res) => {
      const published = await results.results(res.locals.auth, slugOf(req.params));
      const entryId = idParam(req, 'entryId');
      // The best place the entry took in any category (the first category on a tie).
      const award = published.categories
        .flatMap((category) =>
          category.placings
            .filter((p) => p.entryId === entryId && p.place !== null && p.place <= 3)
            .map((p) => ({ category, placing: p })),
        )
        .sort((a, b) => a.placing.place! - b.placing.place!)[0];
      if (!award) throw AppError.notFound('This entry did not place in the top three.');
      res
        .type('image/svg+xml')
        // The banner is a picture to embed elsewhere: it may be framed, but never runs anything.
        .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
        .set('Cross-Origin-Resource-Policy', 'cross-origin')
        .send(
          renderAwardBanner({
            place: award.placing.place!,
            category: award.category.name,
            challenge: published.challenge.title,
            entry: award.placing.title,
          }),
        );
    },
  );
}
