import { ChallengeRepository } from './challenge.repository';
import { EntryBrowseRepository } from './entry-browse.repository';
import { EntryRepository } from './entry.repository';
import type { Executor } from './executor';
import { FeedbackRepository } from './feedback.repository';
import { OrganizerRepository } from './organizer.repository';
import { PreferenceRepository } from './preference.repository';
import { PromptRepository } from './prompt.repository';
import { PseudRepository } from './pseud.repository';
import { RateLimitRepository } from './rate-limit.repository';
import { SessionRepository } from './session.repository';
import { UserRepository } from './user.repository';
import { VotingRepository } from './voting.repository';

/** Every repository, bound to one executor (the database, or one transaction). */
export function createRepositories(db: Executor) {
  return {
    challenges: new ChallengeRepository(db),
    entries: new EntryRepository(db),
    browse: new EntryBrowseRepository(db),
    feedback: new FeedbackRepository(db),
    organizers: new OrganizerRepository(db),
    preferences: new PreferenceRepository(db),
    prompts: new PromptRepository(db),
    pseuds: new PseudRepository(db),
    rateLimits: new RateLimitRepository(db),
    sessions: new SessionRepository(db),
    users: new UserRepository(db),
    voting: new VotingRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

export type { ChallengeListRow } from './challenge.repository';
export type {
  EntryCursor,
  EntryFilter,
  EntrySearch,
  EntrySort,
  FacetDimension,
  SearchDocument,
} from './entry-browse.repository';
export type { EntryListRow } from './entry.repository';
export type { CommentListRow } from './feedback.repository';
export type { Executor } from './executor';
export type { OrganizerListRow } from './organizer.repository';
export type { StoredPreferences } from './preference.repository';
export type { PromptListRow } from './prompt.repository';
export type { RateLimitHit } from './rate-limit.repository';
export type { SessionWithUser } from './session.repository';
export {
  ChallengeRepository,
  EntryRepository,
  OrganizerRepository,
  PromptRepository,
  PseudRepository,
  RateLimitRepository,
  SessionRepository,
  UserRepository,
};
