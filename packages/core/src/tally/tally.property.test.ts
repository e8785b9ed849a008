import { type TallyPlacement, type TallyResult } from '@ficathon/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawPrompts } from '../prompts/draw-prompts';
import type { RankedBallot } from './ballots';
import { blendResults } from './blend';
import { tallyBorda } from './borda';
import { tallyApproval, tallyPlurality } from './count-votes';
import { tallyInstantRunoff } from './instant-runoff';
import { tallySchulze } from './schulze';
import { tallyScore } from './score';
import { seededShuffle } from '../random/seeded-shuffle';
import {
  canonical,
  messyElection,
  rankedElection,
  relabelling,
  type RankedElection,
} from './tally.arbitraries';

const RUNS = { numRuns: 1000 };
const seed = fc.string({ maxLength: 12 });

/** Every ranked-ballot method, plus the single-mark ones fed from the same ballots. */
const METHODS: Record<string, (election: RankedElection, seed: string) => TallyResult> = {
  plurality: ({ candidates, ballots }) =>
    tallyPlurality(
      candidates,
      ballots.flatMap(({ ranking }) => (ranking.length > 0 ? [{ choice: ranking[0]! }] : [])),
    ),
  approval: ({ candidates, ballots }) =>
    tallyApproval(
      candidates,
      ballots.map(({ ranking }) => ({ approved: ranking.slice(0, 2) })),
    ),
  instantRunoff: ({ candidates, ballots }, s) =>
    tallyInstantRunoff(candidates, ballots, { seed: s }),
  borda: ({ candidates, ballots }) => tallyBorda(candidates, ballots),
  schulze: ({ candidates, ballots }) => tallySchulze(candidates, ballots),
  score: ({ candidates, ballots }) =>
    tallyScore(
      candidates,
      ballots
        .map(({ ranking }) => Object.fromEntries(ranking.map((id, k) => [id, Math.max(1, 5 - k)])))
        .map((scores) => ({ scores })),
      { min: 1, max: 5, minimumScores: 2 },
    ),
};

const rename = (ballots: readonly RankedBallot[], map: Map<number, number>) =>
  ballots.map(({ ranking }) => ({ ranking: ranking.map((id) => map.get(id) ?? id) }));

const hadDraw = (result: TallyResult) =>
  result.method === 'instant_runoff' &&
  result.rounds.some((round) => round.elimination?.reason === 'draw');

function firstChoiceCounts(candidates: readonly number[], ballots: readonly RankedBallot[]) {
  const counts = new Map(candidates.map((id) => [id, 0]));
  for (const { ranking } of ballots) {
    const first = ranking[0];
    if (first !== undefined) counts.set(first, counts.get(first)! + 1);
  }
  return counts;
}

/** Places read 1, 2, 2, 4 ...: each candidate once, placed ones first. */
function expectWellFormed(ranking: readonly TallyPlacement[], candidates: readonly number[]) {
  expect(ranking.map((row) => row.candidate).sort((a, b) => a - b)).toEqual(
    [...new Set(candidates)].sort((a, b) => a - b),
  );
  const placed = ranking.filter((row) => row.place !== null);
  expect(ranking.slice(0, placed.length)).toEqual(placed);
  placed.forEach((row, i) => {
    expect(row.place === i + 1 || (i > 0 && row.place === placed[i - 1]!.place)).toBe(true);
  });
}

