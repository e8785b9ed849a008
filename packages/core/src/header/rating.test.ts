import { type Rating } from '@ficathon/schema';
import { describe, expect, test } from 'vitest';
import { gateRating, mostRestrictive, normalizeRating, readRating } from './rating';

// HEADERS.md, "Ratings: one scale, raw always kept": every cell of the table.
const TABLE: Record<Rating, string[]> = {
  general: ['G', 'PG', 'K', 'K+', 'FRC', 'FR7', 'General Audiences', 'All ages', 'Gen'],
  teen: [
    'PG-13',
    'PG13',
    'PG-15',
    'NC-13',
    'T',
    'FRT',
    'FR13',
    'FR15',
    'Teen And Up Audiences',
    '12+',
    '13+',
    'Fiction T',
  ],
  mature: ['R', 'M', 'FRM', 'FR18', 'Mature', '16+', '17+'],
  explicit: [
    'NC-17',
    'NC17',
    'NC-21',
    'X',
    'XXX',
    'R18',
    'MA',
    'FRAO',
    'FR21',
    'Explicit',
    'E',
    'Adult',
    '18+',
  ],
  not_rated: ['', 'Not Rated', 'Unrated', 'None', 'N/A', 'anything unrecognised'],
};

describe('normalizeRating', () => {
  const rows = Object.entries(TABLE).flatMap(([rating, raws]) =>
    raws.map((raw) => [raw, rating] as const),
  );

  test.each(rows)('%j -> %s', (raw, rating) => {
    expect(normalizeRating(raw)).toBe(rating);
    expect(normalizeRating(raw.toLowerCase())).toBe(rating);
  });

  test.each([
    // Whole tokens, never by prefix.
    ['Mature', 'mature'],
    ['Rated PG', 'general'],
    ['Rated: R', 'mature'],
    ['Fiction M', 'mature'],
    ['Fiction MA', 'explicit'],
    ['Fiction K+', 'general'],
    // Ranges and compounds take the most restrictive.
    ['PG-13 to R', 'mature'],
    ['R/NC-17', 'explicit'],
    ['PG-13/R', 'mature'],
    ['G - PG', 'general'],
    ['PG or PG-13', 'teen'],
    ['PG 13', 'teen'],
    ['NC 17', 'explicit'],
    // Notes after the rating are not ratings.
    ['PG-13 for language', 'teen'],
    ['PG-13 (for Xander in a dress)', 'teen'],
    ['R for violence, E for everything else', 'mature'],
    ['NC-17 overall; R for this part', 'explicit'],
    ['Teen, mild language', 'teen'],
    // Words before a rating are skipped; single letters need to be written as a rating.
    ['Hard R', 'mature'],
    ['rated r', 'mature'],
    ['e.g. nothing', 'not_rated'],
    ['a mild PG-13', 'teen'],
    // Not Rated next to a rating says less than the rating.
    ['Not Rated / PG', 'general'],
    // Template guidance.
    ['(G, PG, PG-13, etc.)', 'not_rated'],
    ['(G, PG, PG-13, R, NC-17)', 'not_rated'],
    ['(G, PG, PG-13, etc.) R', 'mature'],
    ['(PG-13)', 'teen'],
  ] as const)('%j -> %s', (raw, rating) => {
    expect(normalizeRating(raw)).toBe(rating);
  });

  test('a huge value is read from its start only', () => {
    expect(normalizeRating(`PG ${'x '.repeat(500_000)}`)).toBe('general');
  });
});

describe('readRating', () => {
  test('says whether anything was recognised', () => {
    expect(readRating('spicy')).toEqual({ normalized: 'not_rated', recognized: false });
    expect(readRating('Not Rated')).toEqual({ normalized: 'not_rated', recognized: true });
  });

  test('sets template guidance aside', () => {
    expect(readRating('(G, PG, PG-13, etc.)')).toEqual({
      normalized: 'not_rated',
      recognized: false,
      guidance: '(G, PG, PG-13, etc.)',
    });
  });
});

describe('mostRestrictive and gateRating', () => {
  test('not_rated only wins alone', () => {
    expect(mostRestrictive(['not_rated', 'general'])).toBe('general');
    expect(mostRestrictive(['teen', 'explicit', 'mature'])).toBe('explicit');
    expect(mostRestrictive([])).toBe('not_rated');
  });

  test('the adult-content gate counts not_rated as explicit', () => {
    expect(gateRating('not_rated')).toBe('explicit');
    expect(gateRating('teen')).toBe('teen');
  });
});
