import type { NewPseudRow, PseudRow } from '../tables/pseud.table';
import type { Executor } from './executor';

export class PseudRepository {
  constructor(private readonly db: Executor) {}

  /** The user's pseuds, default first, then in the order they were made. */
  listByUser(userId: number): Promise<PseudRow[]> {
    return this.db
      .selectFrom('pseud')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('is_default', 'desc')
      .orderBy('id')
      .execute();
  }

  findDefault(userId: number): Promise<PseudRow | undefined> {
    return this.db
      .selectFrom('pseud')
      .selectAll()
      .where('user_id', '=', userId)
      .where('is_default', '=', 1)
      .executeTakeFirst();
  }

  async countByUser(userId: number): Promise<number> {
    const { count } = await this.db
      .selectFrom('pseud')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  /** Every pseud with this name (names are unique per user, not across users). */
  listByNameKey(nameKey: string): Promise<PseudRow[]> {
    return this.db.selectFrom('pseud').selectAll().where('name_key', '=', nameKey).execute();
  }

  insert(row: NewPseudRow): Promise<PseudRow> {
    return this.db.insertInto('pseud').values(row).returningAll().executeTakeFirstOrThrow();
  }
}
