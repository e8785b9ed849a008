/**
 * A reader's search box, read the same way on both databases: words (all must match), "quoted
 * phrases" (words next to each other, in order, in one field), and word* prefixes. Anything else
 * (unbalanced quotes, operators, a lone *, punctuation) is not syntax: it only separates words.
 * An empty result means "no search".
 */
export interface SearchTerm {
  /** Words of the term as typed (lower-cased), letters and digits only. A phrase has several. */
  words: string[];
  /** Matches words that start with the last word. */
  prefix: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_TERMS = 16;

export function parseSearchQuery(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  // Split into "quoted phrases" and the text between them; an unmatched quote quotes nothing.
  const pieces = input
    .slice(0, 500)
    .toLowerCase()
    .split(/("[^"]*")/);
  for (const piece of pieces) {
    if (piece.startsWith('"') && piece.endsWith('"') && piece.length >= 2) {
      const words = piece.match(WORD) ?? [];
      if (words.length > 0) terms.push({ words, prefix: false });
      continue;
    }
    for (const [token] of piece.matchAll(/[^\s"]+/gu)) {
      const words = token.match(WORD) ?? [];
      if (words.length === 0) continue;
      // "spike/wesley" is two words that must both appear; "rose*" is a prefix.
      words.forEach((word, index) =>
        terms.push({ words: [word], prefix: index === words.length - 1 && token.endsWith('*') }),
      );
    }
  }
  return terms.slice(0, MAX_TERMS);
}

/**
 * Text as plain words for indexing and matching: compatibility forms unfolded (ﬁ -> fi,
 * full-width -> ASCII), accents removed, lower-cased, anything not a letter or digit a separator.
 * Both databases index it and are queried with it, so they find the same entries.
 */
export function foldToWords(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(WORD) ?? [];
}

/** The query in FTS5 syntax: each word quoted, so no input can be read as an FTS5 operator. */
export function toFts5Query(terms: SearchTerm[]): string {
  return terms
    .map((term) => ({ words: term.words.flatMap(foldToWords), prefix: term.prefix }))
    .filter((term) => term.words.length > 0)
    .map((term) => `"${term.words.join(' ')}"${term.prefix ? '*' : ''}`)
    .join(' AND ');
}

// The index weighs title A, summary B, header C, story D; a phrase must sit in one of them.
const FIELD_WEIGHTS = ['A', 'B', 'C', 'D'] as const;

/** The query in PostgreSQL tsquery syntax (for to_tsquery('simple', ...)), folded as the index is. */
export function toTsQuery(terms: SearchTerm[]): string {
  const parts: string[] = [];
  for (const term of terms) {
    const words = term.words.flatMap(foldToWords);
    if (words.length === 0) continue;
    const lexeme = (word: string, index: number, weight = '') =>
      term.prefix && index === words.length - 1
        ? `${word}:*${weight}`
        : weight
          ? `${word}:${weight}`
          : word;
    if (words.length === 1) {
      parts.push(lexeme(words[0]!, 0));
      continue;
    }
    // A phrase within one field: every word carries the same weight.
    parts.push(
      `(${FIELD_WEIGHTS.map((w) => `(${words.map((word, i) => lexeme(word, i, w)).join(' <-> ')})`).join(' | ')})`,
    );
  }
  return parts.join(' & ');
}
