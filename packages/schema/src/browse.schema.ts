import { z } from 'zod';
import { MAX_ID } from './id.schema';
import { RatingSchema } from './rating.schema';

export const BROWSE_LIMITS = {
  pageDefault: 50,
  pageMax: 100,
  queryMax: 500,
  valuesMax: 20,
} as const;

/** A query parameter given as `a,b`, or repeated (`x=a&x=b`): a list of trimmed values. */
const listParam = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (value) =>
      (Array.isArray(value) ? value.join(',') : String(value ?? ''))
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    z.array(item).max(BROWSE_LIMITS.valuesMax, `Give at most ${BROWSE_LIMITS.valuesMax} values.`),
  );
const tagParam = listParam(z.string().max(200, 'A value has at most 200 characters.'));
const wordsParam = z.coerce
  .number({ error: 'Use a whole number of words.' })
  .int('Use a whole number.')
  .min(0, 'Use a number of words, 0 or more.')
  .max(MAX_ID, 'That is more words than any story has.');

/** `rank` orders by the published results (the first category's ranking). */
export const EntrySortSchema = z.enum(['newest', 'title', 'length', 'kudos', 'rank'], {
  error: 'Sort by newest, title, length, kudos or rank.',
});
const RatingParamSchema = z.enum(RatingSchema.options, {
  error: 'Use general, teen, mature, explicit or not_rated.',
});
export type EntrySortOrder = z.infer<typeof EntrySortSchema>;

/**
 * The filters, order and page of a challenge's entry list, as URL query parameters (so every
 * filter state has a stable address). Unknown parameters are refused, naming them.
 */
export const EntryListQuerySchema = z
  .object({
    rating: listParam(RatingParamSchema).optional(),
    excludeRating: listParam(RatingParamSchema).optional(),
    excludeWarning: tagParam.optional(),
    fandom: tagParam.optional(),
    pairing: tagParam.optional(),
    character: tagParam.optional(),
    prompt: z.coerce
      .number({ error: 'Choose one of the prompts.' })
      .int()
      .positive('Choose one of the prompts.')
      .max(MAX_ID, 'Choose one of the prompts.')
      .optional(),
    minWords: wordsParam.optional(),
    maxWords: wordsParam.optional(),
    q: z
      .string()
      .max(BROWSE_LIMITS.queryMax, `A search has at most ${BROWSE_LIMITS.queryMax} characters.`)
      .optional(),
    sort: EntrySortSchema.default('newest'),
    cursor: z.string().max(500).optional(),
    // Page sizes are capped rather than refused: asking for 500 gives the largest page.
    limit: z.coerce
      .number()
      .int('Use a whole number.')
      .min(1, 'Ask for at least one entry.')
      .transform((n) => Math.min(n, BROWSE_LIMITS.pageMax))
      .default(BROWSE_LIMITS.pageDefault),
  })
  .strict()
  .refine((q) => q.minWords === undefined || q.maxWords === undefined || q.minWords <= q.maxWords, {
    message: 'The minimum length is above the maximum.',
    path: ['minWords'],
  });
export type EntryListQuery = z.infer<typeof EntryListQuerySchema>;

export const FacetValueSchema = z.object({
  /** The value to send back in the filter parameter. */
  key: z.string(),
  /** How to show it. */
  label: z.string(),
  /** Entries with this value among those matching every other filter. */
  count: z.number().int(),
});

export const EntryFacetsSchema = z.object({
  rating: z.array(FacetValueSchema),
  warning: z.array(FacetValueSchema),
  fandom: z.array(FacetValueSchema),
  pairing: z.array(FacetValueSchema),
  character: z.array(FacetValueSchema),
  prompt: z.array(FacetValueSchema),
});
export type EntryFacets = z.infer<typeof EntryFacetsSchema>;

export const ReaderPreferencesSchema = z.object({
  /** Go straight to mature, explicit and unrated work without the interstitial. */
  skipAdultGate: z.boolean().default(false),
  /** Hidden everywhere: lists, search and feeds. */
  hiddenRatings: z.array(RatingParamSchema).max(5).default([]),
  hiddenWarnings: z
    .array(z.string().trim().min(1).max(200, 'A warning has at most 200 characters.'))
    .max(50, 'Hide at most 50 warnings.')
    .default([]),
  hiddenTags: z
    .array(z.string().trim().min(1).max(200, 'A tag has at most 200 characters.'))
    .max(50, 'Hide at most 50 tags.')
    .default([]),
});
export type ReaderPreferences = z.infer<typeof ReaderPreferencesSchema>;
