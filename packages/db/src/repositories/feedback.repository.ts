import { sql } from 'kysely';
import type { CommentRow, NotificationRow } from '../tables/entry.table';
import type { Executor } from './executor';

export interface CommentListRow extends CommentRow {
  pseud_name: string;
}

/** Kudos, comments and the notification inbox. */
export class FeedbackRepository {
  constructor(private readonly db: Executor) {}

  async hasKudos(entryId: number, userId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('kudos')
      .select('user_id')
      .where('entry_id', '=', entryId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Adds kudos and keeps the entry's count in step, in the caller's transaction. */
  async addKudos(entryId: number, userId: number, now: string): Promise<number> {
    await this.db
      .insertInto('kudos')
      .values({ entry_id: entryId, user_id: userId, created_at: now })
      .execute();
    const row = await this.db
      .updateTable('entry')
      .set({ kudos_count: sql<number>`kudos_count + 1` })
      .where('id', '=', entryId)
      .returning('kudos_count')
      .executeTakeFirstOrThrow();
    return row.kudos_count;
  }

  /** A thread in order: top-level comments oldest first, each followed by its replies. */
  listComments(entryId: number): Promise<CommentListRow[]> {
    return this.db
      .selectFrom('comment')
      .innerJoin('pseud', 'pseud.id', 'comment.pseud_id')
      .selectAll('comment')
      .select('pseud.name as pseud_name')
      .where('comment.entry_id', '=', entryId)
      .orderBy('comment.id')
      .execute();
  }

  findComment(id: number): Promise<CommentRow | undefined> {
    return this.db.selectFrom('comment').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insertComment(row: {
    entry_id: number;
    parent_id: number | null;
    user_id: number;
    pseud_id: number;
    body: string;
    created_at: string;
  }): Promise<CommentRow> {
    return this.db
      .insertInto('comment')
      .values({ ...row, updated_at: row.created_at })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async updateComment(id: number, body: string, now: string): Promise<void> {
    await this.db
      .updateTable('comment')
      .set({ body, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** Deleting keeps the comment's place in the thread, so replies stay readable; the text goes. */
  async deleteComment(id: number, now: string): Promise<void> {
    await this.db
      .updateTable('comment')
      .set({ body: '', deleted_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async notify(row: {
    user_id: number;
    kind: string;
    entry_id: number | null;
    challenge_id: number | null;
    text: string;
    created_at: string;
  }): Promise<void> {
    await this.db.insertInto('notification').values(row).execute();
  }

  /** The newest notifications, with the slug of their challenge for links. */
  listNotifications(
    userId: number,
    limit = 100,
  ): Promise<(NotificationRow & { challenge_slug: string | null })[]> {
    return this.db
      .selectFrom('notification')
      .leftJoin('challenge', 'challenge.id', 'notification.challenge_id')
      .selectAll('notification')
      .select('challenge.slug as challenge_slug')
      .where('notification.user_id', '=', userId)
      .orderBy('notification.id', 'desc')
      .limit(limit)
      .execute();
  }

  async countUnread(userId: number): Promise<number> {
    const { n } = await this.db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Marks the user's notifications read: the given ones, or all. */
  async markRead(userId: number, ids: readonly number[] | null, now: string): Promise<void> {
    let query = this.db
      .updateTable('notification')
      .set({ read_at: now })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (ids !== null) query = query.where('id', 'in', ids.length > 0 ? ids : [-1]);
    await query.execute();
  }
}
