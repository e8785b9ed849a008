// Han, Hiragana, Katakana and Hangul are written without spaces between words, so (as AO3 does)
// each of their characters counts as one word.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Counts words the way AO3 does: whitespace-separated tokens, each CJK character one word.
 * Tokens made only of punctuation (a lone em dash, a `* * *` scene break) are not words.
 * Linear in the length of the text. Pass the story body alone: header and epigraph are excluded.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const [token] of text.matchAll(/\S+/gu)) {
    const cjkCharacters = token.match(CJK)?.length ?? 0;
    const rest = cjkCharacters > 0 ? token.replace(CJK, ' ') : token;
    count += cjkCharacters;
    for (const [piece] of rest.matchAll(/\S+/gu)) {
      if (HAS_WORD_CHARACTER.test(piece)) count += 1;
    }
  }
  return count;
}
