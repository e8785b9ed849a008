export { createDb, isPostgresUrl, isUniqueViolation, migrateToLatest, pingDb } from './client';
export type { DbHandle, DbOptions } from './client';
export type { Database } from './database';
export * from './repositories/index';
export { Store } from './store';
export type {
  AuditLogRow,
  ChallengeRow,
  ChallengeRowUpdate,
  CommunityRow,
  DeadlineExtensionRow,
  NewChallengeRow,
  NewPromptRow,
  PromptClaimRow,
  PromptRow,
  PromptRowUpdate,
} from './tables/challenge.table';
export type {
  CommentRow,
  NotificationRow,
  EntryRevisionRow,
  EntryRow,
  EntryRowUpdate,
  EntryStatus,
  NewEntryRow,
  StoredRating,
} from './tables/entry.table';
export type { NewPseudRow, PseudRow } from './tables/pseud.table';
export type { SessionRow } from './tables/session.table';
export type { Flag, NewUserRow, Timestamp, UserRow } from './tables/user.table';
export type { BallotRow, JudgeScoreRow } from './tables/voting.table';
