import fc from 'fast-check';
import { Borda, InstantRunoff, Schulze, utils } from 'votes';
import { describe, expect, it } from 'vitest';
import type { RankedBallot } from './ballots';
import { tallyBorda } from './borda';
import { tallyInstantRunoff } from './instant-runoff';
import { tallySchulze } from './schulze';
import { rankedElection } from './tally.arbitraries';

/**
 * The `votes` package (dev only) as an independent oracle, compared only where both must agree:
 * its instant-runoff drops every candidate tied for last at once and never stops at a majority,
 * and its Borda gives n points for a first choice (ours n - 1).
 */
const toVotes = (candidates: readonly number[], ballots: readonly RankedBallot[]) => ({
  candidates: candidates.map(String),
  ballots: ballots.map(({ ranking }) => ({
    ranking: ranking.map((id) => [String(id)]),
    weight: 1,
  })),
});

describe('tally against the votes package', () => {
  it('instant-runoff: same eliminations and winner wherever no tie for last arose', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        rankedElection({ maxCandidates: 6, minBallots: 1, maxBallots: 60 }),
        ({ candidates, ballots }) => {
          const ours = tallyInstantRunoff(candidates, ballots, { seed: 'oracle' });
          const tieBroken = ours.rounds.some(
            (round) =>
              round.elimination?.reason === 'previous-rounds' ||
              round.elimination?.reason === 'draw',
          );
          const elected = ours.rounds.at(-1)!.elected;
          if (tieBroken || elected === null) return;
          compared += 1;
          const theirs = new InstantRunoff(toVotes(candidates, ballots)).ranking();
          const theirEliminations = [...theirs]
            .reverse()
            .map((group) => group.map(Number).sort((a, b) => a - b));
          const ourEliminations = ours.rounds.slice(0, -1).map((round) => round.eliminated);
          expect(theirEliminations.slice(0, ourEliminations.length)).toEqual(ourEliminations);
          expect(theirs[0]).toEqual([String(elected)]);
        },
      ),
      { numRuns: 1000 },
    );
    expect(compared).toBeGreaterThan(500);
  });

  it('schulze: each candidate beats the same number of rivals', () => {
    fc.assert(
      fc.property(
        rankedElection({ maxCandidates: 7, maxBallots: 40 }),
        ({ candidates, ballots }) => {
          const input = toVotes(candidates, ballots);
          const theirs = new Schulze(
            utils.matrixFromBallots(input.ballots, input.candidates),
          ).scores();
          const ours = tallySchulze(candidates, ballots);
          for (const row of ours.ranking) expect(row.value).toBe(theirs[String(row.candidate)]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('borda: on complete rankings, the same points less one per ballot', () => {
    fc.assert(
      fc.property(rankedElection({ complete: true, maxBallots: 40 }), ({ candidates, ballots }) => {
        const theirs = new Borda(toVotes(candidates, ballots)).scores();
        const ours = tallyBorda(candidates, ballots);
        for (const row of ours.ranking) {
          expect(row.value).toBe(theirs[String(row.candidate)]! - ballots.length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
