/** A schedule's instants (ISO-8601 UTC or null) in lifecycle order. */
export interface ScheduleInstants {
  opensAt: string | null;
  closesAt: string | null;
  votingOpensAt: string | null;
  votingClosesAt: string | null;
}

/**
 * Everything out of order in a schedule, each under the field to correct (the later of the two
 * that disagree). An empty list means the dates make sense together.
 */
export function scheduleProblems(
  s: ScheduleInstants,
): { field: keyof ScheduleInstants; message: string }[] {
  const problems: { field: keyof ScheduleInstants; message: string }[] = [];
  const before = (a: string | null, b: string | null) =>
    a !== null && b !== null && Date.parse(a) >= Date.parse(b);
  if (before(s.opensAt, s.closesAt)) {
    problems.push({ field: 'closesAt', message: 'Submissions must close after they open.' });
  }
  if (s.votingOpensAt !== null && s.closesAt === null) {
    problems.push({
      field: 'closesAt',
      message: 'Set when submissions close before scheduling a vote.',
    });
  }
  if (
    s.votingOpensAt !== null &&
    s.closesAt !== null &&
    Date.parse(s.votingOpensAt) < Date.parse(s.closesAt)
  ) {
    problems.push({
      field: 'votingOpensAt',
      message: 'Voting can open only once submissions have closed.',
    });
  }
  if (s.votingClosesAt !== null && s.votingOpensAt === null) {
    problems.push({ field: 'votingOpensAt', message: 'Set when voting opens.' });
  }
  if (before(s.votingOpensAt, s.votingClosesAt)) {
    problems.push({ field: 'votingClosesAt', message: 'Voting must close after it opens.' });
  }
  return problems;
}
