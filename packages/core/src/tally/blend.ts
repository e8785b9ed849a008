import type { BlendResult, TallyMethod, TallyPlacement } from '@ficathon/schema';
import { placeByValue, unplaced } from './placements';

/** Any tally's result: a blend only reads its method and ranking. */
export interface RankedResult {
  method: TallyMethod;
  ranking: readonly TallyPlacement[];
}

/** Blended points mix two rankings by a fractional weight: ties within this relative error are ties. */
const TOLERANCE = 1e-9;

/**
 * Blends the public vote's result with the judges', whatever method each used, by place rather
 * than by value (votes, means and rubric scores are not on one scale).
 *
 * Each ranking gives its placed candidates points from 0 to 100 by position: with n placed, the
 * candidate at position k (from 1) gets 100 * (n + 1 - k) / n, so first gets 100 and last 100 / n;
 * tied candidates get the mean of the positions they span (places 2, 2 of 4 cover positions 2 and
 * 3: each gets 100 * 2.5 / 4 = 62.5). Unplaced candidates, and candidates a ranking does not list,
 * get 0 from it. The blend is `(1 - weightOfJudges) * publicPoints + weightOfJudges * judgesPoints`
 * (`value`), ranked highest first with equal points sharing a place; candidates with 0 points (not
 * placed by any ranking that carries weight) follow unplaced. A weight of 0 gives the public
 * ranking's places, 1 the judges'.
 */
export function blendResults(
  publicResult: RankedResult,
  judgesResult: RankedResult,
  weightOfJudges: number,
): BlendResult {
  if (!(weightOfJudges >= 0 && weightOfJudges <= 1)) {
    throw new RangeError(`The judges' weight must be from 0 to 1 (${weightOfJudges}).`);
  }
  const publicPoints = positionalPoints(publicResult.ranking);
  const judgesPoints = positionalPoints(judgesResult.ranking);
  const candidates = [
    ...new Set([...publicResult.ranking, ...judgesResult.ranking].map((row) => row.candidate)),
  ].sort((a, b) => a - b);
  const entries = candidates.map((candidate) => ({
    candidate,
    publicPoints: publicPoints.get(candidate) ?? 0,
    judgesPoints: judgesPoints.get(candidate) ?? 0,
  }));
  const blended = entries.map(({ candidate, publicPoints: p, judgesPoints: j }) => ({
    candidate,
    value: (1 - weightOfJudges) * p + weightOfJudges * j,
  }));
  return {
    method: 'blend',
    weightOfJudges,
    publicMethod: publicResult.method,
    judgesMethod: judgesResult.method,
    entries,
    ranking: [
      ...placeByValue(
        blended.filter((row) => row.value > 0),
        TOLERANCE,
      ),
      ...unplaced(blended.filter((row) => row.value === 0)),
    ],
  };
}

/** Points by position, as documented on blendResults; only placed candidates get any. */
function positionalPoints(ranking: readonly TallyPlacement[]): Map<number, number> {
  const placed = ranking.filter((row) => row.place !== null);
  const tiedAt = new Map<number, number>();
  for (const row of placed) tiedAt.set(row.place!, (tiedAt.get(row.place!) ?? 0) + 1);
  const n = placed.length;
  return new Map(
    placed.map((row) => {
      const meanPosition = row.place! + (tiedAt.get(row.place!)! - 1) / 2;
      return [row.candidate, (100 * (n + 1 - meanPosition)) / n];
    }),
  );
}
