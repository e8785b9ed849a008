import type { Kysely } from 'kysely';
import type { Database } from '../database';

/** A database handle or an open transaction: repositories work the same on either. */
export type Executor = Kysely<Database>;
