import { foldToWords, type SearchTerm } from './search-query';

const BEFORE = 12;
const AFTER = 24;

/**
 * An excerpt of a story around the first place a search matches, with the matched words wrapped
 * in \u0002 ... \u0003 (not HTML: the caller escapes the text, then turns them into marks).
 * Words are the letter-and-digit runs a search matches, compared folded (accents, case,
 * compatibility forms); everything between them is kept as written. When the story does not hold
 * the match (it was in the title or header), the story's opening.
 */
export function searchSnippet(body: string, terms: readonly SearchTerm[]): string {
  const words = [...body.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    folded: foldToWords(match[0]).join(''),
  }));
  const wanted = terms
    .map((term) => ({ words: term.words.map((w) => foldToWords(w).join('')), prefix: term.prefix }))
    .filter((term) => term.words.length > 0);
  const matchesAt = (index: number, term: { words: string[]; prefix: boolean }) =>
    term.words.every((word, offset) => {
      const candidate = words[index + offset]?.folded;
      if (candidate === undefined) return false;
      const last = offset === term.words.length - 1;
      return last && term.prefix ? candidate.startsWith(word) : candidate === word;
    });

  let first = -1;
  const marked = new Set<number>();
  for (let index = 0; index < words.length; index += 1) {
    if (first >= 0 && index >= first + AFTER) break;
    for (const term of wanted) {
      if (!matchesAt(index, term)) continue;
      if (first < 0) first = index;
      term.words.forEach((_, offset) => marked.add(index + offset));
    }
  }
  if (words.length === 0) return body.slice(0, 300);
  const from = first < 0 ? 0 : Math.max(0, first - BEFORE);
  const to = Math.min(words.length, (first < 0 ? 0 : first) + AFTER);
  let excerpt = '';
  let cursor = words[from]!.start;
  for (let index = from; index < to; index += 1) {
    const word = words[index]!;
    excerpt += body.slice(cursor, word.start);
    const text = body.slice(word.start, word.end);
    excerpt += marked.has(index) ? `\u0002${text}\u0003` : text;
    cursor = word.end;
  }
  // Keep the punctuation that closes the last word (a full stop, a closing quote).
  excerpt += /^[^\s\p{L}\p{N}]*/u.exec(body.slice(cursor))?.[0] ?? '';
  const clean = excerpt.replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '… ' : ''}${clean}${to < words.length ? ' …' : ''}`;
}
