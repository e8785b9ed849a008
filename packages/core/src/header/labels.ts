/**
 * Header labels: which field each label feeds (HEADERS.md, "Labels seen in the wild") and how a
 * labelled line is recognised. Every function here works on one line that is bounded before any
 * regular expression sees it.
 */

/** What a label's value is used for. `undefined` (not in the table) means it goes to `extra`. */
export type LabelRole =
  | 'title'
  | 'part'
  | 'authors'
  | 'rating'
  | 'warnings'
  | 'pairings'
  | 'pairingsOrCharacters'
  | 'pairingsOrFandoms'
  | 'characters'
  | 'fandoms'
  | 'category'
  | 'genre'
  | 'tags'
  | 'spoilers'
  | 'disclaimer'
  | 'archive'
  | 'namedArchive'
  | 'feedback'
  | 'beta'
  | 'summary'
  | 'notes'
  | 'endNotes'
  | 'wordCount'
  | 'prompt'
  | 'challenge'
  | 'writtenFor'
  | 'recipient'
  | 'song'
  | 'titleFrom'
  | 'date'
  | 'series'
  | 'sequelTo';

const LABELS: Readonly<Record<LabelRole, readonly string[]>> = {
  title: ['title', 'story title', 'fic', 'fic title', 'fill title', 'work title'],
  part: ['part'],
  authors: [
    'author',
    'authors',
    'by',
    'written by',
    'author/artist',
    'authors/artists',
    'author name',
    'writer',
    'writers',
  ],
  rating: ['rating', 'ratings', 'rated', 'content/rating', 'content rating'],
  warnings: [
    'warning',
    'warnings',
    'warnings/spoilers',
    'warning/spoilers',
    'content/warnings',
    'content/warning',
    'content warning',
    'content warnings',
    'content note',
    'content notes',
    'archive warning',
    'archive warnings',
    'cw',
    'tw',
    'cw/tw',
    'tw/cw',
    'trigger warning',
    'trigger warnings',
    'triggers',
  ],
  pairings: ['pairing', 'pairings', 'relationship', 'relationships', 'ship', 'ships'],
  pairingsOrCharacters: [
    'pairings/characters',
    'pairing/characters',
    'pairing/character',
    'characters/pairings',
    'characters/pairing',
  ],
  pairingsOrFandoms: ['fandom/pairings', 'fandom/pairing', 'fandoms/pairings'],
  characters: ['character', 'characters', 'characters involved'],
  fandoms: ['fandom', 'fandoms', 'crossover fandom', 'crossover fandoms', 'crossover', 'universe'],
  category: ['category', 'categories', 'classification'],
  genre: ['genre', 'genres'],
  tags: ['tag', 'tags', 'additional tags', 'keywords'],
  spoilers: [
    'spoiler',
    'spoilers',
    'spoiler warning',
    'spoiler warnings',
    'spoilers/timeline',
    'spoilers/setting',
    'timeline',
    'setting',
    'takes place',
  ],
  disclaimer: ['disclaimer', 'disclaimers'],
  archive: ['archive', 'archiving', 'distribution', 'archive/distribution'],
  // `<Name> Archive` is recognised by its shape in roleOfLabel.
  namedArchive: [],
  feedback: ['feedback', 'comments', 'concrit', 'feedback/concrit'],
  beta: [
    'beta',
    'betas',
    "beta'd by",
    'betaed by',
    'beta read by',
    'beta-read by',
    'beta reader',
    'beta readers',
    "beta'd",
  ],
  summary: ['summary', 'story summary', 'description'],
  notes: [
    'note',
    'notes',
    "author's note",
    "author's notes",
    "authors' notes",
    'authors note',
    'authors notes',
    'author note',
    'author notes',
    'a/n',
    'a/ns',
    'story notes',
    'dedication',
    'dedications',
  ],
  endNotes: ['end notes', 'end note', 'endnotes'],
  wordCount: ['word count', 'wordcount', 'word-count', 'words', 'length'],
  prompt: ['prompt', 'prompts', 'theme', 'request'],
  challenge: ['challenge', 'challenges'],
  writtenFor: ['written for'],
  recipient: ['for', 'recipient'],
  song: ['song'],
  titleFrom: ['title from', 'title taken from'],
  date: ['date', 'posted', 'posted on', 'posted at', 'published', 'updated', 'date posted'],
  series: ['series'],
  sequelTo: ['sequel to'],
};

