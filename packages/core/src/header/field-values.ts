import { type EntrySeries, type EntrySong } from '@ficathon/schema';

/**
 * Readers for the structured single values: dates, series, songs and "Written for". Each cuts its
 * input to MAX_VALUE_TEXT characters before any regular expression sees it.
 */

const MAX_VALUE_TEXT = 300;

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['january', 1],
  ['feb', 2],
  ['february', 2],
  ['mar', 3],
  ['march', 3],
  ['apr', 4],
  ['april', 4],
  ['may', 5],
  ['jun', 6],
  ['june', 6],
  ['jul', 7],
  ['july', 7],
  ['aug', 8],
  ['august', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['oct', 10],
  ['october', 10],
  ['nov', 11],
  ['november', 11],
  ['dec', 12],
  ['december', 12],
]);

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls Feb 30 over to March; a date that does not round-trip does not exist.
  const exists =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!exists || year < 1000) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string | undefined): number | undefined {
  return MONTHS.get((name ?? '').toLowerCase());
}

/**
 * A header date as `YYYY-MM-DD`, or null when it cannot be read without guessing: `2005-03-04`,
 * `2005/03/04`, `March 4, 2005`, `4th March 2005`, and `04/03/2005` only when the day is over 12.
 */
export function parseHeaderDate(raw: string): string | null {
  const text = raw
    .trim()
    .slice(0, MAX_VALUE_TEXT)
    .replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  const int = (digits: string | undefined): number => Number.parseInt(digits ?? '', 10);

  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(text);
  if (match) return isoDate(int(match[1]), int(match[2]), int(match[3]));

  match = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(text);
  if (match) {
    const month = monthNumber(match[1]);
    return month ? isoDate(int(match[3]), month, int(match[2])) : null;
  }

  match = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})$/i.exec(text);
  if (match) {
    const month = monthNumber(match[2]);
    return month ? isoDate(int(match[3]), month, int(match[1])) : null;
  }

  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) {
    const [first, second, year] = [int(match[1]), int(match[2]), int(match[3])];
    // 04/03/2005 is April in the US and March elsewhere: only read it when one reading is impossible.
    if (first > 12) return isoDate(year, second, first);
    if (second > 12 || first === second) return isoDate(year, first, second);
  }
  return null;
}

/** `Series: Part 2 of The Long Road` (AO3), `The Long Road, Part 2`, `The Long Road #2`, or a name. */
export function parseSeries(value: string): EntrySeries {
  const text = value.trim();
  if (text.length > MAX_VALUE_TEXT) return { name: text };

  const partOf = /^(?:part|pt\.?|book|#)\s*(\d{1,4})\s+of\s+(.+)$/i.exec(text);
  const partOfName = partOf?.[2]?.trim() ?? '';
  if (partOf && partOfName !== '' && !/^\d+$/.test(partOfName)) {
    return { name: partOfName, part: Number.parseInt(partOf[1] ?? '0', 10) };
  }

  const trailing = /(?:[,(]|\s)\s*(?:part|pt\.?|book|#|no\.)\s*(\d{1,4})\)?$/i.exec(text);
  if (trailing) {
    const name = text
      .slice(0, trailing.index)
      .replace(/[\s,:;\u2013\u2014-]+$/, '')
      .trim();
    if (name !== '') return { name, part: Number.parseInt(trailing[1] ?? '0', 10) };
  }
  return { name: text };
}

/** The text of a credit line without its marker: `~ Lyrics by Moby ~` -> `Lyrics by Moby`. */
export function creditText(credit: string): string {
  return credit
    .trim()
    .replace(/^(?:~+|-{1,2}|\u2014|\u2013)\s*/, '')
    .replace(/\s*~+$/, '')
    .trim();
}

const CREDIT_WORDS =
  /^(?:lyrics|words|music|song|words and music|lyrics and music|music and lyrics)\s+(?:by|from)\s+(.+)$/i;
const QUOTED_FIRST = /^["“„«‘]([^"“”„«»‘’]+)["”»’]\s*(?:,|-|\u2013|\u2014|by\b)?\s*(.*)$/i;
const QUOTED_LAST = /^([^"“”„«»]+?)\s*(?:,|-|\u2013|\u2014|:)\s*["“„«‘]([^"“”„«»‘’]+)["”»’]$/;

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

function song(title: string | undefined, artist: string | undefined): EntrySong | undefined {
  const result: EntrySong = {};
  const cleanTitle = nonEmpty(title);
  const cleanArtist = nonEmpty(artist);
  if (cleanTitle) result.title = cleanTitle;
  if (cleanArtist) result.artist = cleanArtist;
  return cleanTitle || cleanArtist ? result : undefined;
}

/**
 * Reads a song from a credit (`Lyrics by Moby`, `"Behind Blue Eyes" by The Who`, `The Who,
 * "Behind Blue Eyes"`, `Behind Blue Eyes by The Who`). Undefined when the credit names no song,
 * as for a quotation credited to a person.
 */
export function parseSongCredit(text: string): EntrySong | undefined {
  const credit = text.trim();
  if (credit === '' || credit.length > MAX_VALUE_TEXT) return undefined;

  const words = CREDIT_WORDS.exec(credit);
  if (words) return song(undefined, words[1]);

  const quotedFirst = QUOTED_FIRST.exec(credit);
  if (quotedFirst) return song(quotedFirst[1], (quotedFirst[2] ?? '').replace(/^by\s+/i, ''));

  const quotedLast = QUOTED_LAST.exec(credit);
  if (quotedLast) return song(quotedLast[2], quotedLast[1]);

  // "Split on the last ` by `", as for titles.
  const by = credit.lastIndexOf(' by ');
  if (by > 0) return song(credit.slice(0, by), credit.slice(by + 4));
  return undefined;
}

/** `Song: T by A`, `Song: T`, `Song: by A`. */
export function parseSongValue(value: string): EntrySong | undefined {
  const text = value.trim();
  const credited = parseSongCredit(text);
  if (credited) return credited;
  if (/^by\s+\S/i.test(text)) return song(undefined, text.replace(/^by\s+/i, ''));
  return song(text.replace(/^["“„«‘](.*)["”»’]$/, '$1'), undefined);
}

/** `Written for: <recipient> in the <challenge>`; `Written for the <challenge>`; a recipient. */
export function parseWrittenFor(value: string): { recipient?: string; challenge?: string } {
  const text = value.trim();
  if (text.length > MAX_VALUE_TEXT) return { recipient: text };
  if (/^the\s/i.test(text)) return { challenge: text.replace(/^the\s+/i, '') };
  const joint = /\s(?:in|for)\s+the\s+/i.exec(text);
  if (joint) {
    const recipient = text.slice(0, joint.index).trim();
    const challenge = text.slice(joint.index + joint[0].length).trim();
    if (recipient !== '' && challenge !== '') return { recipient, challenge };
  }
  return { recipient: text };
}
