import { describe, expect, it } from 'vitest';
import { challengePhase, type PhaseSchedule } from './challenge-phase';

const schedule: PhaseSchedule = {
  announcedAt: '2026-01-01T00:00:00.000Z',
  opensAt: '2026-01-10T00:00:00.000Z',
  closesAt: '2026-02-01T00:00:00.000Z',
  votingOpensAt: '2026-02-02T00:00:00.000Z',
  votingClosesAt: '2026-02-10T00:00:00.000Z',
  resultsPublishedAt: null,
  archivedAt: null,
};

describe('challengePhase', () => {
  it.each([
    ['2025-12-31T23:59:59.999Z', 'draft'],
    ['2026-01-01T00:00:00.000Z', 'announced'],
    ['2026-01-10T00:00:00.000Z', 'open'],
    ['2026-01-31T23:59:59.999Z', 'open'],
    ['2026-02-01T00:00:00.000Z', 'closed'],
    ['2026-02-05T00:00:00.000Z', 'voting'],
    ['2026-02-10T00:00:00.000Z', 'closed'],
  ] as const)('at %s is %s', (now, phase) => {
    expect(challengePhase(schedule, new Date(now))).toBe(phase);
  });

  it('stays in draft until the organizer announces, whatever the dates say', () => {
    expect(
      challengePhase({ ...schedule, announcedAt: null }, new Date('2026-01-20T00:00:00Z')),
    ).toBe('draft');
  });

  it('shows results once published and archived once archived', () => {
    const published = { ...schedule, resultsPublishedAt: '2026-02-11T00:00:00.000Z' };
    expect(challengePhase(published, new Date('2026-02-12T00:00:00Z'))).toBe('results');
    const archived = { ...published, archivedAt: '2026-03-01T00:00:00.000Z' };
    expect(challengePhase(archived, new Date('2026-03-02T00:00:00Z'))).toBe('archived');
  });
});
