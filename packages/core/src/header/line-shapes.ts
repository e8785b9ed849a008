import { type SourceLine } from './normalize';

/**
 * Lines recognised by their shape rather than a label: separators, epigraph credits and end markers.
 * All work on one line, looking at a bounded number of characters.
 */

const SEPARATOR_SYMBOLS = new Set([
  '*',
  '~',
  '-',
  '_',
  '=',
  '#',
  '+',
  '•',
  '·',
  '–',
  '—',
  '°',
  'o',
  'O',
]);
const MAX_SEPARATOR_LENGTH = 120;
const MIN_SEPARATOR_SYMBOLS = 3;

/**
 * A separator line (HEADERS.md: `***`, `* * *`, `~~~`, `---`, `___`, `<hr>`, `=====`): only
 * separator symbols and spaces, at least three symbols, and not only the letter o (`ooo` is a word,
 * `oOo` a scene break only with a symbol nearby, as in `~oOo~`).
 */
export function isSeparatorLine(line: SourceLine): boolean {
  if (line.isRule) return true;
  const text = line.text.trim();
  if (text.length < MIN_SEPARATOR_SYMBOLS || text.length > MAX_SEPARATOR_LENGTH) return false;
  let symbols = 0;
  let nonLetterSymbols = 0;
  for (const character of text) {
    if (character === ' ') continue;
    if (!SEPARATOR_SYMBOLS.has(character)) return false;
    symbols += 1;
    if (character !== 'o' && character !== 'O') nonLetterSymbols += 1;
  }
  return symbols >= MIN_SEPARATOR_SYMBOLS && nonLetterSymbols > 0;
}

export function isBlankLine(line: SourceLine): boolean {
  return !line.isRule && line.text.trim() === '';
}

const MAX_CREDIT_LENGTH = 120;

/**
 * An epigraph's credit line: "starting with `~`, `-`, `--` or an em dash" and then words
 * (`~ Lyrics by Moby`, `-- Shakespeare`, `— The Who, "Behind Blue Eyes"`).
 */
export function isCreditLine(line: SourceLine): boolean {
  const text = line.text.trim();
  if (text.length > MAX_CREDIT_LENGTH || isSeparatorLine(line) || isEndMarker(line)) return false;
  return /^(?:~+|-{1,2}|\u2014|\u2013)\s*["“„«‘]?[\p{L}\p{N}]/u.test(text);
}

const END_MARKER_WORDS = new Set(['fin', 'finis', 'the end', 'end', 'end of story', 'owari']);
const MAX_END_MARKER_LENGTH = 40;

/** An end marker (`~ fin ~`, `THE END`, `-End-`): after it come the end notes. */
export function isEndMarker(line: SourceLine): boolean {
  const text = line.text.trim();
  if (text === '' || text.length > MAX_END_MARKER_LENGTH) return false;
  const words = text
    .replace(/^[\s~*\-_=#.()[\]<>!:\u2013\u2014]+/, '')
    .replace(/[\s~*\-_=#.()[\]<>!:\u2013\u2014]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  return END_MARKER_WORDS.has(words);
}
