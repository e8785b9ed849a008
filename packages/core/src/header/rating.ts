import { type Rating } from '@ficathon/schema';

/**
 * Ratings (HEADERS.md, "Ratings: one scale, raw always kept"). Values are matched as whole tokens,
 * longest phrase first and never by prefix, so `Mature` is not `MA` and `Rated PG` is not `R`.
 */

/** The scale from least to most restrictive; `not_rated` ranks lowest because it says nothing. */
const RESTRICTIVENESS: Readonly<Record<Rating, number>> = {
  not_rated: 0,
  general: 1,
  teen: 2,
  mature: 3,
  explicit: 4,
};

const RATING_TABLE: Readonly<Record<Rating, readonly string[]>> = {
  general: [
    'g',
    'pg',
    'k',
    'k+',
    'frc',
    'fr7',
    'fr-7',
    'general audiences',
    'general',
    'all ages',
    'gen',
    'fiction k',
    'fiction k+',
  ],
  teen: [
    'pg-13',
    'pg13',
    'pg 13',
    'pg-15',
    'pg15',
    'nc-13',
    'nc13',
    't',
    'frt',
    'fr13',
    'fr-13',
    'fr15',
    'fr-15',
    'teen and up audiences',
    'teen and up',
    'teen',
    'teens',
    '12+',
    '13+',
    'fiction t',
  ],
  mature: ['r', 'm', 'frm', 'fr18', 'fr-18', 'mature', '16+', '17+', 'fiction m'],
  explicit: [
    'nc-17',
    'nc17',
    'nc 17',
    'nc-21',
    'nc21',
    'x',
    'xxx',
    'r18',
    'r-18',
    'ma',
    'frao',
    'fr21',
    'fr-21',
    'explicit',
    'e',
    'adult',
    'adults only',
    '18+',
    'fiction ma',
  ],
  not_rated: ['not rated', 'not yet rated', 'unrated', 'none', 'n/a'],
};

interface RatingPhrase {
  readonly tokens: readonly string[];
  readonly rating: Rating;
}

// Phrases indexed by their first token, longest first: "Teen And Up Audiences" before "Teen".
const PHRASES_BY_FIRST_TOKEN: ReadonlyMap<string, readonly RatingPhrase[]> = (() => {
  const index = new Map<string, RatingPhrase[]>();
  for (const [rating, phrases] of Object.entries(RATING_TABLE) as [Rating, readonly string[]][]) {
    for (const phrase of phrases) {
      const tokens = phrase.split(' ');
      const first = tokens[0] ?? '';
      index.set(first, [...(index.get(first) ?? []), { tokens, rating }]);
    }
  }
  for (const phrases of index.values()) phrases.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
})();

// Words that may sit around a rating without being notes: "Rated PG", "PG-13 to R", "R/NC-17".
const FILLER_WORDS = new Set(['rated', 'rating', 'fiction', 'mpaa', 'overall', 'audiences']);
const RANGE_WORDS = new Set(['to', 'or', 'and', 'through', 'thru', 'then', 'eventually', 'later']);
// Single letters are ratings only when written as one (upper case) or when they are the whole value:
// "e.g." in a note is not Explicit.
const SINGLE_LETTER_RATINGS = new Set(['g', 'k', 't', 'm', 'r', 'x', 'e']);
const MAX_ANALYSED_LENGTH = 300;
const MAX_WORDS_BEFORE_RATING = 6;

interface Token {
  readonly lower: string;
  readonly written: string;
  /** `(`, `[`, `:` or `;`: what follows a rating after one of these is a note. */
  readonly opensNote: boolean;
}

