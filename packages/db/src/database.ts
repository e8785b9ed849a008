import type {
  AuditLogTable,
  ChallengeOrganizerTable,
  ChallengeTable,
  CommunityModeratorTable,
  CommunityTable,
  DeadlineExtensionTable,
  PromptClaimTable,
  PromptDrawSignupTable,
  PromptTable,
} from './tables/challenge.table';
import type {
  CommentTable,
  EntryRevisionTable,
  EntryRuleExceptionTable,
  EntryTable,
  EntryTagTable,
  KudosTable,
  NotificationTable,
  UserPreferenceTable,
} from './tables/entry.table';
import type {
  BallotTable,
  ChallengeJudgeTable,
  ChallengeResultTable,
  EntryViewTable,
  JudgeScoreTable,
} from './tables/voting.table';
import type { PseudTable } from './tables/pseud.table';
import type { RateLimitTable } from './tables/rate-limit.table';
import type { SessionTable } from './tables/session.table';
import type { UserTable } from './tables/user.table';

/** The Kysely view of the whole schema; `migrations/` is the source of truth for it. */
export interface Database {
  user: UserTable;
  session: SessionTable;
  pseud: PseudTable;
  challenge: ChallengeTable;
  prompt: PromptTable;
  entry: EntryTable;
  entry_revision: EntryRevisionTable;
  rate_limit: RateLimitTable;
  community: CommunityTable;
  community_moderator: CommunityModeratorTable;
  challenge_organizer: ChallengeOrganizerTable;
  prompt_claim: PromptClaimTable;
  prompt_draw_signup: PromptDrawSignupTable;
  deadline_extension: DeadlineExtensionTable;
  audit_log: AuditLogTable;
  entry_rule_exception: EntryRuleExceptionTable;
  entry_tag: EntryTagTable;
  kudos: KudosTable;
  comment: CommentTable;
  notification: NotificationTable;
  user_preference: UserPreferenceTable;
  ballot: BallotTable;
  challenge_judge: ChallengeJudgeTable;
  judge_score: JudgeScoreTable;
  entry_view: EntryViewTable;
  challenge_result: ChallengeResultTable;
}
