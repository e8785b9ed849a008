import type { SessionRow } from '../tables/session.table';
import type { Timestamp, UserRow } from '../tables/user.table';
import type { Executor } from './executor';

export interface SessionWithUser {
  session: SessionRow;
  user: UserRow;
}

export class SessionRepository {
  constructor(private readonly db: Executor) {}

  async insert(row: SessionRow): Promise<void> {
    await this.db.insertInto('session').values(row).execute();
  }

  async findWithUser(id: string): Promise<SessionWithUser | undefined> {
    const row = await this.db
      .selectFrom('session')
      .innerJoin('user', 'user.id', 'session.user_id')
      .select([
        'session.id as session_id',
        'session.user_id',
        'session.created_at as session_created_at',
        'session.expires_at',
        'user.email',
        'user.display_name',
        'user.password_hash',
        'user.is_admin',
        'user.created_at as user_created_at',
      ])
      .where('session.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      session: {
        id: row.session_id,
        user_id: row.user_id,
        created_at: row.session_created_at,
        expires_at: row.expires_at,
      },
      user: {
        id: row.user_id,
        email: row.email,
        display_name: row.display_name,
        password_hash: row.password_hash,
        is_admin: row.is_admin,
        created_at: row.user_created_at,
      },
    };
  }

  async setExpiry(id: string, expiresAt: Timestamp): Promise<void> {
    await this.db
      .updateTable('session')
      .set({ expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('session').where('id', '=', id).execute();
  }

  async deleteAllForUser(userId: number): Promise<void> {
    await this.db.deleteFrom('session').where('user_id', '=', userId).execute();
  }

  async deleteExpired(now: Timestamp): Promise<number> {
    const result = await this.db
      .deleteFrom('session')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
