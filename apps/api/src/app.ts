import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Store } from '@ficathon/db';
import { ApiRouter } from './http/api-router';
import { authenticate } from './http/authenticate';
import { createErrorHandler, notFoundHandler } from './http/error-handler';
import './http/locals';
import { createRateLimiter, DEFAULT_RATE_LIMITS, type RateLimitRules } from './http/rate-limit';
import { requestIdOf } from './http/request-id';
import type { Logger } from './logger';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { registerAuthRoutes } from './routes/auth.routes';
import { registerChallengeRoutes } from './routes/challenge.routes';
import { registerCommunityRoutes } from './routes/community.routes';
import { carriesStory, registerEntryRoutes, STORY_BODY_LIMIT } from './routes/entry.routes';
import { registerFeedRoutes } from './routes/feed.routes';
import { registerFeedbackRoutes } from './routes/feedback.routes';
import { registerHealthRoutes } from './routes/health.routes';
import { registerMeRoutes } from './routes/me.routes';
import { registerPreferenceRoutes } from './routes/preference.routes';
import { registerVotingRoutes } from './routes/voting.routes';
import { registerJudgingRoutes } from './routes/judging.routes';
import { registerResultsRoutes } from './routes/results.routes';
import { registerPromptRoutes } from './routes/prompt.routes';
import { AccountService } from './services/account.service';
import { AuthService } from './services/auth.service';
import { BrowseService } from './services/browse.service';
import { ChallengeAccess } from './services/challenge-access';
import { ChallengeService } from './services/challenge.service';
import { CommunityService } from './services/community.service';
import { DashboardService } from './services/dashboard.service';
import { DownloadService } from './services/download.service';
import { FeedService } from './services/feed.service';
import { FeedbackService } from './services/feedback.service';
import { VotingService } from './services/voting.service';
import { JudgingService } from './services/judging.service';
import { ResultsService } from './services/results.service';
import { EntryService } from './services/entry.service';
import { ModerationService } from './services/moderation.service';
import { OrganizerService } from './services/organizer.service';
import { PromptService } from './services/prompt.service';
import { argon2Hasher, type PasswordHasher } from './services/password-hasher';

export interface AppDeps {
  store: Store;
  logger: Logger;
  /** Public origins of the site; unsafe cookie requests from anywhere else are refused. */
  origins: readonly string[];
  bodyLimit?: string;
  trustProxy?: string;
  clock?: () => Date;
  passwords?: PasswordHasher;
  /** Overrides of the default rate limits, rule by rule. */
  rateLimits?: Partial<RateLimitRules>;
}

/** Builds the API (no listening): main.ts serves it, tests drive it with supertest. */
export function createApp(deps: AppDeps): Express {
  const clock = deps.clock ?? (() => new Date());
  const { store, logger } = deps;
  const secureCookies = deps.origins.some((origin) => origin.startsWith('https:'));
  const rateLimits: RateLimitRules = { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits };

  const auth = new AuthService(store, deps.passwords ?? argon2Hasher, clock);
  const accounts = new AccountService(store, clock);
  const access = new ChallengeAccess(store, clock);
  const challenges = new ChallengeService(store, access, clock);
  const organizers = new OrganizerService(store, access, challenges, clock);
  const prompts = new PromptService(store, access, organizers, clock);
  const moderation = new ModerationService(store, access, organizers, clock);
  const dashboards = new DashboardService(store, access, clock);
  const communities = new CommunityService(store, challenges, clock);
  const entries = new EntryService(store, access, organizers, clock);
  const downloads = new DownloadService(entries, store, access);
  const browse = new BrowseService(store, access, clock);
  const feedback = new FeedbackService(store, access, clock);
  const voting = new VotingService(store, access, organizers, clock);
  const judging = new JudgingService(store, access, organizers, clock);
  const results = new ResultsService(store, access, organizers, clock);
  // Links in feeds point at the public site.
  const feeds = new FeedService(store, access, clock, deps.origins[0] ?? 'http://localhost:3000');

  const app = express();
  app.disable('x-powered-by');
  // The web server proxies /api and calls the API for its pages: trust its X-Forwarded-For, so
  // rate limits count real clients rather than the proxy.
  app.set('trust proxy', deps.trustProxy ?? 'loopback');

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = requestIdOf(req);
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customProps: (req) => ({ requestId: req.id }),
    }),
  );
  app.use((req, res, next) => {
    res.locals.requestId = String(req.id);
    next();
  });
  // The API serves JSON only: nothing it returns should ever run or be framed.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
    }),
  );
  app.use(compression());
  // One JSON parser, with a larger limit only where a whole story travels.
  const json = express.json({ limit: deps.bodyLimit ?? '1mb' });
  const storyJson = express.json({ limit: STORY_BODY_LIMIT });
  app.use((req, res, next) =>
    (carriesStory(req.method, req.path) ? storyJson : json)(req, res, next),
  );
  app.use(authenticate(auth, deps.origins, secureCookies));

  const api = new ApiRouter();
  registerHealthRoutes(api, store);
  registerAuthRoutes(api, {
    auth,
    secureCookies,
    limiters: {
      login: createRateLimiter('login', rateLimits.login, store.repos.rateLimits, clock, {
        skipSuccessfulRequests: true,
      }),
      signup: createRateLimiter('signup', rateLimits.signup, store.repos.rateLimits, clock),
    },
  });
  registerMeRoutes(api, accounts);
  registerChallengeRoutes(api, { challenges, organizers, dashboards });
  registerPromptRoutes(api, { prompts, moderation });
  registerCommunityRoutes(api, communities);
  registerEntryRoutes(api, { entries, downloads, browse });
  registerPreferenceRoutes(api, browse);
  registerFeedRoutes(api, feeds);
  registerJudgingRoutes(api, judging);
  registerResultsRoutes(api, results);
  registerVotingRoutes(api, voting, {
    ballots: createRateLimiter('ballots', rateLimits.ballots, store.repos.rateLimits, clock),
  });
  registerFeedbackRoutes(api, feedback, {
    kudos: createRateLimiter('kudos', rateLimits.kudos, store.repos.rateLimits, clock),
    comments: createRateLimiter('comments', rateLimits.comments, store.repos.rateLimits, clock),
  });

  let openApiDocument: ReturnType<typeof buildOpenApiDocument> | undefined;
  api.route(
    {
      method: 'get',
      path: '/openapi.json',
      summary: 'This document: OpenAPI 3.1, generated from the shared zod schemas',
      tag: 'system',
      auth: 'public',
      responses: { 200: { description: 'The OpenAPI document.' } },
    },
    (_req, res) => {
      // Built on first request, once every route (this one included) has been registered.
      openApiDocument ??= buildOpenApiDocument(api.specs);
      res.json(openApiDocument);
    },
  );

  app.use('/api', api.router);
  app.use(notFoundHandler);
  app.use(createErrorHandler(logger));
  return app;
}
