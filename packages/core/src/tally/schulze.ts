import type { SchulzeResult } from '@ficathon/schema';
import type { RankedBallot } from './ballots';
import { packRankedBallots } from './packed-ballots';
import { placeGroups } from './placements';

/**
 * Condorcet/Schulze. `pairwise[i][j]` counts the ballots that prefer candidate i to candidate j: a
 * ballot prefers every candidate it ranks to those ranked lower and to those it leaves unranked,
 * and has no preference among the unranked. A path's strength is its weakest link, a link i -> j
 * weighing `pairwise[i][j]` when i wins that duel (winning votes) and nothing otherwise;
 * `strongestPaths` holds the strongest path between each pair (Floyd-Warshall, as in Schulze's
 * paper). Candidate i beats j when `strongestPaths[i][j] > strongestPaths[j][i]`; Schulze proved
 * this relation transitive, so some candidate is always unbeaten, and a Condorcet winner (who wins
 * every duel) is the only winner.
 *
 * The full ranking is peeled in layers: first place goes to every candidate no one beats (the
 * Schulze winners, sharing the place when there are several), the next place to those no remaining
 * candidate beats, and so on. So whoever beats another always places above it, and candidates
 * that no beat relation orders share a place. `value`: how many candidates it beats.
 */
export function tallySchulze(
  candidates: readonly number[],
  ballots: readonly RankedBallot[],
): SchulzeResult {
  const { ids, prefs, start } = packRankedBallots(candidates, ballots);
  const n = ids.length;
  const d = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const rankedBy = new Int32Array(n).fill(-1);
  let counted = 0;
  for (let b = 0; b < ballots.length; b += 1) {
    if (start[b + 1]! > start[b]!) counted += 1;
    for (let at = start[b]!; at < start[b + 1]!; at += 1) {
      const i = prefs[at]!;
      rankedBy[i] = b;
      const row = d[i]!;
      // Everyone not ranked yet on this ballot is below i.
      for (let j = 0; j < n; j += 1) if (rankedBy[j] !== b) row[j]! += 1;
    }
  }

  const p = d.map((row, i) => row.map((value, j) => (value > d[j]![i]! ? value : 0)));
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      if (i === j) continue;
      for (let k = 0; k < n; k += 1) {
        if (k === i || k === j) continue;
        const through = Math.min(p[j]![i]!, p[i]![k]!);
        if (through > p[j]![k]!) p[j]![k] = through;
      }
    }
  }

  const beats = (i: number, j: number) => p[i]![j]! > p[j]![i]!;
  const wins = ids.map((_, i) => ids.filter((__, j) => beats(i, j)).length);
  const groups: { candidate: number; value: number }[][] = [];
  let remaining = ids.map((_, i) => i);
  while (remaining.length > 0) {
    const unbeaten = remaining.filter((i) => !remaining.some((j) => beats(j, i)));
    // Transitivity (Schulze 2011, section 4.1) rules this out; failing loudly beats looping forever.
    if (unbeaten.length === 0) throw new Error('Schulze: every remaining candidate is beaten.');
    groups.push(unbeaten.map((i) => ({ candidate: ids[i]!, value: wins[i]! })));
    remaining = remaining.filter((i) => !unbeaten.includes(i));
  }

  return {
    method: 'schulze',
    ballots: ballots.length,
    counted,
    candidates: ids,
    pairwise: d,
    strongestPaths: p,
    ranking: placeGroups(groups),
  };
}
