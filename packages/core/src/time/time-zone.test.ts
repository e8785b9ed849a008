import { describe, expect, it } from 'vitest';
import { isValidTimeZone, toLocalDateTime, toUtcInstant } from './time-zone';

describe('isValidTimeZone', () => {
  it.each(['UTC', 'Europe/London', 'Asia/Kolkata', 'America/New_York', 'AoE'])(
    'accepts %s',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(true);
    },
  );
  it.each(['', 'Mars/Olympus', 'Europe/Londn', 'x'.repeat(100)])('rejects %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('toUtcInstant', () => {
  it('reads a local time in the challenge zone, across daylight saving', () => {
    expect(toUtcInstant('2026-12-01T23:59', 'Europe/London')).toBe('2026-12-01T23:59:00.000Z');
    expect(toUtcInstant('2026-07-01T23:59', 'Europe/London')).toBe('2026-07-01T22:59:00.000Z');
    expect(toUtcInstant('2026-12-01T23:59', 'America/New_York')).toBe('2026-12-02T04:59:00.000Z');
  });
  it('reads Anywhere on Earth as UTC-12', () => {
    expect(toUtcInstant('2026-12-01T23:59', 'AoE')).toBe('2026-12-02T11:59:00.000Z');
  });
  it('keeps an absolute time as it is, whatever the zone', () => {
    expect(toUtcInstant('2026-12-01T10:00:00+02:00', 'Asia/Tokyo')).toBe(
      '2026-12-01T08:00:00.000Z',
    );
    expect(toUtcInstant('2026-12-01T10:00:00.000Z', 'AoE')).toBe('2026-12-01T10:00:00.000Z');
  });
  it('moves a time in a spring-forward gap forward', () => {
    // 01:30 does not exist in London on 2026-03-29; clocks jump from 01:00 to 02:00.
    expect(toUtcInstant('2026-03-29T01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
  });
  it('returns null for text that is not a date-time', () => {
    expect(toUtcInstant('next tuesday', 'UTC')).toBeNull();
    expect(toUtcInstant('2026-13-45T10:00', 'UTC')).toBeNull();
  });
});

describe('toLocalDateTime', () => {
  it('shows an instant as wall-clock time in a zone', () => {
    expect(toLocalDateTime('2026-07-01T22:59:00.000Z', 'Europe/London')).toBe('2026-07-01T23:59');
    expect(toLocalDateTime('2026-12-02T11:59:00.000Z', 'AoE')).toBe('2026-12-01T23:59');
  });
});
