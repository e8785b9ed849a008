import { z } from 'zod';
import { RatingSchema } from './rating.schema';

/** Limits on the header parser's input, shared by the API's validation and the web form's hint. */
export const HEADER_PARSE_LIMITS = {
  /** Characters (UTF-16 code units, as `String.length` counts them) accepted by one parse. */
  textMax: 1_000_000,
} as const;

/** "Part N of M" of a work; `of` is null when the writer did not say (`(1/?)`, `part 1`). */
export const EntryPartSchema = z.object({
  number: z.number().int().nonnegative(),
  of: z.number().int().nonnegative().nullable(),
});
export type EntryPart = z.infer<typeof EntryPartSchema>;

/** A rating as the writer typed it, and its place on the one scale every rating system maps to. */
export const EntryRatingSchema = z.object({
  raw: z.string(),
  normalized: RatingSchema,
});
export type EntryRating = z.infer<typeof EntryRatingSchema>;

/** A date as written, and as `YYYY-MM-DD` when it could be read without guessing (else null). */
export const EntryDateSchema = z.object({
  raw: z.string(),
  iso: z.iso.date().nullable(),
});
export type EntryDate = z.infer<typeof EntryDateSchema>;

/** The series a work belongs to (`Series: Part 2 of The Long Road`). */
export const EntrySeriesSchema = z.object({
  name: z.string(),
  part: z.number().int().nonnegative().optional(),
});
export type EntrySeries = z.infer<typeof EntrySeriesSchema>;

/** The song a work takes its title or epigraph from. */
export const EntrySongSchema = z.object({
  title: z.string().optional(),
  artist: z.string().optional(),
});
export type EntrySong = z.infer<typeof EntrySongSchema>;

/** Lines quoted before the story (often song lyrics), with their credit line as written. */
export const EntryEpigraphSchema = z.object({
  /** The quoted lines joined with `\n`; a stanza break is one empty line. */
  text: z.string(),
  /** The credit line as written, marker included (`~ Lyrics by Moby`). */
  credit: z.string(),
});
export type EntryEpigraph = z.infer<typeof EntryEpigraphSchema>;

/** One labelled header line as written: the label without its colon, the value (continuations joined by `\n`). */
export const EntryHeaderLineSchema = z.object({
  label: z.string(),
  value: z.string(),
});
export type EntryHeaderLine = z.infer<typeof EntryHeaderLineSchema>;

const ListSchema = z.array(z.string());

/**
 * The metadata block at the top of a pasted entry, as `parseEntryHeader` reads it (see HEADERS.md).
 * Absent fields are left out. Lists hold trimmed items with their case kept; multi-line values join
 * their lines with `\n`. `lines` and `extra` keep what the writer typed even where a field could not
 * be filled from it.
 */
export const EntryHeaderSchema = z.object({
  /** Whether anything at the top of the text was read as a header (title, labels or epigraph). */
  headerDetected: z.boolean(),
  title: z.string().optional(),
  part: EntryPartSchema.optional(),
  authors: ListSchema.optional(),
  rating: EntryRatingSchema.optional(),
  /** Set when two rating lines disagree; `rating` then holds the most restrictive one. */
  ratingConflict: z.literal(true).optional(),
  warnings: ListSchema.optional(),
  /** The writer stated that no warnings apply (`none`, `No Archive Warnings Apply`). */
  warningsNone: z.literal(true).optional(),
  pairings: ListSchema.optional(),
  characters: ListSchema.optional(),
  fandoms: ListSchema.optional(),
  category: ListSchema.optional(),
  genre: ListSchema.optional(),
  tags: ListSchema.optional(),
  spoilers: z.string().optional(),
  disclaimer: z.string().optional(),
  /** Archiving or distribution permission (`Distribution: ask first`). */
  archive: z.string().optional(),
  feedback: z.string().optional(),
  beta: z.string().optional(),
  summary: z.string().optional(),
  notes: z.string().optional(),
  /** Notes after an end marker (`~ fin ~`, `THE END`); they stay in the body as well. */
  endNotes: z.string().optional(),
  prompt: z.string().optional(),
  challenge: z.string().optional(),
  recipient: z.string().optional(),
  /** The word count the writer stated (not a count of the body). */
  wordCount: z.number().int().nonnegative().optional(),
  date: EntryDateSchema.optional(),
  series: EntrySeriesSchema.optional(),
  song: EntrySongSchema.optional(),
  epigraph: EntryEpigraphSchema.optional(),
  /** Every label the parser does not map to a field, keyed by the label as written. */
  extra: z.record(z.string(), z.string()).optional(),
  /** Every labelled header line, in order, as written. */
  lines: z.array(EntryHeaderLineSchema),
});
export type EntryHeader = z.infer<typeof EntryHeaderSchema>;

/** The result of parsing a pasted entry; also the response of `POST /api/header/parse`. */
export const ParsedEntrySchema = z.object({
  header: EntryHeaderSchema,
  /** The story: the input after the header and epigraph, byte for byte (a suffix of the input). */
  body: z.string(),
  /** What the writer should check, in plain words (for example two ratings that disagree). */
  warnings: z.array(z.string()),
});
export type ParsedEntry = z.infer<typeof ParsedEntrySchema>;

/** Request body of `POST /api/header/parse`. */
export const ParseHeaderRequestSchema = z.object({
  text: z
    .string({ error: 'Send the story to parse as the string field "text".' })
    .max(
      HEADER_PARSE_LIMITS.textMax,
      'A story to parse has at most 1,000,000 characters; paste the opening with its header instead.',
    ),
});
export type ParseHeaderRequest = z.infer<typeof ParseHeaderRequestSchema>;
