import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Flag, Timestamp } from './user.table';

export interface ChallengeTable {
  id: Generated<number>;
  slug: string;
  title: string;
  /** Markdown as the organizer wrote it; rendered only through the sanitizing renderer. */
  description: string;
  owner_id: number;
  /** The pseud the organizer runs the challenge as. */
  organizer_pseud_id: number;
  time_zone: string;
  anonymous: ColumnType<Flag, Flag | undefined, Flag>;
  moderated: ColumnType<Flag, Flag | undefined, Flag>;
  announced_at: Timestamp | null;
  opens_at: Timestamp | null;
  closes_at: Timestamp | null;
  voting_opens_at: Timestamp | null;
  voting_closes_at: Timestamp | null;
  results_published_at: Timestamp | null;
  archived_at: Timestamp | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
}
export type ChallengeRow = Selectable<ChallengeTable>;
export type NewChallengeRow = Insertable<ChallengeTable>;

export interface PromptTable {
  id: Generated<number>;
  challenge_id: number;
  position: number;
  kind: 'lyrics' | 'quote' | 'text' | 'image';
  title: string;
  /** Artist of a song, source of a quote. */
  credit: string | null;
  /** Lyric excerpt or quote, line breaks kept. */
  body: string;
  link: string | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
}
export type PromptRow = Selectable<PromptTable>;
export type NewPromptRow = Insertable<PromptTable>;
