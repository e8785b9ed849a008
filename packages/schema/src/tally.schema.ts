import { z } from 'zod';

/**
 * The results of a vote, as packages/core's tally functions return them and as the API freezes them
 * into a published snapshot. Plain JSON: numbers, strings, arrays, objects and null (never
 * `undefined`, `NaN` or a `Map`), so a snapshot read back from the database parses with
 * `TallyResultSchema` and equals what the tally returned. Entries are identified by their ids.
 */

/** How a category's result was decided. `blend` mixes a public vote with the judges' result. */
export const TallyMethodSchema = z.enum([
  'plurality',
  'approval',
  'instant_runoff',
  'borda',
  'schulze',
  'score',
  'judges',
  'blend',
]);
export type TallyMethod = z.infer<typeof TallyMethodSchema>;

const count = z.number().int().min(0);
const entryId = z.number().int();

/**
 * One entry's line in the full ranking. Rankings list every candidate: the placed ones best first,
 * then the unplaced ones (only score, judges and blend have those).
 */
export const TallyPlacementSchema = z.object({
  candidate: entryId,
  /**
   * 1 is first. Tied candidates share a place and the next place skips accordingly (1, 2, 2, 4).
   * null: not placed (too few scores, or nothing counted for it in a blend).
   */
  place: z.number().int().min(1).nullable(),
  /**
   * The number the place was decided by, in the method's own unit (votes, approvals, points, mean
   * score, beaten rivals...; each result type says which). null when there is nothing to show.
   */
  value: z.number().nullable(),
});
export type TallyPlacement = z.infer<typeof TallyPlacementSchema>;

/** One choice per ballot. `value`: the votes. */
export const PluralityResultSchema = z.object({
  method: z.literal('plurality'),
  /** Ballots given. */
  ballots: count,
  /** Ballots whose choice is one of the candidates (a withdrawn entry's votes count for nothing). */
  counted: count,
  ranking: z.array(TallyPlacementSchema),
});
export type PluralityResult = z.infer<typeof PluralityResultSchema>;

/** Any number of approvals per ballot. `value`: the approvals. */
export const ApprovalResultSchema = z.object({
  method: z.literal('approval'),
  ballots: count,
  /** Ballots that approve at least one candidate. */
  counted: count,
  ranking: z.array(TallyPlacementSchema),
});
export type ApprovalResult = z.infer<typeof ApprovalResultSchema>;

/** Why candidates left the count in a round of instant-runoff. */
export const RunoffEliminationReasonSchema = z.enum([
  /** One candidate had the fewest votes. */
  'fewest-votes',
  /**
   * Every candidate with no votes at all, together: they have had none in any round, so nothing
   * transfers and nothing can tell them apart; they share a place.
   */
  'no-votes',
  /** A tie for fewest, broken by fewer votes in an earlier round (see `decidedByRound`). */
  'previous-rounds',
  /** A tie for fewest that no earlier round broke, settled by the draw from the published seed. */
  'draw',
]);
export type RunoffEliminationReason = z.infer<typeof RunoffEliminationReasonSchema>;

export const RunoffEliminationSchema = z.object({
  reason: RunoffEliminationReasonSchema,
  /** Every candidate that had the fewest votes this round (one, unless there was a tie). */
  tied: z.array(entryId),
  /** For `previous-rounds`: the round whose counts broke the tie. */
  decidedByRound: z.number().int().min(1).nullable(),
  /**
   * For `draw`: the candidates the draw was among (still tied after every earlier round), in the
   * order the draw shuffled them; the first one was eliminated.
   */
  drawOrder: z.array(entryId).nullable(),
});
export type RunoffElimination = z.infer<typeof RunoffEliminationSchema>;

/** One round of instant-runoff: the counts, then either a winner or who was eliminated. */
export const RunoffRoundSchema = z.object({
  /** 1, 2, ... */
  round: z.number().int().min(1),
  /** Votes of every continuing candidate, most first (ties by id). */
  counts: z.array(z.object({ candidate: entryId, votes: count })),
  /** Ballots counting for a continuing candidate this round. */
  continuingVotes: count,
  /**
   * Ballots that became exhausted going into this round (every candidate they rank has been
   * eliminated). In round 1: ballots that rank none of the candidates.
   */
  exhausted: count,
  /** All exhausted ballots so far; `continuingVotes + exhaustedTotal` is always the ballots given. */
  exhaustedTotal: count,
  /** The winner, in the last round: more than half of the continuing votes. null otherwise. */
  elected: entryId.nullable(),
  /** Who left the count at the end of this round (empty in the last round). */
  eliminated: z.array(entryId),
  elimination: RunoffEliminationSchema.nullable(),
  /**
   * Where the eliminated candidates' ballots went for the next round: to a continuing candidate,
   * or `candidate: null` when they became exhausted. Ordered by candidate id, exhausted last.
   */
  transfers: z.array(z.object({ candidate: entryId.nullable(), votes: count })),
});
export type RunoffRound = z.infer<typeof RunoffRoundSchema>;

