import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Timestamp } from './user.table';

export interface BallotTable {
  id: Generated<number>;
  challenge_id: number;
  /** The category's id within the challenge's voting config. */
  category_id: string;
  voter_id: number;
  /** The ballot as cast (shape depends on the category's method). */
  payload_json: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type BallotRow = Selectable<BallotTable>;

export interface ChallengeJudgeTable {
  challenge_id: number;
  user_id: number;
  created_at: Timestamp;
}

export interface JudgeScoreTable {
  id: Generated<number>;
  challenge_id: number;
  entry_id: number;
  judge_id: number;
  /** Score per rubric criterion id. */
  scores_json: string;
  /** Optional words for the writer, published with the results. */
  comment: string | null;
  updated_at: Timestamp;
}
export type JudgeScoreRow = Selectable<JudgeScoreTable>;

export interface EntryViewTable {
  entry_id: number;
  user_id: number;
  challenge_id: number;
  first_opened_at: Timestamp;
}

export interface ChallengeResultTable {
  challenge_id: number;
  snapshot_json: string;
  published_at: ColumnType<Timestamp, Timestamp, never>;
}
