import { sql } from 'kysely';
import type { Timestamp } from '../tables/user.table';
import type { Executor } from './executor';

export interface RateLimitHit {
  hits: number;
  resetAt: Timestamp;
}

export class RateLimitRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Counts one hit for `key` in a fixed window, atomically: one upsert, so concurrent requests in
   * several processes never lose a hit. A window that has ended starts over at 1.
   */
  async hit(key: string, now: Timestamp, nextResetAt: Timestamp): Promise<RateLimitHit> {
    const row = await this.db
      .insertInto('rate_limit')
      .values({ key, hits: 1, reset_at: nextResetAt })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql<number>`case when rate_limit.reset_at <= ${now} then 1 else rate_limit.hits + 1 end`,
          reset_at: sql<string>`case when rate_limit.reset_at <= ${now} then excluded.reset_at else rate_limit.reset_at end`,
        }),
      )
      .returning(['hits', 'reset_at'])
      .executeTakeFirstOrThrow();
    return { hits: Number(row.hits), resetAt: row.reset_at };
  }

  async decrement(key: string): Promise<void> {
    await this.db
      .updateTable('rate_limit')
      .set({ hits: sql<number>`case when hits > 0 then hits - 1 else 0 end` })
      .where('key', '=', key)
      .execute();
  }

  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limit').where('key', '=', key).execute();
  }

  async deleteExpired(now: Timestamp): Promise<void> {
    await this.db.deleteFrom('rate_limit').where('reset_at', '<=', now).execute();
  }
}
