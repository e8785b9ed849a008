import type {
  InstantRunoffResult,
  RunoffElimination,
  RunoffRound,
  TallyPlacement,
} from '@ficathon/schema';
import type { RankedBallot } from './ballots';
import { packRankedBallots } from './packed-ballots';
import { placeGroups } from './placements';
import { seededShuffle } from '../random/seeded-shuffle';

export interface InstantRunoffOptions {
  /** Published with the results, so anyone can rerun a tie-break draw. */
  seed: string;
}

/**
 * Instant-runoff voting, round by round.
 *
 * Each round, every ballot counts for its highest-ranked continuing candidate; a ballot whose
 * ranked candidates have all been eliminated is exhausted. A candidate with more than half of the
 * continuing votes wins, and the count stops. Otherwise one candidate is eliminated and its ballots
 * move on to their next continuing preference:
 *
 * 1. the candidate with the fewest votes;
 * 2. on a tie for fewest, the tied candidate with the fewest votes in the previous round; if they
 *    tied there too, the round before, and so on back to round 1 (first preferences), each earlier
 *    round only deciding among those still tied;
 * 3. still tied after round 1: a draw. The tied candidates, ascending by id, are shuffled by
 *    `seededShuffle(`${seed}:round-${n}`, ids)` (cyrb53 + mulberry32 + Fisher-Yates, as the prompt
 *    draw; n is the round number) and the first of the shuffled order is eliminated.
 *
 * Exception: all candidates with no votes at all leave together (reason `no-votes`). A candidate's
 * votes never fall while it continues, so they have had none in any round: nothing transfers, no
 * earlier round could tell them apart, and eliminating them one by one would change nothing but
 * add rounds decided by draws.
 *
 * The full ranking: the winner first; then the candidates still continuing when the count
 * stopped, by their last-round votes, then by their votes in the rounds before (latest first);
 * then the eliminated ones, later elimination placing higher. Candidates that cannot be told apart
 * share a place: those eliminated together for having no votes, and continuing runners-up with
 * equal votes in every round (no draw is made for places, only to go on counting). A candidate
 * eliminated by the tie-break places below the one it was tied with. With no ballot that ranks
 * any candidate, no one is elected and every candidate shares first place with 0.
 *
 * Pure and deterministic: the order of candidates and ballots makes no difference. Ballots ranking
 * ids that are not candidates skip them. Renaming the entries renames the result, with one
 * exception: the draw shuffles the tied ids in ascending order, so a renaming that changes their
 * order may draw differently (one that keeps their order draws the same).
 */
export function tallyInstantRunoff(
  candidates: readonly number[],
  ballots: readonly RankedBallot[],
  options: InstantRunoffOptions,
): InstantRunoffResult {
  const { ids, prefs, start } = packRankedBallots(candidates, ballots);
  const n = ids.length;
  const ballotCount = ballots.length;

  // The ballots counting for candidate c form a linked list: head[c], next[head[c]], ... (-1 ends).
  // Eliminating c only walks c's ballots, so a whole count costs about one step per preference.
  const head = new Int32Array(n).fill(-1);
  const next = new Int32Array(ballotCount);
  const cursor = start.slice(0, ballotCount);
  const votes = new Float64Array(n);
  const continuing = new Uint8Array(n).fill(1);
  let exhaustedNow = 0;
  for (let b = 0; b < ballotCount; b += 1) {
    if (cursor[b] === start[b + 1]) {
      exhaustedNow += 1;
      continue;
    }
    const c = prefs[cursor[b]!]!;
    next[b] = head[c]!;
    head[c] = b;
    votes[c]! += 1;
  }

  const rounds: RunoffRound[] = [];
  const history: Float64Array[] = [];
  const eliminatedIn: number[][] = [];
  let exhaustedTotal = 0;
  let elected: number | null = null;

  for (let round = 1; ; round += 1) {
    history.push(votes.slice());
    exhaustedTotal += exhaustedNow;
    const live = indexesWhere(continuing);
    const counts = live
      .map((c) => ({ candidate: ids[c]!, votes: votes[c]! }))
      .sort((a, b) => b.votes - a.votes || a.candidate - b.candidate);
    const base = {
      round,
      counts,
      continuingVotes: ballotCount - exhaustedTotal,
      exhausted: exhaustedNow,
      exhaustedTotal,
    };
    const top = counts[0];
    if (!top || base.continuingVotes === 0 || 2 * top.votes > base.continuingVotes) {
      elected = top && base.continuingVotes > 0 ? top.candidate : null;
      rounds.push({ ...base, elected, eliminated: [], elimination: null, transfers: [] });
      break;
    }

    const { out, elimination } = chooseElimination(live, votes, history, ids, options.seed, round);
    for (const c of out) continuing[c] = 0;
    // moved[c]: ballots passed on to candidate c; moved[n]: ballots that became exhausted.
    const moved = new Float64Array(n + 1);
    exhaustedNow = 0;
    for (const c of out) {
      let b = head[c]!;
      while (b !== -1) {
        const following = next[b]!;
        const end = start[b + 1]!;
        let at = cursor[b]! + 1;
        while (at < end && continuing[prefs[at]!] === 0) at += 1;
        cursor[b] = at;
        if (at === end) {
          exhaustedNow += 1;
        } else {
          const to = prefs[at]!;
          next[b] = head[to]!;
          head[to] = b;
          votes[to]! += 1;
          moved[to]! += 1;
        }
        b = following;
      }
      head[c] = -1;
    }
    eliminatedIn.push(out);
    moved[n] = exhaustedNow;
    const transfers: RunoffRound['transfers'] = [];
    for (let to = 0; to <= n; to += 1) {
      if (moved[to]! > 0)
        transfers.push({ candidate: to < n ? ids[to]! : null, votes: moved[to]! });
    }
    rounds.push({
      ...base,
      elected: null,
      eliminated: out.map((c) => ids[c]!).sort((a, b) => a - b),
      elimination,
      transfers,
    });
  }

  return {
    method: 'instant_runoff',
    ballots: ballotCount,
    seed: options.seed,
    rounds,
    ranking: rankRunoff(ids, continuing, elected, history, eliminatedIn),
  };
}

