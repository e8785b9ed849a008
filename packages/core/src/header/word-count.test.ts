import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseStatedWordCount } from './word-count';

describe('parseStatedWordCount', () => {
  test.each([
    ['12,034', 12034],
    ['~3,800', 3800],
    ['2.3k', 2300],
    ['2,5k', 2500],
    ['2.3 K', 2300],
    ['12034', 12034],
    ['12.034', 12034],
    ['12 034', 12034],
    ['about 5,000 words', 5000],
    ['approx. 900', 900],
    ['100 (drabble)', 100],
    ['100 words (a drabble)', 100],
    ['3,000+ words', 3000],
    ['0', 0],
  ])('%j -> %d', (value, count) => {
    expect(parseStatedWordCount(value)).toBe(count);
  });

  test.each(['drabble', '', 'three thousand', '3 chapters', '1,000-2,000', '12.5', '1,00', 'k'])(
    '%j is not a word count',
    (value) => {
      expect(parseStatedWordCount(value)).toBeUndefined();
    },
  );

  test('reads back any count written with thousands separators', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000_000 }), (count) => {
        const written = String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        expect(parseStatedWordCount(written)).toBe(count);
        expect(parseStatedWordCount(`~${written} words`)).toBe(count);
      }),
    );
  });
});
