import { type EntryEpigraph } from '@ficathon/schema';
import { readLabelLine } from './labels';
import { isBlankLine, isCreditLine, isEndMarker, isSeparatorLine } from './line-shapes';
import { type SourceLines } from './normalize';

/**
 * Epigraphs and end notes: the two parts of an entry found by looking a bounded distance ahead
 * (or back) instead of by label.
 */

// Lyrics are short lines; a story's paragraphs are not. These bounds also keep the look-ahead cheap.
const MAX_EPIGRAPH_LINE_LENGTH = 120;
const MAX_EPIGRAPH_LINES = 40;
const MAX_EPIGRAPH_CHARACTERS = 3000;

/** An epigraph found at a line, with the index of the first line after its credit. */
export interface FoundEpigraph {
  readonly epigraph: EntryEpigraph;
  readonly next: number;
}

/**
 * HEADERS.md: "lyric lines followed by a credit line starting with `~`, `-`, `--` or an em dash".
 * Looks at most MAX_EPIGRAPH_LINES lines ahead of `from`; the credit must end its paragraph.
 */
export function findEpigraph(lines: SourceLines, from: number): FoundEpigraph | undefined {
  const quoted: string[] = [];
  let characters = 0;
  let quotedLines = 0;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines.at(index);
    if (!line || isSeparatorLine(line)) return undefined;
    if (isBlankLine(line)) {
      // A stanza break is kept as one empty line.
      if (quoted.length > 0 && quoted[quoted.length - 1] !== '') quoted.push('');
      continue;
    }
    if (quotedLines > 0 && isCreditLine(line)) {
      const after = lines.at(index + 1);
      if (after && !isBlankLine(after) && !isSeparatorLine(after)) return undefined;
      while (quoted[quoted.length - 1] === '') quoted.pop();
      return { epigraph: { text: quoted.join('\n'), credit: line.text.trim() }, next: index + 1 };
    }
    const text = line.text.trim();
    characters += text.length;
    quotedLines += 1;
    const tooLong =
      text.length > MAX_EPIGRAPH_LINE_LENGTH ||
      quotedLines > MAX_EPIGRAPH_LINES ||
      characters > MAX_EPIGRAPH_CHARACTERS;
    if (tooLong || readLabelLine(text, { allowBare: false, allowByline: false })?.role) {
      return undefined;
    }
    quoted.push(text);
  }
  return undefined;
}

const MAX_END_NOTES_LINES = 60;
const MAX_END_NOTES_CHARACTERS = 5000;

/**
 * HEADERS.md: "Notes after an end marker (`~ fin ~`, `THE END`) are `endNotes`." Looks back from
 * the end of the text for the last end marker within MAX_END_NOTES_LINES non-blank lines; the end
 * notes (which stay in the body too) are the lines after it, without a leading `Notes:` label.
 */
export function findEndNotes(lines: SourceLines, bodyStart: number): string | undefined {
  const after: string[] = [];
  let characters = 0;
  for (let index = lines.length - 1; index >= bodyStart; index -= 1) {
    const line = lines.at(index);
    if (!line) break;
    if (isEndMarker(line)) return after.length > 0 ? endNotesText(after.reverse()) : undefined;
    if (isBlankLine(line)) continue;
    const text = line.text.trim();
    characters += text.length;
    if (after.length >= MAX_END_NOTES_LINES || characters > MAX_END_NOTES_CHARACTERS) break;
    after.push(text);
  }
  return undefined;
}

function endNotesText(lines: string[]): string {
  const [first = '', ...rest] = lines;
  const label = readLabelLine(first, { allowBare: false, allowByline: false });
  const opening = label?.role === 'notes' || label?.role === 'endNotes' ? label.value : first;
  return [opening, ...rest].filter((line) => line !== '').join('\n');
}
