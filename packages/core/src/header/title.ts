import { type EntryPart } from '@ficathon/schema';

/**
 * Titles (HEADERS.md, title row): an unlabelled short first line, `"Title" (1/3)`, `Title by Author`
 * split on the last ` by `, part markers (`(1/3)`, `part 1 of 3`) moved to `part`, quotes stripped.
 * Every regular expression here runs on a line already cut to MAX_TITLE_TEXT characters.
 */

const MAX_TITLE_LINE_LENGTH = 150;
const MAX_TITLE_WORDS = 20;
const MAX_TITLE_TEXT = 300;
const MAX_BYLINE_LENGTH = 80;
const MAX_BYLINE_WORDS = 8;

const OPENING_QUOTES = new Set(['"', '“', '”', '„', '«', '‘', '「', '『']);

/**
 * "A line that opens with a quotation mark is dialogue." A straight `'` is left out: lines open
 * with elisions (`'Cause the sky is breaking`) far more often than with single-quoted speech.
 */
export function opensWithQuotationMark(text: string): boolean {
  return OPENING_QUOTES.has(text.trimStart().charAt(0));
}

// The whole line is one quoted phrase, then optionally a part marker or " by Author".
const QUOTED_TITLE = /^["“”„«‘「『]([^"“”„«»‘’「」『』]{1,140})["“”»’」』](.*)$/;

function readQuotedTitle(line: string): { inner: string; after: string } | undefined {
  const match = QUOTED_TITLE.exec(line.slice(0, MAX_TITLE_TEXT));
  if (!match) return undefined;
  const inner = (match[1] ?? '').trim();
  const after = (match[2] ?? '').trim();
  if (inner === '' || /[.,;:!?]$/.test(inner)) return undefined;
  const acceptableAfter = after === '' || extractPart(after).rest === '' || /^by\s+\S/i.test(after);
  return acceptableAfter ? { inner, after } : undefined;
}

/**
 * Whether a first line can be an unlabelled title: short, not a chapter heading, not dialogue
 * (unless it is a quoted title), not ending like a sentence.
 */
export function isTitleCandidate(text: string): boolean {
  const line = text.trim();
  if (line === '' || line.length > MAX_TITLE_LINE_LENGTH) return false;
  if (line.split(/\s+/).length > MAX_TITLE_WORDS) return false;
  // "Chapter Title is not the work title": a chapter heading starts the story.
  if (/^(?:chapter|prologue|epilogue|part)\b/i.test(line)) return false;
  if (opensWithQuotationMark(line)) return readQuotedTitle(line) !== undefined;
  return !/[.,;:]$/.test(line);
}

const PART_FRACTION = /[([]\s*(\d{1,4})\s*\/\s*(\d{1,4}|\?)?\s*[)\]]$/;
const PART_WORDS =
  /[([]?\s*\b(?:part|pt\.?)\s*(\d{1,4})(?:\s*(?:of|\/)\s*(\d{1,4}|\?))?\s*[)\]]?$/i;

function toPart(number: string | undefined, of: string | undefined): EntryPart {
  const total = of === undefined || of === '?' ? null : Number.parseInt(of, 10);
  return { number: Number.parseInt(number ?? '0', 10), of: total };
}

/** Takes a part marker off the end of a title: `(1/3)`, `[1/3]`, `part 1 of 3`, `Pt. 2`. */
export function extractPart(text: string): { rest: string; part?: EntryPart } {
  const line = text.trim();
  if (line.length > MAX_TITLE_TEXT) return { rest: line };
  // A bare `1/3` is not taken: titles like `24/7` exist.
  for (const pattern of [PART_FRACTION, PART_WORDS]) {
    const match = pattern.exec(line);
    if (match) {
      const rest = line
        .slice(0, match.index)
        .replace(/[\s,:;\u2013\u2014-]+$/, '')
        .trim();
      return { rest, part: toPart(match[1], match[2]) };
    }
  }
  return { rest: line };
}

/** Reads a `Part:` label's value: `1 of 3`, `1/3`, `Part 2`, `2`. */
export function parsePartValue(value: string): EntryPart | undefined {
  const match = /^(?:part|pt\.?)?\s*(\d{1,4})(?:\s*(?:of|\/)\s*(\d{1,4}|\?))?$/i.exec(
    value.trim().slice(0, MAX_TITLE_TEXT),
  );
  return match ? toPart(match[1], match[2]) : undefined;
}

const CLOSING_QUOTE_FOR: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['“', '”'],
  ['”', '”'],
  ['„', '“'],
  ['«', '»'],
  ['‘', '’'],
  ["'", "'"],
  ['「', '」'],
  ['『', '』'],
]);

function stripQuotes(text: string): string {
  const closing = CLOSING_QUOTE_FOR.get(text.charAt(0));
  if (closing && text.length >= 2 && text.endsWith(closing)) return text.slice(1, -1).trim();
  return text;
}

/** A title value cleaned as HEADERS.md asks: part marker moved out, quotes stripped. */
export function cleanTitle(value: string): { title: string; part?: EntryPart } {
  const { rest, part } = extractPart(value);
  const title = stripQuotes(rest);
  return part ? { title, part } : { title };
}

/**
 * `Title by Author` one-liner: split on the last ` by ` (or ` BY ` in an all-caps line). Only a
 * lower-case "by" splits a mixed-case line, so `Stand By Me` stays a title.
 */
export function splitTitleAndAuthor(line: string): { title: string; author: string } | undefined {
  const text = line.trim().slice(0, MAX_TITLE_TEXT);
  const allCaps = text === text.toUpperCase() && /\p{Lu}/u.test(text);
  const at = allCaps ? text.lastIndexOf(' BY ') : text.lastIndexOf(' by ');
  if (at <= 0) return undefined;
  const title = text.slice(0, at).trim();
  const author = text.slice(at + 4).trim();
  if (title === '' || !looksLikeNames(author)) return undefined;
  return { title, author };
}

/** A byline value is a short list of names, not a sentence ("By the time he got home..."). */
export function looksLikeNames(text: string): boolean {
  const value = text.trim();
  return (
    value !== '' &&
    value.length <= MAX_BYLINE_LENGTH &&
    value.split(/\s+/).length <= MAX_BYLINE_WORDS &&
    !/[.,;:!?]$/.test(value)
  );
}
