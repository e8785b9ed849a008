import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Timestamps are ISO-8601 UTC strings with milliseconds (`2026-11-21T23:51:00.000Z`) on both
 * dialects: one format sorts and compares correctly as text everywhere, and rows read the same
 * from SQLite and PostgreSQL.
 */
export type Timestamp = string;

/** SQLite has no boolean type, so flags are 0/1 integers on both dialects. */
export type Flag = 0 | 1;

export interface UserTable {
  id: Generated<number>;
  /** Stored lower-cased, so uniqueness is case-insensitive. */
  email: string;
  display_name: string;
  password_hash: string;
  is_admin: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: ColumnType<Timestamp, Timestamp, never>;
}
export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserRowUpdate = Updateable<UserTable>;
