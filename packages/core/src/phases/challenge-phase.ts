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
> & {
  /** Minutes after `closesAt` during which submissions are still quietly accepted. */
  graceMinutes?: number;
};

const MINUTE_MS = 60_000;

const PHASE_ORDER: readonly ChallengePhase[] = [
  'draft',
  'announced',
  'open',
  'closed',
  'voting',
  'results',
  'archived',
];

/** Position of a phase in the lifecycle, for "has it reached X" comparisons. */
export function phaseRank(phase: ChallengePhase): number {
  return PHASE_ORDER.indexOf(phase);
}

const reached = (at: string | null, now: Date): boolean =>
  at !== null && Date.parse(at) <= now.getTime();

/** When submissions really stop for everyone: the deadline plus its grace minutes. */
export function submissionsCloseAt(schedule: PhaseSchedule): Date | null {
  if (schedule.closesAt === null) return null;
  return new Date(Date.parse(schedule.closesAt) + (schedule.graceMinutes ?? 0) * MINUTE_MS);
}

/**
 * Where a challenge is in its lifecycle at `now`. Announcing, publishing results and archiving are
 * the organizer's explicit acts (their timestamps are set when they happen); every other move
 * follows from the schedule and the clock, so no job has to run at a deadline.
 *
 * `voting` lasts from the opening of the vote until the results are published: ballots are taken
 * only until `votingClosesAt` (see isVotingOpen), but the phase does not step back to `closed`
 * while the organizers count, so the phase never moves backwards as time passes.
 */
export function challengePhase(schedule: PhaseSchedule, now: Date): ChallengePhase {
  if (reached(schedule.archivedAt, now)) return 'archived';
  if (reached(schedule.resultsPublishedAt, now)) return 'results';
  if (!reached(schedule.announcedAt, now)) return 'draft';
  if (!reached(schedule.opensAt, now)) return 'announced';
  const closesAt = submissionsCloseAt(schedule);
  if (closesAt === null || closesAt.getTime() > now.getTime()) return 'open';
  if (reached(schedule.votingOpensAt, now)) return 'voting';
  return 'closed';
}

/**
 * Whether a writer may submit or edit now: while the challenge is open, or after it closes until
 * the end of an extension the organizers gave that writer.
 */
export function isSubmissionWindowOpen(
  schedule: PhaseSchedule,
  now: Date,
  writerExtensionUntil: string | null = null,
): boolean {
  const phase = challengePhase(schedule, now);
  if (phase === 'open') return true;
  return phase === 'closed' && writerExtensionUntil !== null && !reached(writerExtensionUntil, now);
}

/** Whether ballots are accepted now. */
export function isVotingOpen(schedule: PhaseSchedule, now: Date): boolean {
  return challengePhase(schedule, now) === 'voting' && !reached(schedule.votingClosesAt, now);
}
