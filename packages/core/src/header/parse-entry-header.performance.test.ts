import { describe, expect, test } from 'vitest';
import { parseEntryHeader } from './parse-entry-header';

/**
 * "Huge or hostile input must not hang: parsing is linear in the input size." Each input is built
 * at 100 KB and at 1 MB; a linear parser takes about 10x as long on the larger one, a quadratic one
 * about 100x. The bound is a generous ratio, not a wall-clock budget, so a slow CI machine does not
 * fail it. Times are the best of a few runs to keep garbage collection pauses out of the ratio.
 */

const SMALL = 100_000;
const LARGE = 1_000_000;
const MAX_RATIO = 30;
// Below this, timer resolution and JIT warm-up dominate; treat faster runs as taking this long.
const FLOOR_MS = 5;

function repeatTo(length: number, unit: string): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const ADVERSARIAL: Record<string, (length: number) => string> = {
  'one huge line of ":"': (n) => repeatTo(n, ':'),
  '"Rating: " repeated on one line': (n) => repeatTo(n, 'Rating: '),
  '"Rating:" lines waiting for a value': (n) => repeatTo(n, 'Rating:\n'),
  'rating lines that disagree': (n) => repeatTo(n, 'Rating: PG\nRating: R\nRating: NC-17\n'),
  'title lines that disagree': (n) => `Crack It Open\n${repeatTo(n, 'Title: Other\n')}`,
  'one huge title line': (n) => `Title: ${repeatTo(n, 'a ')}`,
  'one huge line of spaces then a word': (n) => `Title: x${' '.repeat(n)}y`,
  'a huge labelled list': (n) => `Tags: ${repeatTo(n, 'a/b & c, ')}`,
  'a huge pairings list of brackets': (n) => `Pairings: ${repeatTo(n, '[[(')}`,
  'a huge warnings list of dots': (n) => `Warnings: ${repeatTo(n, '.')}x`,
  'blank lines': (n) => repeatTo(n, '\n'),
  'carriage returns': (n) => repeatTo(n, '\r'),
  'unclosed HTML comments': (n) => repeatTo(n, '<!--'),
  'unclosed tags': (n) => repeatTo(n, '<b '),
  'unclosed doctype': (n) => repeatTo(n, '<!a'),
  'paragraph tags': (n) => repeatTo(n, '<p>'),
  'line-break tags': (n) => repeatTo(n, '<br>'),
  'entity starts': (n) => repeatTo(n, '&#'),
  'labels we do not know, then a known one': (n) => `${repeatTo(n, 'Mood: x\n')}Rating: PG`,
  'short lines that could be lyrics': (n) => repeatTo(n, 'la la la\n'),
  'a labelled header with a huge summary': (n) => `Title: X\nSummary: ${repeatTo(n, 'word ')}`,
  'quotation marks': (n) => repeatTo(n, '"'),
  'end markers': (n) => repeatTo(n, 'THE END\n'),
  bylines: (n) => `Title\n${repeatTo(n, 'by by ')}`,
};

function bestTime(input: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    parseEntryHeader(input);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('parsing is linear in the input size', () => {
  test.each(Object.entries(ADVERSARIAL))(
    '%s',
    (_, build) => {
      const small = build(SMALL);
      const large = build(LARGE);
      bestTime(small); // warm up the JIT on this shape
      const smallTime = Math.max(bestTime(small), FLOOR_MS);
      const largeTime = bestTime(large);
      expect(largeTime / smallTime).toBeLessThan(MAX_RATIO);
    },
    60_000,
  );

  test('the body of 1 MB of hostile input is still a byte-exact suffix', () => {
    const input = `Title: X\n\n${repeatTo(LARGE, '<!--Rating: :\r\n')}`;
    const { body } = parseEntryHeader(input);
    expect(input.endsWith(body)).toBe(true);
    expect(body.length).toBeGreaterThan(LARGE - 100);
  });
});
