import type { Timestamp } from './user.table';

/** Fixed-window hit counters, kept in the database so every API process shares them. */
export interface RateLimitTable {
  key: string;
  hits: number;
  reset_at: Timestamp;
}
