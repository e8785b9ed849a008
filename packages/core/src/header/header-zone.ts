import { type EntryEpigraph } from '@ficathon/schema';
import { findEpigraph } from './epigraph';
import { isFreeTextRole, type LabelRole, readLabelLine } from './labels';
import { isBlankLine, isSeparatorLine } from './line-shapes';
import { type SourceLine, type SourceLines } from './normalize';
import { isTitleCandidate, looksLikeNames, opensWithQuotationMark } from './title';

/**
 * Finds where the header is (HEADERS.md, "Where the header ends, and what is not a header"): the
 * top of the paste, up to the first blank line followed by prose or a separator line, then an
 * optional epigraph. Each line is looked at a bounded number of times: linear in the input.
 */

/** A labelled line and the lines that continue its value. */
export interface HeaderEntry {
  /** The label as written. */
  readonly label: string;
  readonly role: LabelRole | undefined;
  /** The value's lines, trimmed; empty until a value is seen (AO3 puts it on the next line). */
  readonly valueLines: string[];
}

/** The parts of the top of the text that belong to the header. */
export interface HeaderZone {
  /** An unlabelled first line read as the title, as written. */
  readonly titleLine?: string;
  readonly entries: readonly HeaderEntry[];
  readonly epigraph?: EntryEpigraph;
  /** Index of the body's first line (lines.length when there is none); 0 when nothing was detected. */
  readonly bodyLine: number;
  readonly detected: boolean;
}

function skipLines(lines: SourceLines, from: number, skip: (line: SourceLine) => boolean): number {
  let index = from;
  for (let line = lines.at(index); line !== undefined && skip(line); line = lines.at(index)) {
    index += 1;
  }
  return index;
}

function skipBlankLines(lines: SourceLines, from: number): number {
  return skipLines(lines, from, isBlankLine);
}

function skipBlankAndSeparatorLines(lines: SourceLines, from: number): number {
  return skipLines(lines, from, (line) => isBlankLine(line) || isSeparatorLine(line));
}

const ANY_LABEL = { allowBare: true, allowByline: true } as const;

/**
 * "An unlabelled short first line" is the title when what follows it looks like a header: a blank
 * line, a separator, a byline or a labelled line. A short line with prose right under it is the
 * story's first line.
 */
function readUnlabelledTitle(lines: SourceLines, at: number): string | undefined {
  const line = lines.at(at);
  if (!line || isBlankLine(line) || isSeparatorLine(line)) return undefined;
  const text = line.text.trim();
  if (readLabelLine(text, { allowBare: true, allowByline: false })) return undefined;
  if (!isTitleCandidate(text)) return undefined;
  const next = lines.at(at + 1);
  if (!next || isBlankLine(next) || isSeparatorLine(next)) return text;
  return readLabelLine(next.text, ANY_LABEL) ? text : undefined;
}

function readByline(line: SourceLine | undefined): HeaderEntry | undefined {
  if (!line) return undefined;
  const label = readLabelLine(line.text, ANY_LABEL);
  if (!label || !label.bare || label.role !== 'authors' || !looksLikeNames(label.value)) {
    return undefined;
  }
  return { label: label.label, role: label.role, valueLines: [label.value] };
}

/**
 * "A `by X` / `By X` line under the title": right under it, or alone in the next paragraph.
 * Returns the index after the byline, or `at` when there is none.
 */
function readBylineUnderTitle(lines: SourceLines, at: number, entries: HeaderEntry[]): number {
  const direct = lines.at(at);
  if (direct && !isBlankLine(direct)) {
    const byline = readByline(direct);
    if (byline) entries.push(byline);
    return byline ? at + 1 : at;
  }
  const next = skipBlankLines(lines, at);
  const byline = readByline(lines.at(next));
  const after = lines.at(next + 1);
  if (byline && (!after || isBlankLine(after) || isSeparatorLine(after))) {
    entries.push(byline);
    return next + 1;
  }
  return at;
}

