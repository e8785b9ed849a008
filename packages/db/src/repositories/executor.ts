import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../database';

/** A database handle or an open transaction: repositories work the same on either. */
export type Executor = Kysely<Database>;

/**
 * Whether `select ... for update` is needed (and understood). PostgreSQL runs transactions side
 * by side, so a read-then-write use case must lock the row it decides on. Our SQLite connection
 * runs one transaction at a time, so there is nothing to lock (and SQLite has no FOR UPDATE).
 */
export function needsRowLocks(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
