import type { NewUserRow, UserRow } from '../tables/user.table';
import type { Executor } from './executor';

export class UserRepository {
  constructor(private readonly db: Executor) {}

  findById(id: number): Promise<UserRow | undefined> {
    return this.db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** `email` must already be normalized (trimmed, lower-cased). */
  findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('user').selectAll().where('email', '=', email).executeTakeFirst();
  }

  async count(): Promise<number> {
    const { count } = await this.db
      .selectFrom('user')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  insert(row: NewUserRow): Promise<UserRow> {
    return this.db.insertInto('user').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async setAdmin(id: number, isAdmin: boolean): Promise<void> {
    await this.db
      .updateTable('user')
      .set({ is_admin: isAdmin ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  }

  async setPasswordHash(id: number, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('user')
      .set({ password_hash: passwordHash })
      .where('id', '=', id)
      .execute();
  }
}
