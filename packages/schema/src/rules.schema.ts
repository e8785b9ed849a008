import { z } from 'zod';
import { RatingSchema } from './rating.schema';
import { singleLine } from './text.schema';

/** Header fields an organizer can require (see HEADERS.md for what each holds). */
export const RequirableFieldSchema = z.enum([
  'summary',
  'rating',
  'warnings',
  'fandoms',
  'pairings',
  'characters',
  'spoilers',
  'disclaimer',
  'archive',
  'notes',
  'epigraph',
  'beta',
]);
export type RequirableField = z.infer<typeof RequirableFieldSchema>;

export const CUSTOM_FIELD_LIMITS = {
  perChallenge: 20,
  labelMax: 80,
  optionsMax: 30,
  valueMax: 2000,
};

/** A question the organizer adds to the entry form: free text, one of a list, or a checkbox. */
export const CustomFieldSchema = z
  .object({
    /** Stable key, e.g. `song-choice`: lower-case letters, digits and dashes. */
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,39}$/,
        'Use lower-case letters, digits and dashes (at most 40).',
      ),
    label: z
      .string()
      .trim()
      .min(1, 'Give the field a label.')
      .max(CUSTOM_FIELD_LIMITS.labelMax)
      .refine(...singleLine),
    kind: z.enum(['text', 'choice', 'checkbox']),
    required: z.boolean().default(false),
    /** The choices of a `choice` field. */
    options: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(200)
          .refine(...singleLine),
      )
      .max(CUSTOM_FIELD_LIMITS.optionsMax)
      .default([]),
  })
  .refine((field) => field.kind !== 'choice' || field.options.length >= 2, {
    message: 'A choice field needs at least two options.',
    path: ['options'],
  });
export type CustomField = z.infer<typeof CustomFieldSchema>;

const limit = (what: string) =>
  z
    .number({ error: `${what} must be a whole number.` })
    .int(`${what} must be a whole number.`)
    .min(0, `${what} cannot be negative.`)
    .nullable()
    .default(null);

/**
 * A challenge's rules. Every limit is optional (null = no limit). The same rules are checked live
 * in the writer's form and again by the API, by one evaluator in packages/core.
 */
export const ChallengeRulesSchema = z
  .object({
    minWords: limit('The minimum word count'),
    maxWords: limit('The maximum word count'),
    /** Ratings entries may have; null allows every rating. */
    allowedRatings: z
      .array(RatingSchema)
      .min(1, 'Allow at least one rating, or allow all.')
      .nullable()
      .default(null),
    requiredFields: z.array(RequirableFieldSchema).default([]),
    entriesPerWriter: limit('Entries per writer'),
    /** How many entries may use the same prompt, across all writers; 1 = one entry per prompt. */
    entriesPerPrompt: limit('Entries per prompt'),
    /** Every entry names one of the challenge's prompts. */
    promptRequired: z.boolean().default(false),
    /** The writer must hold a claim on the prompt their entry uses. */
    claimRequired: z.boolean().default(false),
    /** At least one line of the prompt's lyric excerpt must appear, word for word, in the story. */
    lyricLineRequired: z.boolean().default(false),
    customFields: z
      .array(CustomFieldSchema)
      .max(CUSTOM_FIELD_LIMITS.perChallenge)
      .default([])
      .refine((fields) => new Set(fields.map((f) => f.id)).size === fields.length, {
        message: 'Each custom field needs its own id.',
      }),
  })
  .refine(
    (rules) =>
      rules.minWords === null || rules.maxWords === null || rules.minWords <= rules.maxWords,
    {
      message: 'The minimum word count is above the maximum.',
      path: ['minWords'],
    },
  )
  .refine((rules) => !rules.claimRequired || rules.promptRequired, {
    message: 'Requiring a claim also requires a prompt; turn on “prompt required”.',
    path: ['claimRequired'],
  });
export type ChallengeRules = z.infer<typeof ChallengeRulesSchema>;
export type ChallengeRulesInput = z.input<typeof ChallengeRulesSchema>;

/** Ids of the rules the evaluator checks; stable, so clients and organizers' exceptions use them. */
export const RuleIdSchema = z.enum([
  'min_words',
  'max_words',
  'allowed_rating',
  'required_field',
  'entries_per_writer',
  'entries_per_prompt',
  'prompt_required',
  'claim_required',
  'lyric_line',
  'custom_field_required',
  'custom_field_invalid',
]);
export type RuleId = z.infer<typeof RuleIdSchema>;

/** One broken rule: which, on what field, and a sentence the writer understands. */
export const RuleViolationSchema = z.object({
  rule: RuleIdSchema,
  /** The form field to show it next to (e.g. `body`, `rating`, `custom.song-choice`). */
  field: z.string(),
  message: z.string(),
});
export type RuleViolation = z.infer<typeof RuleViolationSchema>;
