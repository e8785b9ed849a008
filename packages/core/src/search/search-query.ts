/**
 * A reader's search box, read the same way on both databases: words (all must match), "quoted
 * phrases" (words next to each other, in order), and word* prefixes. Anything else (unbalanced
 * quotes, operators, a lone *, punctuation) is not syntax: it only separates words. An empty
 * result means "no search".
 */
export interface SearchTerm {
  /** Words of the term, letters and digits only. A phrase has several. */
  words: string[];
  /** Matches words that start with the last word. */
  prefix: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_TERMS = 16;

export function parseSearchQuery(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  // Split into "quoted phrases" and the text between them; an unmatched quote quotes nothing.
  // Accents are folded as the index folds them: "zoe" finds "Zoë".
  const folded = input.slice(0, 500).normalize('NFKD').replace(/\p{M}/gu, '');
  const pieces = folded.split(/("[^"]*")/);
  for (const piece of pieces) {
    if (piece.startsWith('"') && piece.endsWith('"') && piece.length >= 2) {
      const words = piece.toLowerCase().match(WORD) ?? [];
      if (words.length > 0) terms.push({ words, prefix: false });
      continue;
    }
    for (const [token] of piece.toLowerCase().matchAll(/[^\s"]+/gu)) {
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

/** The query in FTS5 syntax: each word quoted, so no input can be read as an FTS5 operator. */
export function toFts5Query(terms: SearchTerm[]): string {
  return terms.map((term) => `"${term.words.join(' ')}"${term.prefix ? '*' : ''}`).join(' AND ');
}

/** The query in PostgreSQL tsquery syntax (for to_tsquery('simple', ...)). */
export function toTsQuery(terms: SearchTerm[]): string {
  return terms
    .map((term) => {
      const words = term.words.map((word, index) =>
        term.prefix && index === term.words.length - 1 ? `${word}:*` : word,
      );
      return words.length > 1 ? `(${words.join(' <-> ')})` : words[0];
    })
    .join(' & ');
}
