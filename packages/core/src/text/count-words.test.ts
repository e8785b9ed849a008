import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from './count-words';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['The wind blew cold', 4],
    ["don't stop — the night's young", 5],
    ['one\n\n* * *\n\ntwo', 2],
    ['café naïve', 2],
    ['12,034 words', 2],
    ['我爱你', 3],
    ['東京 is big', 4],
    ['ひらがなabc', 5],
  ])('counts %j as %i', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it('counts n space-joined latin words as n', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 200 }), (words) => {
        expect(countWords(words.join(' '))).toBe(words.length);
      }),
    );
  });

  it('is additive over whitespace-separated parts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(countWords(`${a} ${b}`)).toBe(countWords(a) + countWords(b));
      }),
    );
  });
});
