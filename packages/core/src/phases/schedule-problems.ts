/** A schedule's instants (ISO-8601 UTC or null) in lifecycle order. */
export interface ScheduleInstants {
  opensAt: string | null;
  closesAt: string | null;
  votingOpensAt: string | null;
  votingClosesAt: string | null;
  /** Minutes after closesAt during which submissions are still taken. */
  graceMinutes?: number;
}

type ScheduleField = 'opensAt' | 'closesAt' | 'votingOpensAt' | 'votingClosesAt';

/**
 * Everything out of order in a schedule, each under the field to correct (the later of the two
 * that disagree). An empty list means the dates make sense together.
 */
export function scheduleProblems(s: ScheduleInstants): { field: ScheduleField; message: string }[] {
  const problems: { field: ScheduleField; message: string }[] = [];
  const at = (iso: string | null) => (iso === null ? null : Date.parse(iso));
  const [opens, closes, votingOpens, votingCloses] = [
    s.opensAt,
    s.closesAt,
    s.votingOpensAt,
    s.votingClosesAt,
  ].map(at);
  // Submissions really end after the grace minutes; a vote opening sooner would overlap them.
  const submissionsEnd = closes == null ? null : closes + (s.graceMinutes ?? 0) * 60_000;

  if (opens != null && closes != null && opens >= closes) {
    problems.push({ field: 'closesAt', message: 'Submissions must close after they open.' });
  }
  if (votingOpens != null && closes == null) {
    problems.push({
      field: 'closesAt',
      message: 'Set when submissions close before scheduling a vote.',
    });
  }
  if (votingOpens != null && submissionsEnd != null && votingOpens < submissionsEnd) {
    problems.push({
      field: 'votingOpensAt',
      message: s.graceMinutes
        ? 'Voting can open only once submissions have closed, grace minutes included.'
        : 'Voting can open only once submissions have closed.',
    });
  }
  if (votingCloses != null && votingOpens == null) {
    problems.push({ field: 'votingOpensAt', message: 'Set when voting opens.' });
  }
  if (votingOpens != null && votingCloses != null && votingOpens >= votingCloses) {
    problems.push({ field: 'votingClosesAt', message: 'Voting must close after it opens.' });
  }
  return problems;
}
