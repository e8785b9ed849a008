/**
 * The word count a writer states in the header (`Word count: 12,034`, `Words: ~3,800`,
 * `Length: 2.3k`). HEADERS.md: "parse `12,034`, `~3,800`, `2.3k`; `drabble` is not a number".
 * This reads what the writer typed; counting the body's words is `countWords`.
 */

const MAX_VALUE_LENGTH = 200;
const APPROXIMATION =
  /^(?:~|≈|\+\/-|approx(?:imately)?\.?|about|around|roughly|circa|ca\.|c\.|almost|nearly|just over|just under|over|under)\s*/i;
const NUMBER = /^(\d[\d,.\u202f ]{0,24})/;
const THOUSANDS_SUFFIX = /^\s*(?:k\b|thousand\b)/i;
// What may follow the number: "+", "words", "wds", and a parenthetical note ("100 (drabble)").
const ALLOWED_TAIL = /^\+?\s*(?:words?\b|wds?\b\.?|w\b)?\.?\s*(?:\(.*)?$/i;
const GROUPED = /^\d{1,3}(?:([,. \u202f])\d{3})(?:\1\d{3})*$/;

/** A stated word count as a whole number, or undefined when the value is not a number of words. */
export function parseStatedWordCount(value: string): number | undefined {
  let text = value.trim().slice(0, MAX_VALUE_LENGTH);
  text = text.replace(APPROXIMATION, '');
  const numberMatch = NUMBER.exec(text);
  if (!numberMatch) return undefined;
  const written = (numberMatch[1] ?? '').replace(/[,.\u202f ]+$/, '');
  let rest = text.slice(written.length);

  const thousands = THOUSANDS_SUFFIX.exec(rest);
  let count: number | undefined;
  if (thousands) {
    rest = rest.slice(thousands[0].length);
    count = readThousands(written);
  } else {
    count = readWholeNumber(written);
  }
  if (count === undefined || !ALLOWED_TAIL.test(rest)) return undefined;
  return Number.isSafeInteger(count) ? count : undefined;
}

/** `2.3` or `2,3` (with a `k`) -> 2300. */
function readThousands(written: string): number | undefined {
  if (!/^\d{1,6}(?:[.,]\d{1,3})?$/.test(written)) return undefined;
  return Math.round(Number.parseFloat(written.replace(',', '.')) * 1000);
}

/** `12,034`, `12.034`, `12 034` or `12034` -> 12034. */
function readWholeNumber(written: string): number | undefined {
  if (/^\d{1,12}$/.test(written)) return Number.parseInt(written, 10);
  if (GROUPED.test(written)) return Number.parseInt(written.replace(/[,. \u202f]/g, ''), 10);
  return undefined;
}