const ROLE_BY_KEY: ReadonlyMap<string, LabelRole> = new Map(
  (Object.entries(LABELS) as [LabelRole, readonly string[]][]).flatMap(([role, keys]) =>
    keys.map((key) => [key, role] as const),
  ),
);

/**
 * Labels that take their value without a delimiter because they read as a phrase: `By X`,
 * `Rated PG`, `Written for X in the Y challenge`, `Title from "S" by A`. Longest first.
 */
const BARE_LABELS = [
  'title taken from',
  'beta read by',
  'beta-read by',
  'written for',
  'written by',
  "beta'd by",
  'betaed by',
  'title from',
  'sequel to',
  'posted on',
  'rated',
  'by',
] as const;

/** The longest label we look for; a colon further right is part of a sentence. */
const MAX_LABEL_LENGTH = 40;
const MAX_UNKNOWN_LABEL_LENGTH = 32;
const MAX_UNKNOWN_LABEL_WORDS = 4;

/** A label read from the start of a line. */
export interface LabelledLine {
  /** The label as written, without bullets, markup or delimiter. */
  readonly label: string;
  /** The field the label feeds; undefined for a label we do not map (it goes to `extra`). */
  readonly role: LabelRole | undefined;
  /** The rest of the line, trimmed. */
  readonly value: string;
  /** True for a phrase label without delimiter (`By X`, `Rated PG`). */
  readonly bare: boolean;
}

/** A label as a table key: lower case, `’` as `'`, single spaces, `Warning(s)` -> `warnings`. */
function labelKey(label: string): string {
  const lower = label.toLowerCase();
  // Most labels are already plain words; skip the rewriting for them.
  if (/^[a-z]+(?: [a-z]+)*$/.test(lower)) return lower;
  return lower
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\(s\)/g, 's')
    .replace(/\s+/g, ' ')
    .replace(/ ?\/ ?/g, '/')
    .trim();
}

/** The field a label feeds, if it is one we know. `<Name> Archive` is a named archive. */
function roleOfLabel(label: string): LabelRole | undefined {
  const key = labelKey(label);
  const role = ROLE_BY_KEY.get(key);
  if (role) return role;
  // "Named archives (`<Name> Archive: yes/no`)": a short label ending in "archive".
  if (key.endsWith(' archive') && key.split(' ').length <= 5) return 'namedArchive';
  return undefined;
}