describe('tally properties', () => {
  it('instant-runoff: a candidate ranked first by a strict majority wins, in round 1', () => {
    fc.assert(
      fc.property(
        rankedElection().chain((election) =>
          fc.record({
            election: fc.constant(election),
            winner: fc.constantFrom(...election.candidates),
            extra: fc.nat(10),
            tails: fc.array(fc.shuffledSubarray(election.candidates), { maxLength: 40 }),
          }),
        ),
        seed,
        ({ election, winner, extra, tails }, s) => {
          // At least others + 1 ballots rank the winner first.
          const mine = Array.from({ length: election.ballots.length + 1 + extra }, (_, i) => ({
            ranking: [winner, ...(tails[i % Math.max(1, tails.length)] ?? [])],
          }));
          const result = tallyInstantRunoff(election.candidates, [...election.ballots, ...mine], {
            seed: s,
          });
          expect(result.rounds).toHaveLength(1);
          expect(result.rounds[0]!.elected).toBe(winner);
          expect(result.ranking.filter((row) => row.place === 1)).toEqual([
            expect.objectContaining({ candidate: winner }),
          ]);
        },
      ),
      RUNS,
    );
  });

  it('instant-runoff: votes are conserved from round to round', () => {
    fc.assert(
      fc.property(messyElection(), seed, ({ candidates, ballots }, s) => {
        const result = tallyInstantRunoff(candidates, ballots, { seed: s });
        let exhausted = 0;
        result.rounds.forEach((round, r) => {
          exhausted += round.exhausted;
          expect(round.exhaustedTotal).toBe(exhausted);
          expect(round.continuingVotes + round.exhaustedTotal).toBe(ballots.length);
          expect(round.counts.reduce((sum, row) => sum + row.votes, 0)).toBe(round.continuingVotes);
          const following = result.rounds[r + 1];
          if (!following) {
            expect(round.eliminated).toEqual([]);
            return;
          }
          // Next round = this round's continuing counts + what the eliminated passed on.
          const lost = round.counts
            .filter((row) => round.eliminated.includes(row.candidate))
            .reduce((sum, row) => sum + row.votes, 0);
          expect(round.transfers.reduce((sum, row) => sum + row.votes, 0)).toBe(lost);
          expect(round.transfers.find((row) => row.candidate === null)?.votes ?? 0).toBe(
            following.exhausted,
          );
          for (const { candidate, votes } of following.counts) {
            const before = round.counts.find((row) => row.candidate === candidate)!.votes;
            const received = round.transfers.find((row) => row.candidate === candidate)?.votes ?? 0;
            expect(votes).toBe(before + received);
          }
        });
      }),
      RUNS,
    );
  });

  it('instant-runoff: the winner alone is first, and the ranking covers every candidate', () => {
    fc.assert(
      fc.property(messyElection(), seed, ({ candidates, ballots }, s) => {
        const result = tallyInstantRunoff(candidates, ballots, { seed: s });
        expectWellFormed(result.ranking, candidates);
        const elected = result.rounds.at(-1)!.elected;
        const firsts = result.ranking.filter((row) => row.place === 1).map((row) => row.candidate);
        if (elected === null) {
          expect(result.rounds).toHaveLength(1);
          expect(firsts).toHaveLength(new Set(candidates).size);
        } else {
          expect(firsts).toEqual([elected]);
        }
      }),
      RUNS,
    );
  });

  it('instant-runoff: relabelling the entries relabels the result (elections without a draw)', () => {
    // The draw shuffles the tied ids in ascending order, so a relabelling that reorders them may
    // draw differently: this property covers elections settled without one (most of them).
    let compared = 0;
    fc.assert(
      fc.property(
        rankedElection().chain((election) =>
          fc.tuple(fc.constant(election), relabelling(election.candidates, false)),
        ),
        seed,
        ([{ candidates, ballots }, map], s) => {
          const before = tallyInstantRunoff(candidates, ballots, { seed: s });
          fc.pre(!hadDraw(before));
          compared += 1;
          const after = tallyInstantRunoff(
            candidates.map((id) => map.get(id)!),
            rename(ballots, map),
            { seed: s },
          );
          expect(canonical(after)).toEqual(canonical(before, (id) => map.get(id)!));
        },
      ),
      RUNS,
    );
    expect(compared).toBeGreaterThan(RUNS.numRuns / 2);
  });

  it('instant-runoff: an order-keeping relabelling relabels the result, draws included', () => {
    let withDraw = 0;
    fc.assert(
      fc.property(
        rankedElection({ maxBallots: 8 }).chain((election) =>
          fc.tuple(fc.constant(election), relabelling(election.candidates, true)),
        ),
        seed,
        ([{ candidates, ballots }, map], s) => {
          const before = tallyInstantRunoff(candidates, ballots, { seed: s });
          if (hadDraw(before)) withDraw += 1;
          const after = tallyInstantRunoff(
            candidates.map((id) => map.get(id)!),
            rename(ballots, map),
            { seed: s },
          );
          expect(canonical(after)).toEqual(canonical(before, (id) => map.get(id)!));
        },
      ),
      RUNS,
    );
    expect(withDraw).toBeGreaterThan(RUNS.numRuns / 10);
  });

  for (const [name, tally] of Object.entries(METHODS)) {
    if (name === 'instantRunoff') continue;
    it(`${name}: relabelling the entries relabels the result`, () => {
      fc.assert(
        fc.property(
          rankedElection().chain((election) =>
            fc.tuple(fc.constant(election), relabelling(election.candidates, false)),
          ),
          ([election, map]) => {
            const before = tally(election, '');
            const after = tally(
              {
                candidates: election.candidates.map((id) => map.get(id)!),
                ballots: rename(election.ballots, map),
              },
              '',
            );
            expect(canonical(after)).toEqual(canonical(before, (id) => map.get(id)!));
          },
        ),
        { numRuns: 500 },
      );
    });
  }

  it('every method: the order of ballots and of candidates makes no difference', () => {
    fc.assert(
      fc.property(
        messyElection().chain((election) =>
          fc.record({
            election: fc.constant(election),
            ballots: fc.shuffledSubarray(election.ballots, { minLength: election.ballots.length }),
            candidates: fc.shuffledSubarray(election.candidates, {
              minLength: election.candidates.length,
            }),
          }),
        ),
        seed,
        ({ election, ballots, candidates }, s) => {
          for (const tally of Object.values(METHODS)) {
            const result = tally(election, s);
            expect(tally({ candidates: [...candidates, ...candidates], ballots }, s)).toEqual(
              result,
            );
            expectWellFormed(result.ranking, election.candidates);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('plurality equals the count of first choices, as does round 1 of instant-runoff', () => {
    fc.assert(
      fc.property(rankedElection({ maxBallots: 60 }), ({ candidates, ballots }) => {
        const expected = firstChoiceCounts(candidates, ballots);
        const plurality = METHODS.plurality!({ candidates, ballots }, '');
        for (const row of plurality.ranking) expect(row.value).toBe(expected.get(row.candidate));
        const runoff = tallyInstantRunoff(candidates, ballots, { seed: '' });
        for (const row of runoff.rounds[0]!.counts) {
          expect(row.votes).toBe(expected.get(row.candidate));
        }
        // And the places follow the counts.
        for (const a of plurality.ranking) {
          for (const b of plurality.ranking) {
            if (a.value! > b.value!) expect(a.place!).toBeLessThan(b.place!);
            if (a.value === b.value) expect(a.place).toBe(b.place);
          }
        }
      }),
      RUNS,
    );
  });

  it('schulze: the Condorcet winner, when there is one, is the only winner', () => {
    let withWinner = 0;
    fc.assert(
      fc.property(
        rankedElection({ maxCandidates: 7, maxBallots: 25 }),
        ({ candidates, ballots }) => {
          const result = tallySchulze(candidates, ballots);
          const prefers = (a: number, b: number) =>
            ballots.filter(({ ranking }) => {
              const i = ranking.indexOf(a);
              const j = ranking.indexOf(b);
              return i !== -1 && (j === -1 || i < j);
            }).length;
          const condorcet = candidates.find((a) =>
            candidates.every((b) => a === b || prefers(a, b) > prefers(b, a)),
          );
          if (condorcet === undefined) return;
          withWinner += 1;
          expect(result.ranking.filter((row) => row.place === 1)).toEqual([
            { candidate: condorcet, place: 1, value: candidates.length - 1 },
          ]);
        },
      ),
      RUNS,
    );
    expect(withWinner).toBeGreaterThan(RUNS.numRuns / 4);
  });

  it('schulze: whoever beats another by strongest path places above it', () => {
    fc.assert(
      fc.property(rankedElection({ maxCandidates: 7 }), ({ candidates, ballots }) => {
        const result = tallySchulze(candidates, ballots);
        const p = result.strongestPaths;
        const place = new Map(result.ranking.map((row) => [row.candidate, row.place!]));
        result.candidates.forEach((a, i) => {
          let beaten = 0;
          result.candidates.forEach((b, j) => {
            if (p[i]![j]! > p[j]![i]!) {
              beaten += 1;
              expect(place.get(a)!).toBeLessThan(place.get(b)!);
            }
          });
          expect(result.ranking.find((row) => row.candidate === a)?.value).toBe(beaten);
        });
      }),
      RUNS,
    );
  });

  it('score: counts, distributions and means agree, and only well-scored entries place', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.dictionary(
            fc.integer({ min: 1, max: 50 }).map(String),
            fc.integer({ min: 1, max: 10 }),
          ),
          { maxLength: 20 },
        ),
        fc.nat(4),
        (candidates, scores, minimumScores) => {
          const result = tallyScore(
            candidates,
            scores.map((s) => ({ scores: s })),
            { min: 1, max: 10, minimumScores },
          );
          expectWellFormed(result.ranking, candidates);
          for (const entry of result.entries) {
            const given = scores.flatMap((s) =>
              String(entry.candidate) in s ? [s[entry.candidate]!] : [],
            );
            expect(entry.count).toBe(given.length);
            expect(entry.distribution.reduce((a, b) => a + b, 0)).toBe(given.length);
            if (given.length > 0) {
              expect(entry.mean).toBeCloseTo(given.reduce((a, b) => a + b, 0) / given.length, 12);
            }
            const row = result.ranking.find((r) => r.candidate === entry.candidate)!;
            expect(row.place !== null).toBe(given.length >= Math.max(1, minimumScores));
          }
        },
      ),
      RUNS,
    );
  });

  it('blend: weight 0 gives the public places, weight 1 the judges’', () => {
    fc.assert(
      fc.property(rankedElection({ maxBallots: 12 }), seed, ({ candidates, ballots }, s) => {
        const publicResult = tallyInstantRunoff(candidates, ballots, { seed: s });
        const judges = METHODS.score!({ candidates, ballots }, s);
        const places = (ranking: readonly TallyPlacement[]) =>
          new Map(ranking.map((row) => [row.candidate, row.place]));
        expect(places(blendResults(publicResult, judges, 0).ranking)).toEqual(
          places(publicResult.ranking),
        );
        expect(places(blendResults(publicResult, judges, 1).ranking)).toEqual(
          places(judges.ranking),
        );
      }),
      RUNS,
    );
  });

  it('the tie-break draw is the prompt draw’s shuffle', () => {
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(fc.nat(1000), { maxLength: 20 }), (text, ids) => {
        const sorted = [...ids].sort((a, b) => a - b);
        expect(seededShuffle(text, ids)).toEqual(
          drawPrompts(text, sorted, sorted).assignments.map((a) => a.promptId),
        );
      }),
      RUNS,
    );
  });
});
