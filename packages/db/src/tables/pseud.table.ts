import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Flag, Timestamp } from './user.table';

export interface PseudTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** Lower-cased name: a user cannot hold two pseuds that differ only in case. */
  name_key: string;
  is_default: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: ColumnType<Timestamp, Timestamp, never>;
}
export type PseudRow = Selectable<PseudTable>;
export type NewPseudRow = Insertable<PseudTable>;
