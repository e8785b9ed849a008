import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Flag, Timestamp } from './user.table';

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
  /** Kept equal to the number of kudos rows, for sorting by kudos. */
  kudos_count: ColumnType<number, number | undefined, number>;
  /** The title folded for sorting; the repository sets it from `title`. */
  title_key: ColumnType<string, string | undefined, string>;
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

/** One listed header value of an entry (warning, fandom, pairing, character), for filters. */
export interface EntryTagTable {
  entry_id: number;
  kind: string;
  value: string;
  value_key: string;
}

export interface KudosTable {
  entry_id: number;
  user_id: number;
  created_at: Timestamp;
}

export interface CommentTable {
  id: Generated<number>;
  entry_id: number;
  /** The comment this one replies to; replies go one level deep. */
  parent_id: number | null;
  user_id: number;
  pseud_id: number;
  body: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Deleted comments keep their place (replies stay readable) but lose their text. */
  deleted_at: Timestamp | null;
}
export type CommentRow = Selectable<CommentTable>;

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  entry_id: number | null;
  challenge_id: number | null;
  text: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}
export type NotificationRow = Selectable<NotificationTable>;

export interface UserPreferenceTable {
  user_id: number;
  skip_adult_gate: ColumnType<Flag, Flag | undefined, Flag>;
  hidden_ratings_json: ColumnType<string, string | undefined, string>;
  hidden_warnings_json: ColumnType<string, string | undefined, string>;
  hidden_tags_json: ColumnType<string, string | undefined, string>;
  updated_at: Timestamp;
}
export type UserPreferenceRow = Selectable<UserPreferenceTable>;
