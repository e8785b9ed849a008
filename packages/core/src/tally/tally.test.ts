import { TallyResultSchema, type TallyResult } from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import type { ScoreBallot } from './ballots';
import { blendResults } from './blend';
import { tallyBorda } from './borda';
import { tallyApproval, tallyPlurality } from './count-votes';
import { tallyJudges } from './judges';
import { placeByValue } from './placements';
import { tallySchulze } from './schulze';
import { tallyScore } from './score';

const times = <T>(n: number, ballot: T): T[] => Array.from({ length: n }, () => ballot);
const places = (result: { ranking: { candidate: number; place: number | null }[] }) =>
  result.ranking.map(({ candidate, place }) => [candidate, place]);

/** A stored snapshot must read back as exactly what the tally returned. */
function expectSnapshotRoundTrip(result: TallyResult) {
  const stored = JSON.parse(JSON.stringify(result)) as unknown;
  expect(stored).toEqual(result);
  expect(TallyResultSchema.parse(stored)).toEqual(result);
}

describe('tallyPlurality', () => {
  it('counts choices, shares places on a tie and lists candidates without votes', () => {
    const ballots = [1, 1, 2, 2, 3, 99].map((choice) => ({ choice }));
    const result = tallyPlurality([4, 3, 2, 1], ballots);
    expect(result).toEqual({
      method: 'plurality',
      ballots: 6,
      counted: 5,
      ranking: [
        { candidate: 1, place: 1, value: 2 },
        { candidate: 2, place: 1, value: 2 },
        { candidate: 3, place: 3, value: 1 },
        { candidate: 4, place: 4, value: 0 },
      ],
    });
    expectSnapshotRoundTrip(result);
  });

  it('ties everyone for first without ballots, and handles one candidate', () => {
    expect(places(tallyPlurality([2, 1], []))).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(tallyPlurality([5], [{ choice: 5 }]).ranking).toEqual([
      { candidate: 5, place: 1, value: 1 },
    ]);
  });
});

describe('tallyApproval', () => {
  it('counts each approval once per ballot and skips unknown entries', () => {
    const result = tallyApproval(
      [1, 2, 3],
      [{ approved: [1, 2] }, { approved: [2, 2, 3] }, { approved: [9] }, { approved: [] }],
    );
    expect(result).toEqual({
      method: 'approval',
      ballots: 4,
      counted: 2,
      ranking: [
        { candidate: 2, place: 1, value: 2 },
        { candidate: 1, place: 2, value: 1 },
        { candidate: 3, place: 2, value: 1 },
      ],
    });
    expectSnapshotRoundTrip(result);
  });
});

describe('tallyBorda', () => {
  it('gives n - 1 points to a first choice down to 0, and 0 when unranked', () => {
    // 4 candidates: first 3, second 2, third 1, fourth and unranked 0.
    const ballots = [
      ...times(2, { ranking: [1, 2, 3, 4] }), // 1: 6, 2: 4, 3: 2
      { ranking: [4, 3] }, // 4: 3, 3: 2
      { ranking: [2] }, // 2: 3
      { ranking: [] },
    ];
    const result = tallyBorda([1, 2, 3, 4], ballots);
    expect(result).toEqual({
      method: 'borda',
      ballots: 5,
      counted: 4,
      ranking: [
        { candidate: 2, place: 1, value: 7 },
        { candidate: 1, place: 2, value: 6 },
        { candidate: 3, place: 3, value: 4 },
        { candidate: 4, place: 4, value: 3 },
      ],
    });
    expectSnapshotRoundTrip(result);
  });

  it('lets an unknown id close up the ranking, and shows ties', () => {
    const result = tallyBorda([1, 2], [{ ranking: [9, 1, 2] }, { ranking: [2, 1] }]);
    expect(result.ranking).toEqual([
      { candidate: 1, place: 1, value: 1 },
      { candidate: 2, place: 1, value: 1 },
    ]);
  });
});