/**
 * Instant-runoff. `value`: the winner's and the other continuing candidates' votes in the last
 * round; an eliminated candidate's votes in the round it was eliminated.
 */
export const InstantRunoffResultSchema = z.object({
  method: z.literal('instant_runoff'),
  ballots: count,
  /** The published seed the tie-break draw was made from. */
  seed: z.string(),
  rounds: z.array(RunoffRoundSchema),
  ranking: z.array(TallyPlacementSchema),
});
export type InstantRunoffResult = z.infer<typeof InstantRunoffResultSchema>;

/** Borda count. `value`: the points. */
export const BordaResultSchema = z.object({
  method: z.literal('borda'),
  ballots: count,
  /** Ballots that rank at least one candidate. */
  counted: count,
  ranking: z.array(TallyPlacementSchema),
});
export type BordaResult = z.infer<typeof BordaResultSchema>;

/** Condorcet/Schulze. `value`: how many candidates it beats by strongest path. */
export const SchulzeResultSchema = z.object({
  method: z.literal('schulze'),
  ballots: count,
  counted: count,
  /** The order of the matrices' rows and columns: candidate ids, ascending. */
  candidates: z.array(entryId),
  /** `pairwise[i][j]`: ballots that prefer candidate i to candidate j. */
  pairwise: z.array(z.array(count)),
  /** `strongestPaths[i][j]`: strength of the strongest path from i to j (winning votes). */
  strongestPaths: z.array(z.array(count)),
  ranking: z.array(TallyPlacementSchema),
});
export type SchulzeResult = z.infer<typeof SchulzeResultSchema>;

/** One entry's scores, for the score distribution on the results page. */
export const ScoreEntryStatsSchema = z.object({
  candidate: entryId,
  /** How many ballots scored it. */
  count,
  /** The mean score, or null with no scores. */
  mean: z.number().nullable(),
  /** `distribution[i]`: how many ballots gave it the score `min + i`. */
  distribution: z.array(count),
});
export type ScoreEntryStats = z.infer<typeof ScoreEntryStatsSchema>;

/** Score voting. `value`: the mean score (null with no scores). */
export const ScoreResultSchema = z.object({
  method: z.literal('score'),
  ballots: count,
  counted: count,
  min: z.number().int(),
  max: z.number().int(),
  /** Entries with fewer scores than this are listed after the placed ones, unplaced. */
  minimumScores: count,
  /** One per candidate, by id. */
  entries: z.array(ScoreEntryStatsSchema),
  ranking: z.array(TallyPlacementSchema),
});
export type ScoreResult = z.infer<typeof ScoreResultSchema>;

const criterionId = z.union([z.string(), z.number()]);

/** Judges' rubric scores. `value`: the weighted score from 0 to 100 (null when unjudged). */
export const JudgesResultSchema = z.object({
  method: z.literal('judges'),
  scoresheets: count,
  criteria: z.array(
    z.object({
      id: criterionId,
      weight: z.number(),
      scale: z.union([z.literal(5), z.literal(10)]),
    }),
  ),
  /** One per candidate, by id. */
  entries: z.array(
    z.object({
      candidate: entryId,
      /** Scoresheets (one per judge) for this entry. */
      scoresheets: count,
      /** Per criterion, in the order of `criteria`: the mean on the criterion's own scale. */
      criteria: z.array(z.object({ criterion: criterionId, count, mean: z.number().nullable() })),
    }),
  ),
  ranking: z.array(TallyPlacementSchema),
});
export type JudgesResult = z.infer<typeof JudgesResultSchema>;

/** A weighted blend of the public vote and the judges. `value`: blended points from 0 to 100. */
export const BlendResultSchema = z.object({
  method: z.literal('blend'),
  /** The weight of the judges' points, 0..1; the public vote weighs the rest. */
  weightOfJudges: z.number().min(0).max(1),
  publicMethod: TallyMethodSchema,
  judgesMethod: TallyMethodSchema,
  /** One per candidate, by id: the points each ranking gave it (0..100). */
  entries: z.array(
    z.object({ candidate: entryId, publicPoints: z.number(), judgesPoints: z.number() }),
  ),
  ranking: z.array(TallyPlacementSchema),
});
export type BlendResult = z.infer<typeof BlendResultSchema>;

/** Any tally's result, told apart by `method`: what a published snapshot holds. */
export const TallyResultSchema = z.discriminatedUnion('method', [
  PluralityResultSchema,
  ApprovalResultSchema,
  InstantRunoffResultSchema,
  BordaResultSchema,
  SchulzeResultSchema,
  ScoreResultSchema,
  JudgesResultSchema,
  BlendResultSchema,
]);
export type TallyResult = z.infer<typeof TallyResultSchema>;
