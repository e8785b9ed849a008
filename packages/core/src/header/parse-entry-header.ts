import { type ParsedEntry } from '@ficathon/schema';
import { assembleHeader } from './assemble-header';
import { findEndNotes } from './epigraph';
import { readHeaderZone } from './header-zone';
import { splitSourceLines } from './normalize';

/**
 * Parses a pasted entry into its header fields and its body (HEADERS.md). The body is the input
 * after the header and epigraph, byte for byte: a suffix of `text`. Linear in the input size and
 * total: it returns a result for every string, however hostile.
 */
export function parseEntryHeader(text: string): ParsedEntry {
  // Callers outside TypeScript (the API parses JSON) could pass anything; a string is promised.
  const input = typeof text === 'string' ? text : '';
  const lines = splitSourceLines(input);
  const zone = readHeaderZone(lines);
  const { header, warnings } = assembleHeader(zone);

  // Without a header the body is the whole input, even markup before the first line's text.
  const bodyStart = zone.detected ? (lines.at(zone.bodyLine)?.start ?? input.length) : 0;
  const endNotes = findEndNotes(lines, zone.bodyLine);
  if (endNotes !== undefined && header.endNotes === undefined) header.endNotes = endNotes;
  return { header, body: input.slice(bodyStart), warnings };
}
