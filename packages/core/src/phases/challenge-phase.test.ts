import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  challengePhase,
  isSubmissionWindowOpen,
  isVotingOpen,
  phaseRank,
  submissionsCloseAt,
  type PhaseSchedule,
} from './challenge-phase';

const schedule: PhaseSchedule = {
  announcedAt: '2026-01-01T00:00:00.000Z',
  opensAt: '2026-01-10T00:00:00.000Z',
  closesAt: '2026-02-01T00:00:00.000Z',
  votingOpensAt: '2026-02-02T00:00:00.000Z',
  votingClosesAt: '2026-02-10T00:00:00.000Z',
  resultsPublishedAt: null,
  archivedAt: null,
};
const at = (iso: string) => new Date(iso);

describe('challengePhase', () => {
  it.each([
    ['2025-12-31T23:59:59.999Z', 'draft'],
    ['2026-01-01T00:00:00.000Z', 'announced'],
    ['2026-01-10T00:00:00.000Z', 'open'],
    ['2026-01-31T23:59:59.999Z', 'open'],
    ['2026-02-01T00:00:00.000Z', 'closed'],
    ['2026-02-05T00:00:00.000Z', 'voting'],
    // Voting has closed but results are not out: still the voting phase, ballots refused.
    ['2026-02-10T00:00:00.000Z', 'voting'],
  ] as const)('at %s is %s', (now, phase) => {
    expect(challengePhase(schedule, at(now))).toBe(phase);
  });

  it('stays in draft until the organizer announces, whatever the dates say', () => {
    expect(challengePhase({ ...schedule, announcedAt: null }, at('2026-01-20T00:00:00Z'))).toBe(
      'draft',
    );
  });

  it('stays open with no deadline, and closed with no vote', () => {
    expect(challengePhase({ ...schedule, closesAt: null }, at('2027-01-01T00:00:00Z'))).toBe(
      'open',
    );
    expect(challengePhase({ ...schedule, votingOpensAt: null }, at('2027-01-01T00:00:00Z'))).toBe(
      'closed',
    );
  });

  it('keeps submissions open through the grace minutes', () => {
    const graced = { ...schedule, graceMinutes: 30 };
    expect(challengePhase(graced, at('2026-02-01T00:29:59.999Z'))).toBe('open');
    expect(challengePhase(graced, at('2026-02-01T00:30:00.000Z'))).toBe('closed');
    expect(submissionsCloseAt(graced)?.toISOString()).toBe('2026-02-01T00:30:00.000Z');
  });

  it('shows results once published and archived once archived', () => {
    const published = { ...schedule, resultsPublishedAt: '2026-02-11T00:00:00.000Z' };
    expect(challengePhase(published, at('2026-02-12T00:00:00Z'))).toBe('results');
    const archived = { ...published, archivedAt: '2026-03-01T00:00:00.000Z' };
    expect(challengePhase(archived, at('2026-03-02T00:00:00Z'))).toBe('archived');
  });

  it('never moves backwards as time moves forward', () => {
    const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) });
    const maybe = fc.option(
      instant.map((ms) => new Date(ms).toISOString()),
      { nil: null },
    );
    const anySchedule = fc.record({
      announcedAt: maybe,
      opensAt: maybe,
      closesAt: maybe,
      votingOpensAt: maybe,
      votingClosesAt: maybe,
      resultsPublishedAt: maybe,
      archivedAt: maybe,
      graceMinutes: fc.integer({ min: 0, max: 24 * 60 }),
    });
    fc.assert(
      fc.property(anySchedule, instant, instant, (s, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const before = phaseRank(challengePhase(s, new Date(earlier)));
        const after = phaseRank(challengePhase(s, new Date(later)));
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isSubmissionWindowOpen', () => {
  const afterClose = at('2026-02-01T12:00:00Z');
  it('is open while the challenge is open, and closed after', () => {
    expect(isSubmissionWindowOpen(schedule, at('2026-01-20T00:00:00Z'))).toBe(true);
    expect(isSubmissionWindowOpen(schedule, afterClose)).toBe(false);
  });
  it('stays open for a writer until the end of their extension', () => {
    expect(isSubmissionWindowOpen(schedule, afterClose, '2026-02-01T18:00:00.000Z')).toBe(true);
    expect(isSubmissionWindowOpen(schedule, afterClose, '2026-02-01T11:00:00.000Z')).toBe(false);
    // An extension does not reopen a challenge that has moved on to voting.
    expect(
      isSubmissionWindowOpen(schedule, at('2026-02-03T00:00:00Z'), '2026-02-05T00:00:00Z'),
    ).toBe(false);
  });
});

describe('isVotingOpen', () => {
  it('takes ballots only between the opening and closing of the vote', () => {
    expect(isVotingOpen(schedule, at('2026-02-01T12:00:00Z'))).toBe(false);
    expect(isVotingOpen(schedule, at('2026-02-05T00:00:00Z'))).toBe(true);
    expect(isVotingOpen(schedule, at('2026-02-10T00:00:00Z'))).toBe(false);
  });
});