function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  // No nested quantifiers over overlapping classes: `-` is outside [a-z0-9+].
  for (const [written] of value.matchAll(/n\/a(?![a-z0-9+])|[a-z0-9+]+(?:-[a-z0-9+]+)*|[([:;]/gi)) {
    tokens.push({ lower: written.toLowerCase(), written, opensNote: /^[([:;]$/.test(written) });
  }
  return tokens;
}

function phraseAt(tokens: readonly Token[], at: number): RatingPhrase | undefined {
  const first = tokens[at];
  if (!first) return undefined;
  const candidates = PHRASES_BY_FIRST_TOKEN.get(first.lower) ?? [];
  return candidates.find((phrase) =>
    phrase.tokens.every((token, offset) => tokens[at + offset]?.lower === token),
  );
}

function isWordToken(token: Token): boolean {
  return !token.opensNote;
}

/** What a rating value says, with whether any of it was recognised at all. */
export interface RatingReading {
  readonly normalized: Rating;
  /** False when no token was a rating we know ("anything unrecognised" is not_rated). */
  readonly recognized: boolean;
  /** The template's guidance (`(G, PG, PG-13, etc.)`) if the writer left it in. */
  readonly guidance?: string;
}

/**
 * Reads a rating value: the most restrictive rating named before any note (`PG-13 to R` -> mature,
 * `R/NC-17` -> explicit, `PG-13 for language` -> teen). Template guidance is set aside first.
 */
export function readRating(raw: string): RatingReading {
  const { guidance, rest } = splitTemplateGuidance(raw.slice(0, MAX_ANALYSED_LENGTH), isRatingList);
  const tokens = tokenize(rest);
  const wordCount = tokens.filter(
    (token) => isWordToken(token) && !FILLER_WORDS.has(token.lower),
  ).length;
  const found: Rating[] = [];
  let skippedWords = 0;
  for (let at = 0; at < tokens.length;) {
    const token = tokens[at];
    if (!token) break;
    const phrase = phraseAt(tokens, at);
    const isSingleLetter = phrase?.tokens.length === 1 && SINGLE_LETTER_RATINGS.has(token.lower);
    const counts = phrase && (!isSingleLetter || token.written !== token.lower || wordCount === 1);
    if (phrase && counts) {
      found.push(phrase.rating);
      at += phrase.tokens.length;
      continue;
    }
    if (found.length > 0) {
      // After a rating, only range words may follow: anything else starts a note.
      const continuesRange = RANGE_WORDS.has(token.lower) || FILLER_WORDS.has(token.lower);
      if (token.opensNote || !continuesRange) break;
    } else if (!FILLER_WORDS.has(token.lower)) {
      // Words before a rating ("Hard R", "a mild PG-13") are skipped, but not for long.
      skippedWords += 1;
      if (skippedWords > MAX_WORDS_BEFORE_RATING) break;
    }
    at += 1;
  }
  const base = guidance === undefined ? {} : { guidance };
  if (found.length === 0) return { ...base, normalized: 'not_rated', recognized: false };
  return { ...base, normalized: mostRestrictive(found), recognized: true };
}

/**
 * Normalizes a rating as written to the one scale (HEADERS.md rating table). Anything unrecognised,
 * and a value that only holds template guidance, is `not_rated`.
 */
export function normalizeRating(raw: string): Rating {
  return readRating(raw).normalized;
}

/**
 * The most restrictive of several ratings. `not_rated` only wins when nothing else is rated: a
 * value that names a rating says more than one that names none.
 */
export function mostRestrictive(ratings: readonly Rating[]): Rating {
  let result: Rating = 'not_rated';
  for (const rating of ratings) {
    if (RESTRICTIVENESS[rating] > RESTRICTIVENESS[result]) result = rating;
  }
  return result;
}

/** The rating the adult-content gate uses: "For the adult-content gate, not_rated counts as explicit." */
export function gateRating(rating: Rating): Rating {
  return rating === 'not_rated' ? 'explicit' : rating;
}

// Words that mark a leading parenthetical as template guidance rather than the writer's value.
const GUIDANCE_WORDS =
  /\betc\b|\be\.g\b|\bi\.e\b|\bif any\b|\bif applicable\b|\boptional\b|\bchoose\b|\bpick\b|\bone of\b|\bsee below\b/i;
const MAX_GUIDANCE_LENGTH = 200;

/** `(G, PG, PG-13, R, NC-17)`: three or more ratings in one list is a menu, not a choice. */
function isRatingList(inner: string): boolean {
  const items = inner.split(/[,/|]/).filter((item) => item.trim() !== '');
  const rated = items.filter((item) => {
    const tokens = tokenize(item);
    const phrase = phraseAt(tokens, 0);
    return phrase !== undefined && phrase.tokens.length === tokens.length;
  });
  return rated.length >= 3;
}

/**
 * Sets aside a leading `( ... )` or `[ ... ]` left from a header template (HEADERS.md: "labels with
 * guidance left in (`Rating: (G, PG, PG-13, etc.)`) are common").
 */
export function splitTemplateGuidance(
  value: string,
  isMenu: (inner: string) => boolean = () => false,
): { guidance?: string; rest: string } {
  const trimmed = value.trim();
  const opener = trimmed.charAt(0);
  if (opener !== '(' && opener !== '[') return { rest: trimmed };
  const close = trimmed.slice(0, MAX_GUIDANCE_LENGTH).indexOf(opener === '(' ? ')' : ']');
  if (close < 0) return { rest: trimmed };
  const inner = trimmed.slice(1, close);
  if (!GUIDANCE_WORDS.test(inner) && !isMenu(inner)) return { rest: trimmed };
  return { guidance: trimmed.slice(0, close + 1), rest: trimmed.slice(close + 1).trim() };
}
