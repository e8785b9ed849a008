import { z } from 'zod';
import { TallyResultSchema } from './tally.schema';
import { VotingMethodSchema } from './voting.schema';

/** One entry's place in one category, with what the reveal makes public about it. */
export const PlacingSchema = z.object({
  entryId: z.number().int(),
  title: z.string(),
  /** The author's pseud: revealed with the results, even in an anonymous challenge. */
  author: z.string(),
  /** Shared by ties; null for an entry with too few votes or scores to place. */
  place: z.number().int().nullable(),
  /** The value it was placed by (votes, points, mean score...), as the tally gives it. */
  value: z.number().nullable(),
});
export type Placing = z.infer<typeof PlacingSchema>;

export const CategoryResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  method: VotingMethodSchema,
  source: z.enum(['public', 'judges', 'blend']),
  placings: z.array(PlacingSchema),
  /** The full tally (rounds, pairwise counts, distributions), frozen as published. */
  tally: TallyResultSchema,
  /** For a blend, the judges' side (the public side is `tally`). */
  judgesTally: TallyResultSchema.nullable(),
});
export type CategoryResult = z.infer<typeof CategoryResultSchema>;

/**
 * The results as published: frozen when the organizers publish, so they never change after.
 * Also what the organizers' preview shows, before publication.
 */
export const ResultsSchema = z.object({
  challenge: z.object({ slug: z.string(), title: z.string() }),
  /** Tie-breaking draws are reproducible from this seed (with the category id appended). */
  seed: z.string(),
  publishedAt: z.iso.datetime().nullable(),
  voters: z.number().int(),
  categories: z.array(CategoryResultSchema),
  /** Judges' comments to writers, published with the results. */
  judgesComments: z.array(z.object({ entryId: z.number().int(), comments: z.array(z.string()) })),
});
export type Results = z.infer<typeof ResultsSchema>;
