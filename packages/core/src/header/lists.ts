/**
 * List values: splitting, FF.net's `[A, B]` pairing groups, pairing-shaped items and "none".
 * HEADERS.md: "Lists are trimmed items, case kept"; "`/` is romantic, `&` is gen: never split an
 * item on them".
 */

/** One item of a list value; `members` is set for an FF.net group (`[Xander H., Spike]`). */
export interface ListItem {
  readonly text: string;
  readonly members?: readonly string[];
}

/**
 * Splits a list on commas, semicolons and line breaks, never inside parentheses and never on `/`
 * or `&`. A `[A, B]` group is one item with its members (FF.net writes a pairing that way).
 */
export function splitListItems(value: string): ListItem[] {
  const items: ListItem[] = [];
  let itemStart = 0;
  let depth = 0;
  // Once a `[` has no `]` after it, later ones have none either: remembering it keeps this linear.
  let groupsCanClose = true;
  const endItem = (end: number): void => {
    const text = value.slice(itemStart, end).trim();
    if (text !== '') items.push({ text });
  };
  for (let index = 0; index < value.length; index += 1) {
    const character = value[index];
    if (character === '[' && depth === 0 && groupsCanClose) {
      const close = value.indexOf(']', index + 1);
      if (close < 0) {
        groupsCanClose = false;
        continue;
      }
      const members = splitGroupMembers(value.slice(index + 1, close));
      // A bracketed note on one name (`Spike [implied]`) stays part of its item.
      if (members.length >= 2) {
        endItem(index);
        items.push({ text: members.join('/'), members });
        itemStart = close + 1;
      }
      index = close;
    } else if (character === '(') {
      depth += 1;
    } else if (character === ')' && depth > 0) {
      depth -= 1;
    } else if (depth === 0 && (character === ',' || character === ';' || character === '\n')) {
      endItem(index);
      itemStart = index + 1;
    }
  }
  endItem(value.length);
  return items;
}

function splitGroupMembers(group: string): string[] {
  return group
    .split(/[,;\n]/)
    .map((member) => member.trim())
    .filter((member) => member !== '');
}

/** Plain list items (groups kept whole), for fields where FF.net groups mean nothing special. */
export function splitList(value: string): string[] {
  return splitListItems(value).map((item) => item.text);
}

const MAX_NAME_LIST_ITEM = 200;

/** Authors: a list that also splits on ` and ` and ` & ` (`By: Jo and Sam`). */
export function splitNames(value: string): string[] {
  return splitList(value).flatMap((item) =>
    item.length > MAX_NAME_LIST_ITEM
      ? [item]
      : item
          .split(/ (?:and|&) /i)
          .map((name) => name.trim())
          .filter((name) => name !== ''),
  );
}

// Words that make a `/` or `&` item a warning or genre rather than two characters.
const NOT_A_NAME = new Set([
  'abuse',
  'adult',
  'alcohol',
  'angst',
  'au',
  'blood',
  'bondage',
  'bdsm',
  'character',
  'cheating',
  'comfort',
  'consent',
  'content',
  'crack',
  'cursing',
  'death',
  'depression',
  'drug',
  'drugs',
  'dub-con',
  'dubcon',
  'explicit',
  'fluff',
  'femslash',
  'gen',
  'gore',
  'graphic',
  'grief',
  'harm',
  'het',
  'horror',
  'humor',
  'humour',
  'hurt',
  'implied',
  'incest',
  'infidelity',
  'injury',
  'kink',
  'language',
  'mature',
  'mention',
  'mentions',
  'murder',
  'non-con',
  'noncon',
  'nudity',
  'ooc',
  'profanity',
  'pwp',
  'rape',
  'references',
  'romance',
  'sex',
  'sexual',
  'slash',
  'smut',
  'spoiler',
  'spoilers',
  'suicide',
  'swearing',
  'themes',
  'torture',
  'underage',
  'violence',
  'war',
]);

const MAX_PAIRING_LENGTH = 120;
const MAX_WORDS_PER_NAME = 5;

/**
 * Whether a list item reads as a pairing (`Spike/Wesley`, `Buffy & Dawn`) rather than a warning
 * (`Violence/Gore`, `Hurt/Comfort`) or a category (`M/M`). HEADERS.md: "Pairing-shaped items
 * (`A/B`, `A & B`) under a warnings label go to `pairings`".
 */
export function isPairingShaped(item: string): boolean {
  if (item.length > MAX_PAIRING_LENGTH) return false;
  const withoutNotes = item.replace(/\([^()]*\)/g, ' ');
  const sides = withoutNotes.split(/[/&]/).map((side) => side.trim());
  if (sides.length < 2 || sides.some((side) => side === '')) return false;
  // M/M, F/F, M/F/M: categories, not people.
  if (sides.every((side) => /^[mfx]$/i.test(side))) return false;
  return sides.every((side) => {
    const words = side.toLowerCase().split(/\s+/);
    return (
      words.length <= MAX_WORDS_PER_NAME &&
      /\p{L}/u.test(side) &&
      !words.some((word) => NOT_A_NAME.has(word.replace(/[^\p{L}-]/gu, '')))
    );
  });
}

const MAX_NO_WARNINGS_LENGTH = 40;
const NO_WARNINGS = new Set([
  'none',
  'nothing',
  'no archive warnings apply',
  'no warnings',
  'no warnings apply',
  'none apply',
  'n/a',
  'none really',
  'nothing really',
]);

/** `none`, `nothing`, `No Archive Warnings Apply` -> `warningsNone`. */
export function meansNoWarnings(item: string): boolean {
  if (item.length > MAX_NO_WARNINGS_LENGTH) return false;
  const key = item
    .toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return NO_WARNINGS.has(key);
}
