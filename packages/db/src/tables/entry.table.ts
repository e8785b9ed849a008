import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Timestamp } from './user.table';

export type EntryStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';
export type StoredRating = 'general' | 'teen' | 'mature' | 'explicit' | 'not_rated';

export interface EntryTable {
  id: Generated<number>;
  challenge_id: number;
  prompt_id: number | null;
  user_id: number;
  pseud_id: number;
  status: EntryStatus;
  title: string;
  /** The rating exactly as the writer typed it, and its value on the one normalized scale. */
  rating_raw: string | null;
  rating: StoredRating;
  summary: string | null;
  /** Every header field as JSON (see HEADERS.md); nothing the writer typed is dropped. */
  header_json: string;
  body: string;
  body_format: 'text' | 'markdown';
  word_count: number;
  submitted_at: Timestamp | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
  /** The organizers' reason for a rejection or a request for changes; shown to the writer. */
  moderation_note: ColumnType<string | null, string | null | undefined, string | null>;
}
export type EntryRow = Selectable<EntryTable>;
export type NewEntryRow = Insertable<EntryTable>;

/** Every saved version of an entry; never updated or deleted. */
export interface EntryRevisionTable {
  id: Generated<number>;
  entry_id: number;
  title: string;
  header_json: string;
  body: string;
  body_format: 'text' | 'markdown';
  word_count: number;
  created_at: ColumnType<Timestamp, Timestamp, never>;
}
export type NewEntryRevisionRow = Insertable<EntryRevisionTable>;
export type EntryRevisionRow = Selectable<EntryRevisionTable>;
export type EntryRowUpdate = Updateable<EntryTable>;

export interface EntryRuleExceptionTable {
  entry_id: number;
  rule: string;
  granted_by: number | null;
  created_at: Timestamp;
}
