import { describe, expect, it } from 'vitest';
import type { ChallengeSchedule } from '@ficathon/schema';
import {
  claimsLabel,
  countLabel,
  formatDuration,
  formatInZone,
  isoDuration,
  nextDeadline,
  ratingLabel,
  safeHttpUrl,
  toLocalInputValue,
} from './format';

describe('formatInZone', () => {
  const instant = '2026-06-30T22:59:00.000Z';

  it('shows the wall-clock time in the given zone and names the zone', () => {
    expect(formatInZone(instant, 'Europe/London')).toBe(
      'Tue, 30 June 2026 at 23:59 BST (Europe/London)',
    );
    // The same instant is already the next day in Tokyo.
    expect(formatInZone(instant, 'Asia/Tokyo')).toBe(
      'Wed, 1 July 2026 at 07:59 GMT+9 (Asia/Tokyo)',
    );
  });

  it('follows daylight saving time', () => {
    expect(formatInZone('2026-01-15T12:00:00Z', 'Europe/London')).toBe(
      'Thu, 15 January 2026 at 12:00 GMT (Europe/London)',
    );
  });

  it('does not repeat a zone whose short name is the zone itself', () => {
    expect(formatInZone(instant, 'UTC')).toBe('Tue, 30 June 2026 at 22:59 UTC');
  });

  it('falls back to UTC for an unknown zone and to the raw text for a bad date', () => {
    expect(formatInZone(instant, 'Mars/Olympus_Mons')).toBe('Tue, 30 June 2026 at 22:59 UTC');
    expect(formatInZone('not a date', 'UTC')).toBe('not a date');
  });
});

describe('ratingLabel', () => {
  it('says the rating in words and keeps a different raw label', () => {
    expect(ratingLabel({ raw: 'PG-13', normalized: 'teen' })).toBe('Teen and up (PG-13)');
    expect(ratingLabel({ raw: null, normalized: 'general' })).toBe('General audiences');
    expect(ratingLabel({ raw: 'mature', normalized: 'mature' })).toBe('Mature');
  });
});

describe('countLabel', () => {
  it('pluralizes and groups digits', () => {
    expect(countLabel(1, 'word')).toBe('1 word');
    expect(countLabel(12345, 'word')).toBe('12,345 words');
    expect(countLabel(0, 'entry', 'entries')).toBe('0 entries');
  });
});

describe('safeHttpUrl', () => {
  it('keeps http(s) links only', () => {
    expect(safeHttpUrl('https://example.com/a')).toBe('https://example.com/a');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});

describe('Anywhere on Earth', () => {
  it('is shown as UTC-12 and named in words', () => {
    expect(formatInZone('2026-12-02T11:59:00Z', 'AoE')).toBe(
      'Tue, 1 December 2026 at 23:59 GMT-12 (Anywhere on Earth)',
    );
    expect(toLocalInputValue('2026-12-02T11:59:00Z', 'AoE')).toBe('2026-12-01T23:59');
  });
});

describe('toLocalInputValue', () => {
  it('gives the wall-clock time in the zone, across daylight saving time', () => {
    expect(toLocalInputValue('2026-03-29T00:30:00Z', 'Europe/London')).toBe('2026-03-29T00:30');
    expect(toLocalInputValue('2026-03-29T01:30:00Z', 'Europe/London')).toBe('2026-03-29T02:30');
    expect(toLocalInputValue('2026-01-01T00:00:00Z', 'Asia/Kolkata')).toBe('2026-01-01T05:30');
    // Midnight is 00, never 24.
    expect(toLocalInputValue('2026-01-01T05:00:00Z', 'America/New_York')).toBe('2026-01-01T00:00');
  });

  it('is null for nothing or nonsense', () => {
    expect(toLocalInputValue(null, 'UTC')).toBeNull();
    expect(toLocalInputValue('soon', 'UTC')).toBeNull();
  });
});

describe('formatDuration', () => {
  const MINUTE = 60_000;
  it('gives the two largest units, rounded down', () => {
    expect(formatDuration((3 * 24 * 60 + 4 * 60 + 59) * MINUTE)).toBe('3 days, 4 hours');
    expect(formatDuration(24 * 60 * MINUTE)).toBe('1 day');
    expect(formatDuration((5 * 60 + 12) * MINUTE)).toBe('5 hours, 12 minutes');
    expect(formatDuration(60 * MINUTE)).toBe('1 hour');
    expect(formatDuration(7 * MINUTE + 30_000)).toBe('7 minutes');
    expect(formatDuration(59_999)).toBe('less than a minute');
  });

  it('has a machine-readable twin for <time datetime>', () => {
    expect(isoDuration((3 * 24 * 60 + 4 * 60 + 5) * MINUTE)).toBe('P3DT4H5M');
    expect(isoDuration(-5)).toBe('P0DT0H0M');
  });
});

describe('nextDeadline', () => {
  const schedule: ChallengeSchedule = {
    timeZone: 'UTC',
    announcedAt: '2026-01-01T00:00:00Z',
    opensAt: '2026-02-01T00:00:00Z',
    closesAt: '2026-03-01T00:00:00Z',
    votingOpensAt: null,
    votingClosesAt: '2026-04-01T00:00:00Z',
    resultsPublishedAt: null,
    archivedAt: null,
    graceMinutes: 0,
  };

  it('counts to whatever comes next, skipping dates not set', () => {
    expect(nextDeadline(schedule, 'announced', new Date('2026-01-15T00:00:00Z'))?.label).toBe(
      'Entries open',
    );
    expect(nextDeadline(schedule, 'open', new Date('2026-02-15T00:00:00Z'))).toMatchObject({
      label: 'Entries close',
      iso: '2026-03-01T00:00:00Z',
    });
    expect(nextDeadline(schedule, 'voting', new Date('2026-03-15T00:00:00Z'))?.label).toBe(
      'Voting closes',
    );
  });

  it('has nothing to count to once results are out or nothing is ahead', () => {
    expect(nextDeadline(schedule, 'results', new Date('2026-01-15T00:00:00Z'))).toBeNull();
    expect(nextDeadline(schedule, 'voting', new Date('2026-05-01T00:00:00Z'))).toBeNull();
  });
});

describe('claimsLabel', () => {
  it('says how taken a prompt is', () => {
    expect(claimsLabel(0, null)).toBe('Unclaimed');
    expect(claimsLabel(2, null)).toBe('2 claims');
    expect(claimsLabel(1, 1)).toBe('1 of 1 claim taken');
    expect(claimsLabel(2, 3)).toBe('2 of 3 claims taken');
  });
});
