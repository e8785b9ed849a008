import { type EntryHeader, type EntryPart } from '@ficathon/schema';

/**
 * The canonical plain-text header used for downloads: `Title:`, `By:`, then `Label: value` lines
 * in a fixed order, then the epigraph and its credit line. `parseEntryHeader` reads it back to the
 * same fields (see the round-trip property in the tests).
 */

/** The header fields the renderer reads; `lines` and `headerDetected` describe a parse, not a header. */
export type RenderableEntryHeader = Omit<EntryHeader, 'lines' | 'headerDetected'>;

/** A single-line field never spans lines in the output, whatever it holds. */
function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/** A multi-line field keeps its lines, minus empty ones: a blank line would end the header. */
function multiLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

function list(items: readonly string[] | undefined): string | undefined {
  const cleaned = (items ?? []).map(oneLine).filter((item) => item !== '');
  return cleaned.length > 0 ? cleaned.join(', ') : undefined;
}

function partMarker(part: EntryPart): string {
  return `(${String(part.number)}/${part.of === null ? '?' : String(part.of)})`;
}

/** 12034 -> "12,034". */
function groupThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function songValue(song: RenderableEntryHeader['song']): string | undefined {
  const title = song?.title === undefined ? undefined : oneLine(song.title);
  const artist = song?.artist === undefined ? undefined : oneLine(song.artist);
  if (title && artist) return `${title} by ${artist}`;
  if (title) return title;
  return artist ? `by ${artist}` : undefined;
}

function seriesValue(series: RenderableEntryHeader['series']): string | undefined {
  if (!series) return undefined;
  const name = oneLine(series.name);
  if (series.part === undefined) return name;
  // "Part 1 of 42" would read as a part count; a numeric name takes the other form.
  return /^\d+$/.test(name)
    ? `${name}, Part ${String(series.part)}`
    : `Part ${String(series.part)} of ${name}`;
}

function warningsValue(header: RenderableEntryHeader): string | undefined {
  return list([...(header.warnings ?? []), ...(header.warningsNone ? ['None'] : [])]);
}

function titleLine(header: RenderableEntryHeader): string | undefined {
  const title = header.title === undefined ? '' : oneLine(header.title);
  if (title !== '') return header.part ? `${title} ${partMarker(header.part)}` : title;
  return undefined;
}

function partLine(header: RenderableEntryHeader): string | undefined {
  if (!header.part || titleLine(header) !== undefined) return undefined;
  const { number, of } = header.part;
  return of === null ? String(number) : `${String(number)} of ${String(of)}`;
}

/**
 * Renders a header as canonical plain text, without a trailing newline. A field that is absent or
 * empty is left out; `ratingConflict` is a finding of a parse and is not rendered.
 */
export function renderEntryHeader(header: RenderableEntryHeader): string {
  const fields: [label: string, value: string | undefined][] = [
    ['Title', titleLine(header)],
    ['Part', partLine(header)],
    ['By', list(header.authors)],
    ['Fandoms', list(header.fandoms)],
    ['Series', seriesValue(header.series)],
    ['Rating', header.rating ? oneLine(header.rating.raw) : undefined],
    ['Warnings', warningsValue(header)],
    ['Pairings', list(header.pairings)],
    ['Characters', list(header.characters)],
    ['Category', list(header.category)],
    ['Genre', list(header.genre)],
    ['Tags', list(header.tags)],
    ['Spoilers', header.spoilers && multiLine(header.spoilers)],
    ['Word count', header.wordCount === undefined ? undefined : groupThousands(header.wordCount)],
    ['Date', header.date && oneLine(header.date.raw)],
    ['Song', songValue(header.song)],
    ['Prompt', header.prompt && multiLine(header.prompt)],
    ['Challenge', header.challenge && oneLine(header.challenge)],
    ['Recipient', header.recipient && oneLine(header.recipient)],
    ['Beta', header.beta && oneLine(header.beta)],
    ['Archive', header.archive && multiLine(header.archive)],
    ['Feedback', header.feedback && multiLine(header.feedback)],
    ['Disclaimer', header.disclaimer && multiLine(header.disclaimer)],
    ['Summary', header.summary && multiLine(header.summary)],
    ['Notes', header.notes && multiLine(header.notes)],
    ['End notes', header.endNotes && multiLine(header.endNotes)],
    ...Object.entries(header.extra ?? {}).map(([label, value]): [string, string] => [
      oneLine(label),
      multiLine(value),
    ]),
  ];
  const lines = fields
    .filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '')
    .map(([label, value]) => `${label}: ${value}`);

  if (header.epigraph) {
    const text = header.epigraph.text
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (lines.length > 0) lines.push('');
    if (text !== '') lines.push(text, '');
    lines.push(oneLine(header.epigraph.credit));
  }
  return lines.join('\n');
}