describe('tallySchulze', () => {
  // The worked example of Schulze's method on Wikipedia: 45 voters, A..E as 1..5.
  const [A, B, C, D, E] = [1, 2, 3, 4, 5];
  const ballots = [
    ...times(5, { ranking: [A, C, B, E, D] }),
    ...times(5, { ranking: [A, D, E, C, B] }),
    ...times(8, { ranking: [B, E, D, A, C] }),
    ...times(3, { ranking: [C, A, B, E, D] }),
    ...times(7, { ranking: [C, A, E, B, D] }),
    ...times(2, { ranking: [C, B, A, D, E] }),
    ...times(7, { ranking: [D, C, E, B, A] }),
    ...times(8, { ranking: [E, B, A, D, C] }),
  ];

  it('builds the pairwise matrix and strongest paths, and ranks E > A > C > B > D', () => {
    const result = tallySchulze([E, D, C, B, A], ballots);
    expect(result.candidates).toEqual([A, B, C, D, E]);
    expect(result.pairwise).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
    expect(result.strongestPaths).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
    expect(result.ranking).toEqual([
      { candidate: E, place: 1, value: 4 },
      { candidate: A, place: 2, value: 3 },
      { candidate: C, place: 3, value: 2 },
      { candidate: B, place: 4, value: 1 },
      { candidate: D, place: 5, value: 0 },
    ]);
    expectSnapshotRoundTrip(result);
  });

  it('shares a place between candidates no path separates; ranked beats unranked', () => {
    const result = tallySchulze([1, 2, 3], [{ ranking: [1, 2] }, { ranking: [2, 1] }]);
    expect(result.ranking).toEqual([
      { candidate: 1, place: 1, value: 1 },
      { candidate: 2, place: 1, value: 1 },
      { candidate: 3, place: 3, value: 0 },
    ]);
  });

  it('ties everyone without ballots, and ranks a single candidate first', () => {
    expect(places(tallySchulze([1, 2, 3], []))).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    expect(places(tallySchulze([8], [{ ranking: [8] }]))).toEqual([[8, 1]]);
  });
});

describe('tallyScore', () => {
  const options = { min: 1, max: 5, minimumScores: 2 } as const;
  const ballots: ScoreBallot[] = [
    { scores: { 1: 5, 2: 4, 3: 5, 5: 2 } },
    { scores: { 1: 4, 2: 4, 5: 2 } },
    { scores: { 1: 3, 5: 2, 99: 1 } },
  ];

  it('places by mean, ties equal means, and lists entries with too few scores unplaced', () => {
    const result = tallyScore([1, 2, 3, 4, 5], ballots, options);
    expect(result.ranking).toEqual([
      { candidate: 1, place: 1, value: 4 },
      { candidate: 2, place: 1, value: 4 },
      { candidate: 5, place: 3, value: 2 },
      { candidate: 3, place: null, value: 5 },
      { candidate: 4, place: null, value: null },
    ]);
    expect(result.entries).toEqual([
      { candidate: 1, count: 3, mean: 4, distribution: [0, 0, 1, 1, 1] },
      { candidate: 2, count: 2, mean: 4, distribution: [0, 0, 0, 2, 0] },
      { candidate: 3, count: 1, mean: 5, distribution: [0, 0, 0, 0, 1] },
      { candidate: 4, count: 0, mean: null, distribution: [0, 0, 0, 0, 0] },
      { candidate: 5, count: 3, mean: 2, distribution: [0, 3, 0, 0, 0] },
    ]);
    expect(result).toMatchObject({ ballots: 3, counted: 3, min: 1, max: 5, minimumScores: 2 });
    expectSnapshotRoundTrip(result);
  });

  it('has a histogram per value of a 1-10 scale', () => {
    const result = tallyScore([1], [{ scores: { 1: 10 } }, { scores: { 1: 1 } }], {
      min: 1,
      max: 10,
      minimumScores: 0,
    });
    expect(result.entries[0]?.distribution).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(result.ranking).toEqual([{ candidate: 1, place: 1, value: 5.5 }]);
  });

  it('refuses a score off the scale rather than counting it', () => {
    expect(() => tallyScore([1], [{ scores: { 1: 6 } }], options)).toThrow(RangeError);
    expect(() => tallyScore([1], [{ scores: { 1: 2.5 } }], options)).toThrow(RangeError);
  });

  it('leaves everyone unplaced without ballots', () => {
    expect(places(tallyScore([2, 1], [], options))).toEqual([
      [1, null],
      [2, null],
    ]);
  });
});

