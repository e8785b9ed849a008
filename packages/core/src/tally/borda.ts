import type { BordaResult } from '@ficathon/schema';
import type { RankedBallot } from './ballots';
import { packRankedBallots } from './packed-ballots';
import { placeByValue } from './placements';

/**
 * Borda count. With n candidates, a ballot gives n - 1 points to its first choice, n - 2 to its
 * second, and so on: the k-th ranked candidate (from 1) gets n - k. Candidates a ballot leaves
 * unranked get 0 from it, as its last place would in a full ranking, so ranking every candidate
 * but the last changes nothing. Ids that are not candidates are skipped and close up the ranking.
 * Ranked by total points (`value`), ties sharing a place.
 */
export function tallyBorda(
  candidates: readonly number[],
  ballots: readonly RankedBallot[],
): BordaResult {
  const { ids, prefs, start } = packRankedBallots(candidates, ballots);
  const n = ids.length;
  const points = new Float64Array(n);
  let counted = 0;
  for (let b = 0; b < ballots.length; b += 1) {
    const first = start[b]!;
    const end = start[b + 1]!;
    if (end > first) counted += 1;
    for (let at = first; at < end; at += 1) points[prefs[at]!]! += n - 1 - (at - first);
  }
  return {
    method: 'borda',
    ballots: ballots.length,
    counted,
    ranking: placeByValue(ids.map((candidate, c) => ({ candidate, value: points[c]! }))),
  };
}