// A label we do not know must look like one: a capitalised word or a few words, letters first.
const UNKNOWN_LABEL_SHAPE = /^\p{Lu}[\p{L}\p{N}'’&/() -]*$/u;

function looksLikeUnknownLabel(label: string): boolean {
  return (
    label.length <= MAX_UNKNOWN_LABEL_LENGTH &&
    UNKNOWN_LABEL_SHAPE.test(label) &&
    label.split(' ').length <= MAX_UNKNOWN_LABEL_WORDS
  );
}

const BULLET_CHARACTERS = new Set(['•', '·', '*', '-', '–', '>', '+', '◦', '▪']);

/** Drops list bullets (`•`, `-`, `*`...) from the start of a line, with the spaces after them. */
function stripBullet(text: string): string {
  let index = 0;
  while (index < text.length && index < 8) {
    const character = text[index] ?? '';
    if (character === ' ' || BULLET_CHARACTERS.has(character)) index += 1;
    else break;
  }
  return text.slice(index);
}

function isEmphasisOrSpace(code: number): boolean {
  return code === 0x2a || code === 0x5f || code === 0x20 || code === 0x09;
}

/** Drops Markdown-style emphasis (`**`, `__`) and spaces around a label. */
function trimEmphasis(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isEmphasisOrSpace(text.charCodeAt(start))) start += 1;
  while (end > start && isEmphasisOrSpace(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

/** Drops the emphasis closing a label (`**Rating:** PG`) and spaces from a value. */
function trimValueStart(value: string): string {
  let start = 0;
  while (start < value.length && isEmphasisOrSpace(value.charCodeAt(start))) start += 1;
  return value.slice(start).trimEnd();
}

/** Where the line's label ends at a colon, if the colon is close enough to the start. */
function colonLabel(text: string): { label: string; value: string } | undefined {
  const colon = text.slice(0, MAX_LABEL_LENGTH + 8).indexOf(':');
  if (colon <= 0) return undefined;
  const label = trimEmphasis(text.slice(0, colon));
  if (label === '' || label.length > MAX_LABEL_LENGTH) return undefined;
  return { label, value: trimValueStart(text.slice(colon + 1)) };
}

/** `Rating — PG`, `Rating – PG`, `Rating - PG`, `Rating -- PG`: a dash used as the delimiter. */
function dashLabel(text: string): { label: string; value: string } | undefined {
  const head = text.slice(0, MAX_LABEL_LENGTH + 8);
  if (!/[-\u2013\u2014\u2015]/.test(head)) return undefined;
  const match = /\s*(?:[\u2014\u2015]|\s[\u2013-]{1,2}\s)\s*/.exec(head);
  if (!match || match.index === 0) return undefined;
  const label = trimEmphasis(head.slice(0, match.index));
  return { label, value: trimValueStart(text.slice(match.index + match[0].length)) };
}

// First letters of the phrase labels, so most lines skip the phrase search.
const BARE_LABEL_INITIALS = new Set(BARE_LABELS.map((phrase) => phrase.charAt(0)));

function bareLabel(text: string): { label: string; value: string } | undefined {
  if (!BARE_LABEL_INITIALS.has(text.charAt(0).toLowerCase())) return undefined;
  const lower = text
    .slice(0, 24)
    .toLowerCase()
    .replace(/\u2019/g, "'");
  for (const phrase of BARE_LABELS) {
    if (lower.startsWith(phrase) && /\s/.test(text.charAt(phrase.length))) {
      const value = text.slice(phrase.length).trim();
      if (value !== '') return { label: text.slice(0, phrase.length), value };
    }
  }
  return undefined;
}

/** Options for reading one line as a labelled line. */
export interface ReadLabelOptions {
  /** Phrase labels (`By X`, `Rated PG`) are recognised; off while continuing a free-text value. */
  readonly allowBare: boolean;
  /** `By X` is a byline only right under the title ("a `by X` line under the title"). */
  readonly allowByline: boolean;
}

/**
 * Reads a line as `Label: value` (HEADERS.md: "Labels start a line (after optional bullets and
 * inline markup)"). The colon form accepts labels we do not know if they look like labels; the
 * dash and phrase forms only accept known labels, since prose is full of dashes.
 */
export function readLabelLine(text: string, options: ReadLabelOptions): LabelledLine | undefined {
  const line = stripBullet(text.trim());
  if (line === '') return undefined;

  const colon = colonLabel(line);
  if (colon) {
    const role = roleOfLabel(colon.label);
    if (role) return { label: colon.label, value: colon.value, role, bare: false };
  }
  const dash = dashLabel(line);
  if (dash) {
    const role = roleOfLabel(dash.label);
    if (role && dash.value !== '')
      return { label: dash.label, value: dash.value, role, bare: false };
  }
  if (options.allowBare) {
    const bare = bareLabel(line);
    if (bare && (options.allowByline || labelKey(bare.label) !== 'by')) {
      return { label: bare.label, value: bare.value, role: roleOfLabel(bare.label), bare: true };
    }
  }
  if (colon && looksLikeUnknownLabel(colon.label)) {
    return { label: colon.label, value: colon.value, role: undefined, bare: false };
  }
  return undefined;
}

/** Roles whose value is free text, where a line starting `Written by` is more likely prose. */
export function isFreeTextRole(role: LabelRole | undefined): boolean {
  return (
    role === undefined ||
    role === 'summary' ||
    role === 'notes' ||
    role === 'endNotes' ||
    role === 'disclaimer' ||
    role === 'spoilers' ||
    role === 'feedback' ||
    role === 'archive' ||
    role === 'prompt'
  );
}
