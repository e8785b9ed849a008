import type { JudgesResult, TallyPlacement } from '@ficathon/schema';
import { placeByValue, sortedCandidates, unplaced } from './placements';

/** One criterion of the judges' rubric. */
export interface JudgingCriterion {
  id: string | number;
  /** Relative weight, at least 0; the weights need not add up to anything. */
  weight: number;
  scale: 5 | 10;
}

/** One judge's scores for one entry, by criterion id (whole numbers from 1 to the scale). */
export interface JudgeScoresheet {
  judge: number;
  entry: number;
  scores: Readonly<Record<string | number, number>>;
}

/** Weighted scores mix criteria of different scales: ties within this relative error are ties. */
const TOLERANCE = 1e-9;

/**
 * The judges' result. Each criterion's scores for an entry are averaged over the judges who gave
 * one, then put on a common footing: 1 on the criterion's scale is 0 and the top of the scale is
 * 1 (so (mean - 1) / (scale - 1)). An entry's `value` is the weighted mean of those over the
 * criteria it was scored on, times 100: a score from 0 to 100. When every judge scores every
 * criterion this equals averaging each judge's weighted score. Entries no judge scored follow
 * unplaced (value null). Criterion means on their own scale are in `entries`.
 *
 * Throws a RangeError on what the API should have refused: a score off its criterion's scale,
 * a negative or non-finite weight, no positive weight, a criterion id twice, or two scoresheets
 * from one judge for one entry. Scores for unknown criteria and sheets for entries that are not
 * candidates are skipped.
 */
export function tallyJudges(
  candidates: readonly number[],
  criteria: readonly JudgingCriterion[],
  scoresheets: readonly JudgeScoresheet[],
): JudgesResult {
  const rubric = [...criteria].sort((a, b) => compareIds(a.id, b.id));
  const keys = rubric.map((criterion) => String(criterion.id));
  if (new Set(keys).size !== keys.length) {
    throw new RangeError('A criterion id appears twice in the rubric.');
  }
  for (const { id, weight } of rubric) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`Criterion ${id} has weight ${weight}: use a number of at least 0.`);
    }
  }
  if (rubric.length > 0 && !rubric.some((criterion) => criterion.weight > 0)) {
    throw new RangeError('At least one criterion needs a positive weight.');
  }

  const sums = new Map(
    sortedCandidates(candidates).map((id) => [
      id,
      { sheets: 0, sum: rubric.map(() => 0), count: rubric.map(() => 0) },
    ]),
  );
  const judged = new Set<string>();
  for (const sheet of scoresheets) {
    const entry = sums.get(sheet.entry);
    if (!entry) continue;
    const key = `${sheet.judge}/${sheet.entry}`;
    if (judged.has(key)) {
      throw new RangeError(`Judge ${sheet.judge} has two scoresheets for entry ${sheet.entry}.`);
    }
    judged.add(key);
    entry.sheets += 1;
    rubric.forEach((criterion, k) => {
      const score = sheet.scores[keys[k]!];
      if (score === undefined) return;
      if (!Number.isInteger(score) || score < 1 || score > criterion.scale) {
        throw new RangeError(
          `Score ${score} for criterion ${criterion.id} is not a whole number 1..${criterion.scale}.`,
        );
      }
      entry.sum[k]! += score;
      entry.count[k]! += 1;
    });
  }

  const entries = [...sums].map(([candidate, { sheets, sum, count }]) => {
    let weighted = 0;
    let weights = 0;
    rubric.forEach((criterion, k) => {
      if (count[k] === 0 || criterion.weight === 0) return;
      weighted += (criterion.weight * (sum[k]! / count[k]! - 1)) / (criterion.scale - 1);
      weights += criterion.weight;
    });
    return {
      candidate,
      scoresheets: sheets,
      value: weights > 0 ? (100 * weighted) / weights : null,
      criteria: rubric.map((criterion, k) => ({
        criterion: criterion.id,
        count: count[k]!,
        mean: count[k]! > 0 ? sum[k]! / count[k]! : null,
      })),
    };
  });

  const ranking: TallyPlacement[] = [
    ...placeByValue(
      entries.flatMap(({ candidate, value }) => (value === null ? [] : [{ candidate, value }])),
      TOLERANCE,
    ),
    ...unplaced(
      entries
        .filter((entry) => entry.value === null)
        .map(({ candidate }) => ({ candidate, value: null })),
    ),
  ];
  return {
    method: 'judges',
    scoresheets: [...sums.values()].reduce((total, entry) => total + entry.sheets, 0),
    criteria: rubric.map(({ id, weight, scale }) => ({ id, weight, scale })),
    entries: entries.map(({ candidate, scoresheets: sheets, criteria: means }) => ({
      candidate,
      scoresheets: sheets,
      criteria: means,
    })),
    ranking,
  };
}

/** Numbers before strings, numbers ascending, strings by code unit: any input order, one result. */
function compareIds(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
