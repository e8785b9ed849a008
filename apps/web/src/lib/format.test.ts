import { describe, expect, it } from 'vitest';
import { countLabel, formatInZone, ratingLabel, safeHttpUrl } from './format';

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
