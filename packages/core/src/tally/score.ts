import type { ScoreResult, TallyPlacement } from '@ficathon/schema';
import type { ScoreBallot } from './ballots';
import { placeByValue, sortedCandidates, unplaced } from './placements';

export interface ScoreOptions {
  min: 1;
  max: 5 | 10;
  /** An entry needs at least this many scores to be placed (at least 1 in any case). */
  minimumScores: number;
}

/**
 * Score voting: each ballot scores any entries with whole numbers from `min` to `max`. An entry's
 * `value` is its mean score; entries are placed by mean, equal means sharing a place (however many
 * scores each has). Entries with fewer than `minimumScores` scores, or none, follow unplaced, by
 * number of scores then id, with their mean (null without scores). Each entry's count and
 * distribution (how many of each score) is in `entries`, for the results page.
 *
 * A score off the scale is a bug upstream (the API validates ballots), so it throws a RangeError
 * rather than being counted or silently dropped. Ids that are not candidates are skipped.
 */
export function tallyScore(
  candidates: readonly number[],
  ballots: readonly ScoreBallot[],
  options: ScoreOptions,
): ScoreResult {
  const { min, max, minimumScores } = options;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min >= max) {
    throw new RangeError(`The score scale must be whole numbers, min below max (${min}..${max}).`);
  }
  if (!Number.isInteger(minimumScores) || minimumScores < 0) {
    throw new RangeError(`minimumScores must be a whole number of at least 0 (${minimumScores}).`);
  }
  const stats = new Map(
    sortedCandidates(candidates).map((id) => [
      id,
      { sum: 0, count: 0, distribution: new Array<number>(max - min + 1).fill(0) },
    ]),
  );
  let counted = 0;
  for (const { scores } of ballots) {
    let any = false;
    for (const [key, score] of Object.entries(scores)) {
      const entry = stats.get(Number(key));
      if (!entry) continue;
      if (!Number.isInteger(score) || score < min || score > max) {
        throw new RangeError(
          `Score ${score} for entry ${key} is not a whole number ${min}..${max}.`,
        );
      }
      entry.sum += score;
      entry.count += 1;
      entry.distribution[score - min]! += 1;
      any = true;
    }
    if (any) counted += 1;
  }

  const entries = [...stats].map(([candidate, { sum, count, distribution }]) => ({
    candidate,
    count,
    mean: count > 0 ? sum / count : null,
    distribution,
  }));
  const needed = Math.max(1, minimumScores);
  const placed = entries.filter((entry) => entry.count >= needed);
  const rest = entries
    .filter((entry) => entry.count < needed)
    .sort((a, b) => b.count - a.count || a.candidate - b.candidate);
  const ranking: TallyPlacement[] = [
    ...placeByValue(placed.map(({ candidate, mean }) => ({ candidate, value: mean! }))),
    ...unplaced(rest.map(({ candidate, mean }) => ({ candidate, value: mean }))),
  ];
  return {
    method: 'score',
    ballots: ballots.length,
    counted,
    min,
    max,
    minimumScores,
    entries,
    ranking,
  };
}