function indexesWhere(flags: Uint8Array): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < flags.length; i += 1) if (flags[i] === 1) indexes.push(i);
  return indexes;
}

/** Who leaves the count this round, and why (the rule in tallyInstantRunoff's comment). */
function chooseElimination(
  live: readonly number[],
  votes: Float64Array,
  history: readonly Float64Array[],
  ids: readonly number[],
  seed: string,
  round: number,
): { out: number[]; elimination: RunoffElimination } {
  const fewest = Math.min(...live.map((c) => votes[c]!));
  const tied = live.filter((c) => votes[c] === fewest);
  const tiedIds = tied.map((c) => ids[c]!);
  const settled = (out: number[], rest: Omit<RunoffElimination, 'tied'>) => ({
    out,
    elimination: { tied: tiedIds, ...rest },
  });
  if (fewest === 0) {
    return settled(tied, { reason: 'no-votes', decidedByRound: null, drawOrder: null });
  }
  if (tied.length === 1) {
    return settled(tied, { reason: 'fewest-votes', decidedByRound: null, drawOrder: null });
  }
  let still = tied;
  for (let earlier = round - 1; earlier >= 1; earlier -= 1) {
    const counts = history[earlier - 1]!;
    const least = Math.min(...still.map((c) => counts[c]!));
    still = still.filter((c) => counts[c] === least);
    if (still.length === 1) {
      return settled(still, {
        reason: 'previous-rounds',
        decidedByRound: earlier,
        drawOrder: null,
      });
    }
  }
  const drawOrder = seededShuffle(
    `${seed}:round-${round}`,
    still.map((c) => ids[c]!),
  );
  const loser = ids.indexOf(drawOrder[0]!);
  return settled([loser], { reason: 'draw', decidedByRound: null, drawOrder });
}

/** The full ranking, as documented on tallyInstantRunoff. */
function rankRunoff(
  ids: readonly number[],
  continuing: Uint8Array,
  elected: number | null,
  history: readonly Float64Array[],
  eliminatedIn: readonly number[][],
): TallyPlacement[] {
  const last = history.at(-1);
  const lastVotes = (c: number) => last?.[c] ?? 0;
  const groups: { candidate: number; value: number }[][] = [];
  const runnersUp = indexesWhere(continuing).filter((c) => ids[c] !== elected);
  if (elected !== null)
    groups.push([{ candidate: elected, value: lastVotes(ids.indexOf(elected)) }]);
  // Later rounds first: compare last-round votes, then the round before, and so on.
  const byHistory = (a: number, b: number) => {
    for (let r = history.length - 1; r >= 0; r -= 1) {
      const difference = history[r]![b]! - history[r]![a]!;
      if (difference !== 0) return difference;
    }
    return 0;
  };
  runnersUp.sort((a, b) => byHistory(a, b) || a - b);
  let previous: number | null = null;
  for (const c of runnersUp) {
    const item = { candidate: ids[c]!, value: lastVotes(c) };
    if (previous !== null && byHistory(previous, c) === 0) groups.at(-1)!.push(item);
    else groups.push([item]);
    previous = c;
  }
  for (let r = eliminatedIn.length - 1; r >= 0; r -= 1) {
    const roundVotes = history[r]!;
    groups.push(eliminatedIn[r]!.map((c) => ({ candidate: ids[c]!, value: roundVotes[c]! })));
  }
  return placeGroups(groups);
}