/** Whether the paragraph starting at `from` has a line with a label we know. */
function paragraphHasKnownLabel(lines: SourceLines, from: number): boolean {
  for (let index = from; index < lines.length; index += 1) {
    const line = lines.at(index);
    if (!line || isBlankLine(line) || isSeparatorLine(line)) return false;
    if (readLabelLine(line.text, { allowBare: true, allowByline: false })?.role) return true;
  }
  return false;
}

/**
 * Reads labelled lines and their continuations from `from`. Stops at a separator, at dialogue, and
 * at prose: a paragraph that does not start with a label, or an unlabelled line with no value to
 * continue.
 */
function readLabelledLines(
  lines: SourceLines,
  from: number,
  entries: HeaderEntry[],
): { end: number; endedAtSeparator: boolean } {
  let current: HeaderEntry | undefined;
  let paragraphStart = from;
  // Whether the current paragraph has a label we know; computed on demand, once per paragraph.
  let knownLabelHere: boolean | undefined;

  /**
   * A label we do not map starts an entry only in a paragraph that has a label we know (the
   * `Spike: Hello.` lines of a script-style story are not a header), and never when a label is
   * still waiting for its value (`Fandom:` then `Angel: the Series`).
   */
  const acceptsUnknownLabel = (): boolean => {
    if (current !== undefined && current.valueLines.length === 0) return false;
    knownLabelHere ??= paragraphHasKnownLabel(lines, paragraphStart);
    return knownLabelHere;
  };

  let index = from;
  for (; index < lines.length; index += 1) {
    const line = lines.at(index);
    if (!line) break;
    if (isBlankLine(line)) {
      // "Values may continue on the following lines until a blank line"; a label still waiting
      // for its value (AO3 pastes) may find it after the blank.
      if (current && current.valueLines.length > 0) current = undefined;
      paragraphStart = index + 1;
      knownLabelHere = undefined;
      continue;
    }
    if (isSeparatorLine(line)) return { end: index, endedAtSeparator: true };

    const text = line.text.trim();
    // `Written by the river...` inside a summary is prose, not a phrase label.
    const continuingFreeText =
      current !== undefined && current.valueLines.length > 0 && isFreeTextRole(current.role);
    const label = readLabelLine(text, { allowBare: !continuingFreeText, allowByline: false });
    if (label && (label.role !== undefined || acceptsUnknownLabel())) {
      current = {
        label: label.label,
        role: label.role,
        valueLines: label.value === '' ? [] : [label.value],
      };
      entries.push(current);
      continue;
    }
    // "A line that opens with a quotation mark is dialogue."
    if (opensWithQuotationMark(text) || !current) break;
    current.valueLines.push(text);
  }
  return { end: index, endedAtSeparator: false };
}

/** Finds the header zone of the lines of a pasted entry. */
export function readHeaderZone(lines: SourceLines): HeaderZone {
  const entries: HeaderEntry[] = [];
  let index = skipBlankAndSeparatorLines(lines, 0);

  const titleLine = readUnlabelledTitle(lines, index);
  if (titleLine !== undefined) index = readBylineUnderTitle(lines, index + 1, entries);

  const labelled = readLabelledLines(lines, index, entries);
  index = labelled.end;
  // The separator that ends the header belongs to it, not to the story.
  if (labelled.endedAtSeparator) index += 1;
  index = skipBlankLines(lines, index);

  const found = findEpigraph(lines, index);
  if (found) {
    index = skipBlankLines(lines, found.next);
    const separator = lines.at(index);
    if (separator && isSeparatorLine(separator)) index = skipBlankLines(lines, index + 1);
  }

  const detected = titleLine !== undefined || entries.length > 0 || found !== undefined;
  const zone: HeaderZone = { entries, bodyLine: detected ? index : 0, detected };
  return {
    ...zone,
    ...(titleLine === undefined ? {} : { titleLine }),
    ...(found ? { epigraph: found.epigraph } : {}),
  };
}
