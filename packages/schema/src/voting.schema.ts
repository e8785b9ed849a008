import { z } from 'zod';
import { IdSchema } from './id.schema';
import { singleLine } from './text.schema';

export const VotingMethodSchema = z.enum(['plurality', 'approval', 'ranked', 'score']);
export type VotingMethod = z.infer<typeof VotingMethodSchema>;

/** How a ranked category is counted. */
export const RankedCountSchema = z.enum(['instant_runoff', 'borda', 'schulze']);

const label = z
  .string()
  .trim()
  .min(1, 'Give it a name.')
  .max(120)
  .refine(...singleLine);
const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lower-case letters, digits and dashes (at most 40).');

export const VotingCategorySchema = z
  .object({
    id: key,
    name: label,
    description: z.string().max(2_000).default(''),
    method: VotingMethodSchema,
    rankedCount: RankedCountSchema.default('instant_runoff'),
    /** Approval: how many entries one voter may approve; null = any number. */
    approvalCap: z.number().int().min(1, 'Allow at least one approval.').nullable().default(null),
    /** Score: the top of the scale (scores run from 1). */
    scoreScale: z.union([z.literal(5), z.literal(10)]).default(5),
    /** Score: entries with fewer scores than this are listed without a place. */
    minimumScores: z.number().int().min(1).max(1_000).default(3),
    /** Where the category's result comes from. */
    source: z.enum(['public', 'judges', 'blend']).default('public'),
    /** In a blend, how much the judges count (0 = only the public, 1 = only the judges). */
    judgeWeight: z.number().min(0).max(1).default(0.5),
  })
  .refine((c) => c.source === 'judges' || c.method !== undefined, {
    message: 'Choose a method.',
    path: ['method'],
  });
export type VotingCategory = z.infer<typeof VotingCategorySchema>;

export const RubricCriterionSchema = z.object({
  id: key,
  label,
  weight: z.number().positive('A weight is above zero.').max(100),
  scale: z.union([z.literal(5), z.literal(10)]),
});
export type RubricCriterion = z.infer<typeof RubricCriterionSchema>;

/** A challenge's vote: its categories, who may vote, and the judges' rubric. */
export const VotingConfigSchema = z
  .object({
    categories: z.array(VotingCategorySchema).max(12).default([]),
    eligibility: z
      .object({
        /** Signed-in accounts, or only those with a submitted entry in the challenge. */
        voters: z.enum(['accounts', 'entrants']).default('accounts'),
        minAccountAgeDays: z.number().int().min(0).max(3_650).nullable().default(null),
        /** Voters must have opened at least this many entries of the challenge. */
        minEntriesRead: z.number().int().min(0).max(1_000).nullable().default(null),
      })
      .default({ voters: 'accounts', minAccountAgeDays: null, minEntriesRead: null }),
    /** Organizers see running totals while voting is open (otherwise nobody does). */
    organizersSeeTotals: z.boolean().default(false),
    rubric: z.array(RubricCriterionSchema).max(6, 'A rubric has at most 6 criteria.').default([]),
  })
  .refine((v) => new Set(v.categories.map((c) => c.id)).size === v.categories.length, {
    message: 'Each category needs its own id.',
    path: ['categories'],
  })
  .refine((v) => new Set(v.rubric.map((c) => c.id)).size === v.rubric.length, {
    message: 'Each criterion needs its own id.',
    path: ['rubric'],
  })
  .refine((v) => v.rubric.length > 0 || v.categories.every((c) => c.source === 'public'), {
    message: 'A category judged by judges needs a rubric.',
    path: ['rubric'],
  });
export type VotingConfig = z.infer<typeof VotingConfigSchema>;
export type VotingConfigInput = z.input<typeof VotingConfigSchema>;

/** A ballot as cast; which fields apply depends on the category's method. */
export const CastBallotRequestSchema = z.union([
  z.object({ choice: IdSchema }).strict(),
  z.object({ approved: z.array(IdSchema).min(1, 'Approve at least one entry.').max(500) }).strict(),
  z.object({ ranking: z.array(IdSchema).min(1, 'Rank at least one entry.').max(500) }).strict(),
  z
    .object({
      // Keyed by entry id written plainly ("7", never "07"): one spelling per entry.
      scores: z.record(
        z.string().regex(/^[1-9]\d{0,9}$/, 'Scores are keyed by entry id.'),
        z.number(),
      ),
    })
    .strict(),
]);
export type CastBallotRequest = z.infer<typeof CastBallotRequestSchema>;

export const MyBallotsSchema = z.object({
  /** The voter's ballot per category id (absent: not cast). */
  ballots: z.record(z.string(), CastBallotRequestSchema),
  /** Whether the viewer may vote, and if not, why (a sentence). */
  eligible: z.boolean(),
  reason: z.string().nullable(),
});
export type MyBallots = z.infer<typeof MyBallotsSchema>;

export const JudgeScoreRequestSchema = z.object({
  scores: z.record(key, z.number().int()),
  comment: z.string().trim().max(5_000).nullable().default(null),
});
export type JudgeScoreRequest = z.infer<typeof JudgeScoreRequestSchema>;
