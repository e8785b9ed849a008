import { describe, expect, it } from 'vitest';
import { scheduleProblems } from './schedule-problems';

const ok = {
  opensAt: '2026-01-01T00:00:00.000Z',
  closesAt: '2026-02-01T00:00:00.000Z',
  votingOpensAt: '2026-02-01T00:00:00.000Z',
  votingClosesAt: '2026-02-08T00:00:00.000Z',
};

describe('scheduleProblems', () => {
  it('accepts an ordered schedule, and an unscheduled one', () => {
    expect(scheduleProblems(ok)).toEqual([]);
    expect(
      scheduleProblems({
        opensAt: null,
        closesAt: null,
        votingOpensAt: null,
        votingClosesAt: null,
      }),
    ).toEqual([]);
  });
  it.each([
    [{ closesAt: '2025-12-31T00:00:00.000Z' }, 'closesAt'],
    [{ closesAt: ok.opensAt }, 'closesAt'],
    [{ votingOpensAt: '2026-01-20T00:00:00.000Z' }, 'votingOpensAt'],
    [{ votingClosesAt: ok.votingOpensAt }, 'votingClosesAt'],
    [{ votingOpensAt: null }, 'votingOpensAt'],
    [{ closesAt: null, opensAt: null }, 'closesAt'],
  ])('finds %j out of order under %s', (change, field) => {
    expect(scheduleProblems({ ...ok, ...change }).map((p) => p.field)).toEqual([field]);
  });

  it('counts the grace minutes as part of the submission window', () => {
    expect(scheduleProblems({ ...ok, graceMinutes: 30 }).map((p) => p.field)).toEqual([
      'votingOpensAt',
    ]);
    const later = { ...ok, votingOpensAt: '2026-02-01T00:30:00.000Z', graceMinutes: 30 };
    expect(scheduleProblems(later)).toEqual([]);
  });
});
