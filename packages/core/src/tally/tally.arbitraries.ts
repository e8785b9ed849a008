import type { TallyResult } from '@ficathon/schema';
import fc from 'fast-check';
import type { RankedBallot } from './ballots';

/** Test inputs for the tally's property tests (not part of the package's surface). */

export interface RankedElection {
  candidates: number[];
  ballots: RankedBallot[];
}

/**
 * An election: a few candidates with scattered ids and ballots ranking any subset of them in any
 * order, empty ballots included. Few ballots over few candidates make ties (and so tie-breaks)
 * common; `maxBallots` raises the count where ties should be rare.
 */
export function rankedElection({
  maxCandidates = 6,
  minBallots = 0,
  maxBallots = 30,
  complete = false,
} = {}): fc.Arbitrary<RankedElection> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: maxCandidates })
    .chain((candidates) =>
      fc.record({
        candidates: fc.constant(candidates),
        ballots: fc.array(
          (complete
            ? fc.shuffledSubarray(candidates, { minLength: candidates.length })
            : fc.shuffledSubarray(candidates)
          ).map((ranking) => ({ ranking })),
          { minLength: minBallots, maxLength: maxBallots },
        ),
      }),
    );
}

/** Ballots as the tally may still meet them: unknown ids and repeats mixed in. */
export function messyElection(): fc.Arbitrary<RankedElection> {
  return rankedElection().chain(({ candidates, ballots }) =>
    fc.record({
      candidates: fc.constant(candidates),
      ballots: fc
        .constant(ballots)
        .chain((clean) =>
          fc.tuple(
            ...clean.map((ballot) =>
              fc
                .array(fc.constantFrom(...candidates, 9999), { maxLength: 3 })
                .map((extra) => ({ ranking: [...ballot.ranking, ...extra] })),
            ),
          ),
        ),
    }),
  );
}

/**
 * A one-to-one renaming of the candidates' ids. `keepOrder` maps the i-th smallest id to the i-th
 * smallest new id, so anything that depends on the ids' order (the seeded draw) is unchanged.
 */
export function relabelling(
  candidates: readonly number[],
  keepOrder: boolean,
): fc.Arbitrary<Map<number, number>> {
  const n = candidates.length;
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: n, maxLength: n })
    .map((fresh) => {
      const from = keepOrder ? [...candidates].sort((a, b) => a - b) : [...candidates];
      const to = keepOrder ? [...fresh].sort((a, b) => a - b) : fresh;
      return new Map(from.map((id, i) => [id, to[i]!]));
    });
}

/**
 * A result with every id passed through `rename` and every list whose order only follows the ids
 * sorted by id, so results of relabelled inputs can be compared. A draw's order is kept: it is
 * part of the outcome.
 */
export function canonical(result: TallyResult, rename: (id: number) => number = (id) => id) {
  const byCandidate = <T extends { candidate: number | null }>(rows: T[]) =>
    rows
      .map((row) => ({ ...row, candidate: row.candidate === null ? null : rename(row.candidate) }))
      .sort((a, b) => (a.candidate ?? Infinity) - (b.candidate ?? Infinity));
  const ids = (list: number[]) => list.map(rename).sort((a, b) => a - b);
  const ranking = byCandidate(result.ranking);
  switch (result.method) {
    case 'instant_runoff':
      return {
        ...result,
        ranking,
        rounds: result.rounds.map((round) => ({
          ...round,
          counts: byCandidate(round.counts),
          elected: round.elected === null ? null : rename(round.elected),
          eliminated: ids(round.eliminated),
          elimination: round.elimination && {
            ...round.elimination,
            tied: ids(round.elimination.tied),
            drawOrder: round.elimination.drawOrder?.map(rename) ?? null,
          },
          transfers: byCandidate(round.transfers),
        })),
      };
    case 'schulze': {
      const pairs = result.candidates.flatMap((from, i) =>
        result.candidates.map((to, j) => ({
          pair: `${rename(from)}>${rename(to)}`,
          pairwise: result.pairwise[i]![j]!,
          strongest: result.strongestPaths[i]![j]!,
        })),
      );
      return {
        ...result,
        ranking,
        candidates: ids(result.candidates),
        pairwise: null,
        strongestPaths: null,
        pairs: pairs.sort((a, b) => (a.pair < b.pair ? -1 : 1)),
      };
    }
    case 'score':
      return { ...result, ranking, entries: byCandidate(result.entries) };
    default:
      return { ...result, ranking };
  }
}
