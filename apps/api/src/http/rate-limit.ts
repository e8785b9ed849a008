import {
  rateLimit,
  type AugmentedRequest,
  type Options,
  type Store as RateLimitStore,
} from 'express-rate-limit';
import type { RateLimitRepository } from '@ficathon/db';
import { AppError } from './app-error';

export interface RateLimitRule {
  /** Requests allowed per window and client. */
  limit: number;
  windowMs: number;
}

export interface RateLimitRules {
  login: RateLimitRule;
  signup: RateLimitRule;
  kudos: RateLimitRule;
  comments: RateLimitRule;
  ballots: RateLimitRule;
}

export const DEFAULT_RATE_LIMITS: RateLimitRules = {
  // Failed attempts only (successful sign-ins are not counted): enough for typos, not for guessing.
  login: { limit: 10, windowMs: 15 * 60_000 },
  signup: { limit: 5, windowMs: 60 * 60_000 },
  // Generous for a reader going through a whole challenge, not for a script.
  kudos: { limit: 120, windowMs: 60 * 60_000 },
  comments: { limit: 20, windowMs: 10 * 60_000 },
  // Voters change their minds; scripts flood. A few hundred casts an hour is the line.
  ballots: { limit: 300, windowMs: 60 * 60_000 },
};

/**
 * Keeps counters in the database instead of process memory, so every API process behind a load
 * balancer enforces the same limit (DESIGN.md: no state in memory between requests).
 */
class DatabaseStore implements RateLimitStore {
  private windowMs = 60_000;
  // Counters live in the shared database, not in this process.
  readonly localKeys = false;

  constructor(
    readonly prefix: string,
    private readonly repo: RateLimitRepository,
    private readonly clock: () => Date,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string) {
    const now = this.clock();
    const next = new Date(now.getTime() + this.windowMs).toISOString();
    const { hits, resetAt } = await this.repo.hit(this.prefix + key, now.toISOString(), next);
    // express-rate-limit compares resetTime with the wall clock (to decide whether a successful
    // login is given back, and for headers), so report the time left relative to Date.now().
    const remainingMs = Date.parse(resetAt) - now.getTime();
    return { totalHits: hits, resetTime: new Date(Date.now() + remainingMs) };
  }

  decrement(key: string): Promise<void> {
    return this.repo.decrement(this.prefix + key);
  }

  resetKey(key: string): Promise<void> {
    return this.repo.reset(this.prefix + key);
  }
}

/** A limiter that answers 429 problem+json with Retry-After once a client exceeds the rule. */
export function createRateLimiter(
  name: string,
  rule: RateLimitRule,
  repo: RateLimitRepository,
  clock: () => Date,
  options: { skipSuccessfulRequests?: boolean } = {},
) {
  return rateLimit({
    windowMs: rule.windowMs,
    limit: rule.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: options.skipSuccessfulRequests ?? false,
    store: new DatabaseStore(`${name}:`, repo, clock),
    handler: (req, res, next) => {
      const resetTime = (req as AugmentedRequest).rateLimit?.resetTime;
      const seconds = resetTime
        ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000))
        : Math.ceil(rule.windowMs / 1000);
      res.setHeader('Retry-After', String(seconds));
      const minutes = Math.ceil(seconds / 60);
      next(
        new AppError(
          429,
          'RATE_LIMITED',
          `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        ),
      );
    },
  });
}
