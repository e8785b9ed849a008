import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../database';

/** A database handle or an open transaction: repositories work the same on either. */
export type Executor = Kysely<Database>;

/** Whether this executor talks to PostgreSQL (else SQLite), for the few dialect-specific queries. */
export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
