import type { ColumnType, Selectable } from 'kysely';
import type { Timestamp } from './user.table';

export interface SessionTable {
  /** SHA-256 of the session token, hex. The token itself is never stored. */
  id: string;
  user_id: number;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  expires_at: Timestamp;
}
export type SessionRow = Selectable<SessionTable>;
