/**
 * Entry headers: the block of metadata writers put at the top of a story (HEADERS.md).
 *
 * - `parseEntryHeader(text)` reads a pasted entry into header fields, the body (a byte-exact
 *   suffix of the input) and warnings for the writer.
 * - `renderEntryHeader(header)` writes the canonical plain-text header for downloads.
 * - `normalizeRating(raw)` maps any rating system's value to the platform's one scale, and
 *   `gateRating(rating)` is the rating the adult-content gate uses.
 * - `parseStatedWordCount(value)` reads a `Word count:` value (`12,034`, `~3,800`, `2.3k`).
 */
export { parseEntryHeader } from './parse-entry-header';
export { renderEntryHeader, type RenderableEntryHeader } from './render-entry-header';
export { gateRating, mostRestrictive, normalizeRating } from './rating';
export { parseStatedWordCount } from './word-count';
