import type { ChallengePhase, ChallengeSchedule } from '@ficathon/schema';

/** The schedule fields the phase depends on (all ISO-8601 UTC, or null when not set). */
export type PhaseSchedule = Pick<
  ChallengeSchedule,
  | 'announcedAt'
  | 'opensAt'
  | 'closesAt'
  | 'votingOpensAt'
  | 'votingClosesAt'
  | 'resultsPublishedAt'
  | 'archivedAt'
>;

/**
 * Where a challenge is in its lifecycle at `now`. Announcing, publishing results and archiving are
 * the organizer's explicit acts (their timestamps are set when they happen); every other move
 * follows from the schedule and the clock, so no job has to run at a deadline.
 */
export function challengePhase(schedule: PhaseSchedule, now: Date): ChallengePhase {
  const reached = (at: string | null): boolean => at !== null && Date.parse(at) <= now.getTime();

  if (reached(schedule.archivedAt)) return 'archived';
  if (reached(schedule.resultsPublishedAt)) return 'results';
  if (!reached(schedule.announcedAt)) return 'draft';
  if (!reached(schedule.opensAt)) return 'announced';
  if (!reached(schedule.closesAt)) return 'open';
  if (reached(schedule.votingOpensAt) && !reached(schedule.votingClosesAt)) return 'voting';
  return 'closed';
}
