import { describe, expect, it } from 'vitest';
import { timeZoneOption, timeZoneOptions } from './time-zones';

describe('time zone options', () => {
  const winter = new Date('2026-01-15T12:00:00Z');

  it('names each zone with its offset at the time', () => {
    expect(timeZoneOption('America/New_York', winter)).toEqual({
      value: 'America/New_York',
      label: 'America/New York (UTC−05:00)',
    });
    expect(timeZoneOption('America/New_York', new Date('2026-07-01T12:00:00Z')).label).toBe(
      'America/New York (UTC−04:00)',
    );
    expect(timeZoneOption('AoE', winter).label).toBe('Anywhere on Earth (AoE) (UTC−12:00)');
    expect(timeZoneOption('Asia/Kolkata', winter).label).toBe('Asia/Kolkata (UTC+05:30)');
    expect(timeZoneOption('UTC', winter).label).toBe('UTC');
  });

  it('adds a stored or viewer zone that is not in the list, first, and ignores bogus ones', () => {
    const options = timeZoneOptions(winter, ['Pacific/Chatham', 'Mars/Olympus', 'Europe/London']);
    expect(options[0]?.value).toBe('Pacific/Chatham');
    expect(options.filter((o) => o.value === 'Europe/London')).toHaveLength(1);
    expect(options.some((o) => o.value === 'Mars/Olympus')).toBe(false);
    expect(options.some((o) => o.value === 'AoE')).toBe(true);
  });
});
