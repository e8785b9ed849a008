import type { Express } from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { Store, type DbHandle } from '@ficathon/db';
import { createTestDb, testDatabaseKinds } from '@ficathon/db/testing';
import type { DatabaseKind } from '@ficathon/schema';
import { createApp, type AppDeps } from '../../src/app';
import type { RateLimitRules } from '../../src/http/rate-limit';

export { testDatabaseKinds };

/** The public origin of the site in every test app: unsafe cookie requests must come from it. */
export const SITE_ORIGIN = 'http://localhost:3000';

/** Limits no ordinary test reaches; rate-limit tests build an app with their own. */
export const HIGH_RATE_LIMITS: RateLimitRules = {
  kudos: { limit: 1000, windowMs: 60_000 },
  comments: { limit: 1000, windowMs: 60_000 },
  ballots: { limit: 100_000, windowMs: 60_000 },
  login: { limit: 1000, windowMs: 60_000 },
  signup: { limit: 1000, windowMs: 60_000 },
};

export type AppOverrides = Partial<Omit<AppDeps, 'store' | 'logger'>>;

/** The API as main.ts builds it, on the given store, with silent logs and test-friendly limits. */
export function buildTestApp(store: Store, overrides: AppOverrides = {}): Express {
  return createApp({
    store,
    logger: pino({ level: 'silent' }),
    origins: [SITE_ORIGIN],
    rateLimits: HIGH_RATE_LIMITS,
    ...overrides,
  });
}

export interface TestApp {
  readonly kind: DatabaseKind;
  /** The fresh, migrated database of this describe block. */
  readonly store: Store;
  readonly handle: DbHandle;
  /** The app built with the describe block's overrides. */
  readonly app: Express;
  /** Another app on the same database, e.g. with a fake clock or tighter limits. */
  buildApp(overrides?: AppOverrides): Express;
}

/**
 * Gives the calling describe block a brand-new database of `kind` (made in beforeAll, removed in
 * afterAll) and an app on it. Read the fields inside hooks and tests, not at collection time.
 */
export function useTestApp(kind: DatabaseKind, overrides: AppOverrides = {}): TestApp {
  let state: { handle: DbHandle; store: Store; app: Express } | undefined;
  const ready = () => {
    if (!state) throw new Error('useTestApp: the database is made in beforeAll; use it in a test');
    return state;
  };

  beforeAll(async () => {
    const handle = await createTestDb(kind);
    const store = new Store(handle);
    state = { handle, store, app: buildTestApp(store, overrides) };
  });
  afterAll(async () => {
    await state?.handle.close();
    state = undefined;
  });

  return {
    kind,
    get store() {
      return ready().store;
    },
    get handle() {
      return ready().handle;
    },
    get app() {
      return ready().app;
    },
    buildApp: (more = {}) => buildTestApp(ready().store, { ...overrides, ...more }),
  };
}

/** A clock the test moves by hand; pass `clock.now` as the app's `clock`. */
export class FakeClock {
  private ms: number;

  constructor(start: Date = new Date()) {
    this.ms = start.getTime();
  }

  readonly now = (): Date => new Date(this.ms);

  advance(ms: number): void {
    this.ms += ms;
  }

  advanceDays(days: number): void {
    this.advance(days * DAY_MS);
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000;
