import { InstantRunoffResultSchema } from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import { tallyInstantRunoff } from './instant-runoff';
import { seededShuffle } from '../random/seeded-shuffle';

const times = (n: number, ranking: number[]) => Array.from({ length: n }, () => ({ ranking }));
const places = (result: { ranking: { candidate: number; place: number | null }[] }) =>
  result.ranking.map(({ candidate, place }) => [candidate, place]);

describe('tallyInstantRunoff', () => {
  it('elects a first-round majority, listing the others by their votes', () => {
    const result = tallyInstantRunoff(
      [1, 2, 3, 4],
      [...times(5, [1, 2]), ...times(2, [2]), ...times(2, [3, 1])],
      { seed: 's' },
    );
    expect(result.rounds).toEqual([
      {
        round: 1,
        counts: [
          { candidate: 1, votes: 5 },
          { candidate: 2, votes: 2 },
          { candidate: 3, votes: 2 },
          { candidate: 4, votes: 0 },
        ],
        continuingVotes: 9,
        exhausted: 0,
        exhaustedTotal: 0,
        elected: 1,
        eliminated: [],
        elimination: null,
        transfers: [],
      },
    ]);
    // 2 and 3 had the same votes in every round: a tie, shown as one.
    expect(result.ranking).toEqual([
      { candidate: 1, place: 1, value: 5 },
      { candidate: 2, place: 2, value: 2 },
      { candidate: 3, place: 2, value: 2 },
      { candidate: 4, place: 4, value: 0 },
    ]);
  });

  it('counts exhausted ballots and breaks a tie for last by the previous round', () => {
    // Round 1: 10 has 6, 20 has 5, 30 has 4 of 15. 30 goes: three ballots exhaust, one moves to 20.
    // Round 2: 10 and 20 tie on 6 of 12; 20 had fewer in round 1, so 20 goes and all 6 exhaust.
    const ballots = [
      ...times(6, [10]),
      ...times(5, [20]),
      ...times(3, [30]),
      ...times(1, [30, 20]),
    ];
    const result = tallyInstantRunoff([30, 20, 10], ballots, { seed: 'x' });
    expect(
      result.rounds.map(({ counts, ...round }) => ({ ...round, counts: counts.length })),
    ).toEqual([
      {
        round: 1,
        counts: 3,
        continuingVotes: 15,
        exhausted: 0,
        exhaustedTotal: 0,
        elected: null,
        eliminated: [30],
        elimination: { reason: 'fewest-votes', tied: [30], decidedByRound: null, drawOrder: null },
        transfers: [
          { candidate: 20, votes: 1 },
          { candidate: null, votes: 3 },
        ],
      },
      {
        round: 2,
        counts: 2,
        continuingVotes: 12,
        exhausted: 3,
        exhaustedTotal: 3,
        elected: null,
        eliminated: [20],
        elimination: {
          reason: 'previous-rounds',
          tied: [10, 20],
          decidedByRound: 1,
          drawOrder: null,
        },
        transfers: [{ candidate: null, votes: 6 }],
      },
      {
        round: 3,
        counts: 1,
        continuingVotes: 6,
        exhausted: 6,
        exhaustedTotal: 9,
        elected: 10,
        eliminated: [],
        elimination: null,
        transfers: [],
      },
    ]);
    expect(result.rounds[1]!.counts).toEqual([
      { candidate: 10, votes: 6 },
      { candidate: 20, votes: 6 },
    ]);
    expect(result.ranking).toEqual([
      { candidate: 10, place: 1, value: 6 },
      { candidate: 20, place: 2, value: 6 },
      { candidate: 30, place: 3, value: 4 },
    ]);
  });

  it('looks further back than the previous round when that one tied too', () => {
    // Round 1: 1:4, 2:3, 3:3, 4:2, 5:1. 5 goes to 4 (3). Round 2: 2, 3, 4 tie on 3; in round 1
    // 4 had fewest. Rounds checked from latest to earliest: round 1 decides.
    const ballots = [
      ...times(4, [1]),
      ...times(3, [2]),
      ...times(3, [3]),
      ...times(2, [4]),
      ...times(1, [5, 4]),
    ];
    const result = tallyInstantRunoff([1, 2, 3, 4, 5], ballots, { seed: 's' });
    expect(result.rounds[1]!.elimination).toEqual({
      reason: 'previous-rounds',
      tied: [2, 3, 4],
      decidedByRound: 1,
      drawOrder: null,
    });
    expect(result.rounds[1]!.eliminated).toEqual([4]);
  });

  describe('a tie no earlier round breaks', () => {
    const ballots = [...times(3, [1]), ...times(2, [2, 1]), ...times(2, [3, 2])];

    it('is settled by the documented draw from the seed', () => {
      const result = tallyInstantRunoff([1, 2, 3], ballots, { seed: 'ballads-2026' });
      const order = seededShuffle('ballads-2026:round-1', [2, 3]);
      expect(result.rounds[0]!.elimination).toEqual({
        reason: 'draw',
        tied: [2, 3],
        decidedByRound: null,
        drawOrder: order,
      });
      expect(result.rounds[0]!.eliminated).toEqual([order[0]]);
      // The loser of the draw places below the candidate it tied with.
      expect(result.ranking.at(-1)?.candidate).toBe(order[0]);
    });

    it('gives the same result for the same seed, whatever order the input comes in', () => {
      const a = tallyInstantRunoff([1, 2, 3], ballots, { seed: 'ballads-2026' });
      const b = tallyInstantRunoff([3, 1, 2], [...ballots].reverse(), { seed: 'ballads-2026' });
      expect(b).toEqual(a);
    });

    it('depends on the seed', () => {
      const losers = new Set(
        ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(
          (seed) => tallyInstantRunoff([1, 2, 3], ballots, { seed }).rounds[0]!.eliminated[0],
        ),
      );
      expect(losers).toEqual(new Set([2, 3]));
    });

    it('pins the draw, so a change of algorithm cannot pass unnoticed', () => {
      // Worked out with drawPrompts, whose published algorithm the draw mirrors.
      expect(seededShuffle('ballads-2026:round-1', [3, 2])).toEqual([2, 3]);
      expect(seededShuffle('ficathon', [5, 1, 4, 2, 3])).toEqual([1, 2, 5, 3, 4]);
      const result = tallyInstantRunoff([1, 2, 3], ballots, { seed: 'ballads-2026' });
      expect(result.rounds[0]!.eliminated).toEqual([2]);
    });

    it('is drawn when every earlier round tied as well', () => {
      // Round 1: 1:2, 2:2, 3:2, 4:1 (7). 4 goes to 2 and 3 cannot: its ballot exhausts.
      // Round 2: 1:2, 2:2, 3:2 of 6 again tied, and tied in round 1 too: a draw in round 2.
      const result = tallyInstantRunoff(
        [1, 2, 3, 4],
        [...times(2, [1]), ...times(2, [2]), ...times(2, [3]), ...times(1, [4])],
        { seed: 'q' },
      );
      expect(result.rounds[1]!.elimination).toMatchObject({
        reason: 'draw',
        tied: [1, 2, 3],
        drawOrder: seededShuffle('q:round-2', [1, 2, 3]),
      });
    });
  });

  it('eliminates every candidate without votes at once, sharing a place', () => {
    const ballots = [...times(2, [1]), ...times(2, [2, 1]), ...times(1, [3, 2])];
    const result = tallyInstantRunoff([1, 2, 3, 4, 5], ballots, { seed: 's' });
    expect(result.rounds.map((round) => [round.eliminated, round.elimination?.reason])).toEqual([
      [[4, 5], 'no-votes'],
      [[3], 'fewest-votes'],
      [[], undefined],
    ]);
    expect(result.rounds[2]!.elected).toBe(2);
    expect(places(result)).toEqual([
      [2, 1],
      [1, 2],
      [3, 3],
      [4, 4],
      [5, 4],
    ]);
  });

  it('skips ids that are not candidates, and repeats, moving on to the next preference', () => {
    const result = tallyInstantRunoff([1, 2], [{ ranking: [99, 2, 2, 1] }, { ranking: [99] }], {
      seed: 's',
    });
    expect(result.rounds[0]).toMatchObject({
      counts: [
        { candidate: 2, votes: 1 },
        { candidate: 1, votes: 0 },
      ],
      exhausted: 1,
      elected: 2,
    });
  });

  it('counts the same whether entry ids lie close together or far apart', () => {
    const ballots = [
      ...times(3, [1, 2]),
      ...times(2, [2, 3]),
      ...times(2, [3, 2]),
      ...times(1, [3]),
    ];
    const near = tallyInstantRunoff([1, 2, 3], ballots, { seed: 's' });
    const far = 2_000_000_000;
    const spread = tallyInstantRunoff(
      [1, 2, far],
      ballots.map(({ ranking }) => ({ ranking: ranking.map((id) => (id === 3 ? far : id)) })),
      { seed: 's' },
    );
    expect(places(spread)).toEqual(places(near).map(([id, place]) => [id === 3 ? far : id, place]));
    // Fractional, negative and out-of-range ids name no candidate.
    const odd = tallyInstantRunoff([1, 2], [{ ranking: [1.5, -1, 0, 3, 2] }], { seed: 's' });
    expect(odd.rounds[0]!.elected).toBe(2);
  });

  it('elects a single candidate with its votes', () => {
    const result = tallyInstantRunoff([7], [...times(2, [7]), { ranking: [] }], { seed: 's' });
    expect(result.rounds).toHaveLength(1);
    expect(result.rounds[0]).toMatchObject({ continuingVotes: 2, exhaustedTotal: 1, elected: 7 });
    expect(result.ranking).toEqual([{ candidate: 7, place: 1, value: 2 }]);
  });

  it('elects no one without ballots, and shows every candidate tied', () => {
    for (const ballots of [[], [{ ranking: [] }, { ranking: [42] }]]) {
      const result = tallyInstantRunoff([3, 1, 2], ballots, { seed: 's' });
      expect(result.rounds).toHaveLength(1);
      expect(result.rounds[0]).toMatchObject({
        elected: null,
        eliminated: [],
        continuingVotes: 0,
        exhaustedTotal: ballots.length,
      });
      expect(places(result)).toEqual([
        [1, 1],
        [2, 1],
        [3, 1],
      ]);
    }
  });

  it('handles no candidates at all', () => {
    const result = tallyInstantRunoff([], times(3, [1]), { seed: 's' });
    expect(result.ranking).toEqual([]);
    expect(result.rounds[0]).toMatchObject({ counts: [], exhaustedTotal: 3, elected: null });
  });

  it('returns plain JSON that the snapshot schema reads back unchanged', () => {
    const result = tallyInstantRunoff(
      [1, 2, 3],
      [...times(3, [1, 2]), ...times(2, [2, 3]), ...times(2, [3, 2])],
      { seed: 's' },
    );
    const stored = JSON.parse(JSON.stringify(result)) as unknown;
    expect(stored).toEqual(result);
    expect(InstantRunoffResultSchema.parse(stored)).toEqual(result);
  });
});