describe('tallyJudges', () => {
  const criteria = [
    { id: 'prose', weight: 2, scale: 5 as const },
    { id: 'prompt', weight: 1, scale: 10 as const },
  ];

  it('averages each criterion over the judges, weights them, and scores 0 to 100', () => {
    const result = tallyJudges([10, 20, 30], criteria, [
      { judge: 1, entry: 10, scores: { prose: 5, prompt: 10 } },
      { judge: 2, entry: 10, scores: { prose: 3, prompt: 1 } },
      { judge: 1, entry: 20, scores: { prose: 4, prompt: 7 } },
      { judge: 1, entry: 99, scores: { prose: 1, prompt: 1 } },
    ]);
    // Entry 10: prose mean 4 -> 3/4, prompt mean 5.5 -> 4.5/9 = 1/2: (2 * 3/4 + 1/2) / 3 = 2/3.
    // Entry 20: prose 4 -> 3/4, prompt 7 -> 6/9 = 2/3: (3/2 + 2/3) / 3 = 13/18.
    expect(places(result)).toEqual([
      [20, 1],
      [10, 2],
      [30, null],
    ]);
    expect(result.ranking[0]?.value).toBeCloseTo((100 * 13) / 18, 12);
    expect(result.ranking[1]?.value).toBeCloseTo((100 * 2) / 3, 12);
    expect(result.ranking[2]?.value).toBeNull();
    expect(result.entries[0]).toEqual({
      candidate: 10,
      scoresheets: 2,
      criteria: [
        { criterion: 'prompt', count: 2, mean: 5.5 },
        { criterion: 'prose', count: 2, mean: 4 },
      ],
    });
    expect(result.scoresheets).toBe(3);
    expectSnapshotRoundTrip(result);
  });

  it('shows a tie that rounding would otherwise break', () => {
    // Both are exactly 100/6 (0.3 * 5/9 / 0.4 and (0.1 + 0.3 * 2/9) / 0.4), but the float
    // arithmetic gives 41.66666666666666 and 41.666666666666664.
    const result = tallyJudges(
      [1, 2],
      [
        { id: 'a', weight: 0.1, scale: 5 },
        { id: 'b', weight: 0.3, scale: 10 },
      ],
      [
        { judge: 1, entry: 1, scores: { a: 1, b: 6 } },
        { judge: 1, entry: 2, scores: { a: 5, b: 3 } },
      ],
    );
    expect(result.ranking.map((row) => row.place)).toEqual([1, 1]);
  });

  it('refuses two sheets from one judge for one entry, and scores off the scale', () => {
    const sheet = { judge: 1, entry: 1, scores: { prose: 3 } };
    expect(() => tallyJudges([1], criteria, [sheet, sheet])).toThrow(RangeError);
    expect(() =>
      tallyJudges([1], criteria, [{ judge: 1, entry: 1, scores: { prose: 6 } }]),
    ).toThrow(RangeError);
    expect(() => tallyJudges([1], [{ id: 'x', weight: 0, scale: 5 }], [])).toThrow(RangeError);
  });
});

describe('blendResults', () => {
  const publicResult = tallyPlurality(
    [1, 2, 3, 4, 5],
    [1, 1, 1, 2, 2, 3, 3, 4].map((choice) => ({ choice })),
  );
  const judges = tallyScore(
    [1, 2, 3, 4, 5],
    [{ scores: { 3: 5, 1: 4 } }, { scores: { 3: 5, 1: 4, 2: 1 } }],
    { min: 1, max: 5, minimumScores: 2 },
  );

  it('blends positional points by the judges’ weight', () => {
    // Public: 1 first, 2 and 3 tied second, 4 fourth, 5 fifth (n = 5): 100, 70, 70, 40, 20.
    // Judges: 3 first, 1 second (n = 2): 100, 50; 2 unplaced, 4 and 5 unscored: 0.
    const result = blendResults(publicResult, judges, 0.25);
    expect(result.entries).toEqual([
      { candidate: 1, publicPoints: 100, judgesPoints: 50 },
      { candidate: 2, publicPoints: 70, judgesPoints: 0 },
      { candidate: 3, publicPoints: 70, judgesPoints: 100 },
      { candidate: 4, publicPoints: 40, judgesPoints: 0 },
      { candidate: 5, publicPoints: 20, judgesPoints: 0 },
    ]);
    expect(result.ranking).toEqual([
      { candidate: 1, place: 1, value: 87.5 },
      { candidate: 3, place: 2, value: 77.5 },
      { candidate: 2, place: 3, value: 52.5 },
      { candidate: 4, place: 4, value: 30 },
      { candidate: 5, place: 5, value: 15 },
    ]);
    expect(result).toMatchObject({ publicMethod: 'plurality', judgesMethod: 'score' });
    expectSnapshotRoundTrip(result);
  });

  it('gives the public places at weight 0 and the judges’ at weight 1', () => {
    expect(places(blendResults(publicResult, judges, 0))).toEqual(places(publicResult));
    expect(places(blendResults(publicResult, judges, 1))).toEqual([
      [3, 1],
      [1, 2],
      [2, null],
      [4, null],
      [5, null],
    ]);
  });

  it('refuses a weight outside 0..1', () => {
    expect(() => blendResults(publicResult, judges, 1.5)).toThrow(RangeError);
    expect(() => blendResults(publicResult, judges, Number.NaN)).toThrow(RangeError);
  });
});

describe('placeByValue', () => {
  it('numbers places 1, 2, 2, 4 and lists tied candidates by id', () => {
    expect(
      placeByValue([
        { candidate: 9, value: 1 },
        { candidate: 3, value: 5 },
        { candidate: 2, value: 3 },
        { candidate: 1, value: 3 },
      ]),
    ).toEqual([
      { candidate: 3, place: 1, value: 5 },
      { candidate: 1, place: 2, value: 3 },
      { candidate: 2, place: 2, value: 3 },
      { candidate: 9, place: 4, value: 1 },
    ]);
  });
});
