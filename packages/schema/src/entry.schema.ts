import { z } from 'zod';
import { IdSchema } from './id.schema';
import { RatingSchema } from './rating.schema';
import { RuleViolationSchema } from './rules.schema';
import { multiLine, singleLine } from './text.schema';

/** Limits on entries: documented in the README and enforced at the API's edge. */
export const ENTRY_LIMITS = {
  /** Characters of story text (about 2 MB of English prose); longer gets 413. */
  bodyMax: 2_000_000,
  titleMax: 300,
  /** One header field (summary, notes, disclaimer, ...). */
  fieldMax: 10_000,
  listItems: 100,
  listItemMax: 500,
} as const;

export const EntryStatusSchema = z.enum([
  'draft',
  'submitted',
  'approved',
  'rejected',
  'withdrawn',
]);
export type EntryStatus = z.infer<typeof EntryStatusSchema>;

export const BodyFormatSchema = z.enum(['text', 'markdown']);
export type BodyFormat = z.infer<typeof BodyFormatSchema>;

const field = z
  .string()
  .max(ENTRY_LIMITS.fieldMax)
  .refine(...multiLine);
const line = z
  .string()
  .max(ENTRY_LIMITS.listItemMax)
  .refine(...singleLine);
const list = z.array(line.trim()).max(ENTRY_LIMITS.listItems);

/**
 * The header fields of an entry as the writer edits them. `rating` is the rating as typed (the
 * API places it on the one scale); everything a paste brought that the form does not edit
 * (`extra`, `lines`, `series`, ...) is sent back as it came, so nothing typed is ever dropped.
 */
export const EntryHeaderInputSchema = z.object({
  title: z
    .string({ error: 'Give your story a title.' })
    .trim()
    .min(1, 'Give your story a title.')
    .max(ENTRY_LIMITS.titleMax)
    .refine(...singleLine),
  rating: line.trim().optional(),
  warnings: list.optional(),
  warningsNone: z.boolean().optional(),
  pairings: list.optional(),
  characters: list.optional(),
  fandoms: list.optional(),
  category: list.optional(),
  genre: list.optional(),
  tags: list.optional(),
  spoilers: field.optional(),
  disclaimer: field.optional(),
  archive: field.optional(),
  feedback: field.optional(),
  beta: field.optional(),
  summary: field.optional(),
  notes: field.optional(),
  endNotes: field.optional(),
  recipient: field.optional(),
  epigraph: z.object({ text: field, credit: field }).optional(),
  song: z.object({ title: line.optional(), artist: line.optional() }).optional(),
  series: z.object({ name: line, part: z.number().int().nonnegative().optional() }).optional(),
  extra: z.record(line, field).optional(),
  /** The pasted header's labelled lines, as the parser read them. */
  lines: z
    .array(z.object({ label: line, value: field }))
    .max(500)
    .optional(),
});
export type EntryHeaderInput = z.infer<typeof EntryHeaderInputSchema>;

export const SaveEntryRequestSchema = z.object({
  /** The pseud to post under; it must be one of yours. */
  pseudId: IdSchema,
  promptId: IdSchema.nullable().default(null),
  header: EntryHeaderInputSchema,
  body: z.string({ error: 'Paste or write your story.' }).refine(...multiLine),
  bodyFormat: BodyFormatSchema.default('text'),
  /** Answers to the organizer's custom fields, by field id. */
  custom: z.record(z.string().max(40), z.union([z.string().max(2_000), z.boolean()])).default({}),
  /** Submit now (rules checked, deadline enforced) or keep it as a private draft. */
  submit: z.boolean().default(false),
});
export type SaveEntryRequest = z.infer<typeof SaveEntryRequestSchema>;
export type SaveEntryInput = z.input<typeof SaveEntryRequestSchema>;

/** The stored header: what the writer gave, with the rating placed on the scale. */
export const StoredEntryHeaderSchema = EntryHeaderInputSchema.omit({ rating: true }).extend({
  rating: z.object({ raw: z.string(), normalized: RatingSchema }).optional(),
  custom: z.record(z.string(), z.union([z.string(), z.boolean()])).optional(),
});
export type StoredEntryHeader = z.infer<typeof StoredEntryHeaderSchema>;

/** One entry as the viewer may see it (see the API's entry serializer). */
export const EntryDetailSchema = z.object({
  id: z.number().int(),
  challenge: z.object({ slug: z.string(), title: z.string(), anonymous: z.boolean() }),
  prompt: z
    .object({
      id: z.number().int(),
      title: z.string(),
      credit: z.string().nullable(),
      body: z.string(),
      kind: z.string(),
    })
    .nullable(),
  status: EntryStatusSchema,
  /** The pseud shown as author; null while an anonymous challenge hides it from this viewer. */
  author: z.string().nullable(),
  /** Only for the writer: the pseud the entry is posted under. */
  pseudId: z.number().int().nullable(),
  title: z.string(),
  rating: z.object({ raw: z.string().nullable(), normalized: RatingSchema }),
  header: StoredEntryHeaderSchema,
  /** The story rendered through the sanitizing renderer. */
  bodyHtml: z.string(),
  /** The story exactly as written: for the writer (editing) and for downloads. */
  body: z.string().nullable(),
  bodyFormat: BodyFormatSchema,
  wordCount: z.number().int(),
  submittedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  /** The organizers' note on a rejection or a request for changes (writer and organizers only). */
  moderationNote: z.string().nullable(),
  /** The rules the entry breaks now (writer and organizers only). */
  violations: z.array(RuleViolationSchema).nullable(),
  isMine: z.boolean(),
  /** Whether the viewer may edit it now (their entry, in a phase that allows it). */
  canEdit: z.boolean(),
});
export type EntryDetail = z.infer<typeof EntryDetailSchema>;

export const RevisionSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  wordCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

/** A line diff between two revisions: runs of unchanged, added and removed lines. */
export const RevisionDiffSchema = z.object({
  from: RevisionSummarySchema,
  to: RevisionSummarySchema,
  changes: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
});
export type RevisionDiff = z.infer<typeof RevisionDiffSchema>;

export const RuleCheckResponseSchema = z.object({
  wordCount: z.number().int(),
  violations: z.array(RuleViolationSchema),
});
export type RuleCheckResponse = z.infer<typeof RuleCheckResponseSchema>;

/** One of the writer's own entries, in their list across challenges. */
export const MyEntrySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  status: EntryStatusSchema,
  challenge: z.object({ slug: z.string(), title: z.string() }),
  wordCount: z.number().int(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  moderationNote: z.string().nullable(),
  violations: z.array(RuleViolationSchema),
});
export type MyEntry = z.infer<typeof MyEntrySchema>;

export const MyEntriesResponseSchema = z.object({ entries: z.array(MyEntrySchema) });

/** An imported file as the text a writer would have pasted. */
export const ImportedTextSchema = z.object({ text: z.string() });
