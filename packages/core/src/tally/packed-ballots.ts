import type { RankedBallot } from './ballots';
import { sortedCandidates } from './placements';

/**
 * Ranked ballots as candidate indexes in one typed array, so that a million ballots are counted
 * without a million small arrays being walked again each round. Candidate `i` is `ids[i]` (ids
 * ascending); ballot `b` ranks `prefs[start[b]]` ... `prefs[start[b + 1] - 1]`, unknown and
 * repeated ids already dropped.
 */
export interface PackedBallots {
  ids: number[];
  prefs: Int32Array;
  start: Int32Array;
}

export function packRankedBallots(
  candidates: readonly number[],
  ballots: readonly RankedBallot[],
): PackedBallots {
  const ids = sortedCandidates(candidates);
  const indexOf = candidateIndex(ids);
  let size = 0;
  for (const ballot of ballots) size += Math.min(ballot.ranking.length, ids.length);
  const prefs = new Int32Array(size);
  const start = new Int32Array(ballots.length + 1);
  // seenBy[c] = the last ballot that ranked c: drops repeats without clearing a set per ballot.
  const seenBy = new Int32Array(ids.length).fill(-1);
  let write = 0;
  for (let b = 0; b < ballots.length; b += 1) {
    start[b] = write;
    const ranking = ballots[b]!.ranking;
    for (let k = 0; k < ranking.length; k += 1) {
      const c = indexOf(ranking[k]!);
      if (c === undefined || seenBy[c] === b) continue;
      seenBy[c] = b;
      prefs[write] = c;
      write += 1;
    }
  }
  start[ballots.length] = write;
  return { ids, prefs, start };
}

/**
 * The index of a candidate id, or undefined. Entry ids usually lie close together, and then a
 * typed array answers several times faster than a Map (the lookup runs once per preference).
 */
function candidateIndex(ids: readonly number[]): (id: number) => number | undefined {
  const low = ids[0] ?? 0;
  const span = (ids.at(-1) ?? 0) - low + 1;
  if (ids.length === 0 || !ids.every(Number.isSafeInteger) || span > 64 * ids.length + 4096) {
    const map = new Map(ids.map((id, index) => [id, index]));
    return (id) => map.get(id);
  }
  const table = new Int32Array(span).fill(-1);
  ids.forEach((id, index) => {
    table[id - low] = index;
  });
  return (id) => {
    // A typed array reads undefined for a negative, fractional or too large offset; + 0 turns
    // -0 into 0, as a Map would.
    const index = table[id - low + 0];
    return index === undefined || index < 0 ? undefined : index;
  };
}
