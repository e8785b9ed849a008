import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CategoryResult, Results } from '@ficathon/schema';
import { insertChallenge, insertEntry } from './support/fixtures';
import { bearer, signUp, type SignedUp } from './support/http';
import { DAY_MS, testDatabaseKinds, useTestApp } from './support/test-app';

/**
 * Every method, counted end to end: ballots cast through the API, judges' scores given through the
 * API, the results published, and each category's published placings compared with a count made
 * by hand below.
 */
const CATEGORIES = [
  { id: 'plurality', name: 'Favourite', method: 'plurality' },
  { id: 'approval', name: 'Liked', method: 'approval', approvalCap: 2 },
  { id: 'irv', name: 'Best overall', method: 'ranked', rankedCount: 'instant_runoff' },
  { id: 'borda', name: 'Best by points', method: 'ranked', rankedCount: 'borda' },
  { id: 'schulze', name: 'Best head to head', method: 'ranked', rankedCount: 'schulze' },
  { id: 'score', name: 'Craft', method: 'score', scoreScale: 5, minimumScores: 3 },
  { id: 'jury', name: 'Jury prize', method: 'score', source: 'judges' },
  { id: 'blend', name: 'People and jury', method: 'plurality', source: 'blend', judgeWeight: 0.5 },
];
const RUBRIC = [
  { id: 'craft', label: 'Craft', weight: 2, scale: 5 },
  { id: 'voice', label: 'Voice', weight: 1, scale: 10 },
];

type Title = 'A' | 'B' | 'C' | 'D';

describe.each(testDatabaseKinds())('every voting method through publication on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  const writers: SignedUp[] = [];
  const voters: SignedUp[] = [];
  const judges: SignedUp[] = [];
  const id = {} as Record<Title, number>;
  let published: Results;

  const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
  const setSchedule = async (votingOpens: number, votingCloses: number) => {
    const challenge = await t.store.repos.challenges.findBySlug('methods');
    await t.store.repos.challenges.update(challenge!.id, {
      closes_at: at(-2),
      voting_opens_at: at(votingOpens),
      voting_closes_at: at(votingCloses),
    });
  };
  /** Casts each voter's ballot (voter i casts ballots[i]) in one category; fails on anything but 200. */
  const castAll = async (category: string, ballots: object[]) => {
    for (const [i, ballot] of ballots.entries()) {
      const res = await request(t.app)
        .put(`/api/challenges/methods/ballots/${category}`)
        .set(bearer(voters[i]!.token))
        .send(ballot);
      expect(res.status, `${category} ballot ${i}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  };
  const ranking = (...titles: Title[]) => ({ ranking: titles.map((title) => id[title]) });
  const category = (categoryId: string): CategoryResult => {
    const found = published.categories.find((c) => c.id === categoryId);
    if (!found) throw new Error(`no category ${categoryId} in the results`);
    return found;
  };
  /** The placings as [title, place, value], values rounded to 3 decimals. */
  const placings = (categoryId: string) =>
    category(categoryId).placings.map((p) => [
      p.title,
      p.place,
      p.value === null ? null : Math.round(p.value * 1000) / 1000,
    ]);
  const round3 = (value: number) => Math.round(value * 1000) / 1000;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Methods Organizer' });
    for (const title of ['A', 'B', 'C', 'D'] as const) {
      writers.push(await signUp(t.app, { displayName: `Secret Writer ${title}` }));
    }
    for (let i = 1; i <= 9; i += 1) {
      voters.push(await signUp(t.app, { displayName: `Methods Voter ${i}` }));
    }
    judges.push(await signUp(t.app, { displayName: 'Methods Judge One' }));
    judges.push(await signUp(t.app, { displayName: 'Methods Judge Two' }));
    const challenge = await insertChallenge(t.store, {
      slug: 'methods',
      ownerId: organizer.user.id,
      anonymous: true,
      title: 'All the Methods',
    });
    for (const [i, title] of (['A', 'B', 'C', 'D'] as const).entries()) {
      id[title] = (
        await insertEntry(t.store, {
          challengeId: challenge.id,
          userId: writers[i]!.user.id,
          title,
        })
      ).id;
    }
    // Entries that must never place: a draft and a withdrawn one.
    await insertEntry(t.store, {
      challengeId: challenge.id,
      userId: writers[0]!.user.id,
      title: 'Draft',
      status: 'draft',
    });
    await insertEntry(t.store, {
      challengeId: challenge.id,
      userId: writers[1]!.user.id,
      title: 'Withdrawn',
      status: 'withdrawn',
    });
    await request(t.app)
      .put('/api/challenges/methods/voting')
      .set(bearer(organizer.token))
      .send({ categories: CATEGORIES, rubric: RUBRIC })
      .expect(200);
    for (const judge of judges) {
      await request(t.app)
        .post('/api/challenges/methods/judges')
        .set(bearer(organizer.token))
        .send({ person: judge.displayName })
        .expect(201);
    }
    await setSchedule(-1, 1);

    // Plurality, 9 voters: A 3, B 3, C 2, D 1.
    await castAll(
      'plurality',
      (['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'D'] as const).map((title) => ({
        choice: id[title],
      })),
    );
    // Approval, cap 2: A 4 (V1 V2 V6 V9), B 5 (V1 V3 V4 V6 V8), C 3 (V2 V4 V7), D 2 (V5 V8).
    const approvals: Title[][] = [
      ['A', 'B'],
      ['A', 'C'],
      ['B'],
      ['B', 'C'],
      ['D'],
      ['A', 'B'],
      ['C'],
      ['B', 'D'],
      ['A'],
    ];
    await castAll(
      'approval',
      approvals.map((titles) => ({ approved: titles.map((title) => id[title]) })),
    );
    // Instant-runoff, 9 ballots. Round 1: A 3, B 2, C 3, D 1; D out, V9's ballot is exhausted.
    // Round 2: A 3, B 2, C 3 (8 continuing); B out: V4 goes to C, V5 is exhausted.
    // Round 3: A 3, C 4 of 7 continuing: C wins. Ranking C, A, B, D.
    await castAll('irv', [
      ranking('A'),
      ranking('A'),
      ranking('A'),
      ranking('B', 'C'),
      ranking('B'),
      ranking('C', 'B'),
      ranking('C', 'B'),
      ranking('C'),
      ranking('D'),
    ]);
    // Borda over 4 entries: 3, 2, 1, 0 points by position.
    // A 3+2+1+2 = 8, B 2+3+2+3 = 10, C 1+3 = 4, D 0+3 = 3.
    await castAll('borda', [
      ranking('A', 'B', 'C'),
      ranking('B', 'A'),
      ranking('C', 'B', 'A', 'D'),
      ranking('B'),
      ranking('D', 'A'),
    ]);
    // Schulze: a Condorcet cycle. 4x A>B>C, 3x B>C>A, 2x C>A>B (D unranked, below all).
    // A beats B 6-3, B beats C 7-2, C beats A 5-4. Strongest paths: A->C via B is 6 > C->A 5,
    // so A beats everyone; B beats C (7 > 5) and D. Ranking A, B, C, D.
    await castAll('schulze', [
      ...Array.from({ length: 4 }, () => ranking('A', 'B', 'C')),
      ...Array.from({ length: 3 }, () => ranking('B', 'C', 'A')),
      ...Array.from({ length: 2 }, () => ranking('C', 'A', 'B')),
    ]);
    // Score 1..5, at least 3 scores to place: A 5,4,3 (mean 4); B 3,3,4,2 (3); C 4,2,5 (11/3);
    // D a single 5: listed unplaced.
    const s = (scores: Partial<Record<Title, number>>) => ({
      scores: Object.fromEntries(
        Object.entries(scores).map(([title, v]) => [id[title as Title], v]),
      ),
    });
    await castAll('score', [
      s({ A: 5, B: 3, C: 4 }),
      s({ A: 4, B: 3, D: 5 }),
      s({ A: 3, B: 4 }),
      s({ C: 2 }),
      s({ C: 5, B: 2 }),
    ]);
    // The blend's public side, plurality: C 3, A 1, B 1, D 0 -> C 1st, A and B 2nd, D 4th.
    await castAll(
      'blend',
      (['C', 'C', 'C', 'A', 'B'] as const).map((title) => ({ choice: id[title] })),
    );

    // Judges score once submissions have closed (they have). D is never judged.
    const sheets: [number, Title, { craft: number; voice: number }][] = [
      [0, 'A', { craft: 5, voice: 10 }],
      [0, 'B', { craft: 3, voice: 4 }],
      [0, 'C', { craft: 4, voice: 1 }],
      [1, 'A', { craft: 3, voice: 8 }],
      [1, 'B', { craft: 5, voice: 10 }],
      [1, 'C', { craft: 4, voice: 10 }],
    ];
    for (const [judge, title, scores] of sheets) {
      await request(t.app)
        .put(`/api/challenges/methods/judging/${id[title]}`)
        .set(bearer(judges[judge]!.token))
        .send({ scores, comment: judge === 0 && title === 'A' ? 'A fine refrain.' : null })
        .expect(200);
    }
  }, 60_000);

  it('publishes once voting has closed, with every category and the authors revealed', async () => {
    await setSchedule(-1, -0.01);
    const res = await request(t.app)
      .post('/api/challenges/methods/results/publish')
      .set(bearer(organizer.token));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    published = res.body as Results;
    expect(published.categories.map((c) => c.id)).toEqual(CATEGORIES.map((c) => c.id));
    // Nine different voters cast ballots (judges are not voters).
    expect(published.voters).toBe(9);
    for (const c of published.categories) {
      expect(c.placings.map((p) => p.title).sort(), c.id).toEqual(['A', 'B', 'C', 'D']);
      for (const p of c.placings) {
        const writer = writers[(['A', 'B', 'C', 'D'] as const).indexOf(p.title as Title)]!;
        expect(p.author).toBe(writer.displayName);
      }
    }
    const again = await request(t.app).get('/api/challenges/methods/results');
    expect(again.body).toEqual(published);
  });

  it('plurality: one vote per ballot, ties sharing a place', () => {
    expect(placings('plurality')).toEqual([
      ['A', 1, 3],
      ['B', 1, 3],
      ['C', 3, 2],
      ['D', 4, 1],
    ]);
    expect(category('plurality').tally).toMatchObject({ method: 'plurality', ballots: 9 });
  });

  it('approval: every approved entry gets one approval', () => {
    expect(placings('approval')).toEqual([
      ['B', 1, 5],
      ['A', 2, 4],
      ['C', 3, 3],
      ['D', 4, 2],
    ]);
  });

  it('instant-runoff: three rounds, eliminations and exhausted ballots in the tally', () => {
    expect(placings('irv')).toEqual([
      ['C', 1, 4],
      ['A', 2, 3],
      ['B', 3, 2],
      ['D', 4, 1],
    ]);
    const tally = category('irv').tally;
    if (tally.method !== 'instant_runoff') throw new Error(`got ${tally.method}`);
    expect(tally.ballots).toBe(9);
    const counts = (round: (typeof tally.rounds)[number]) =>
      Object.fromEntries(round.counts.map((c) => [c.candidate, c.votes]));
    expect(
      tally.rounds.map((round) => ({
        counts: counts(round),
        continuing: round.continuingVotes,
        exhausted: round.exhausted,
        exhaustedTotal: round.exhaustedTotal,
        eliminated: round.eliminated,
        elected: round.elected,
      })),
    ).toEqual([
      {
        counts: { [id.A]: 3, [id.B]: 2, [id.C]: 3, [id.D]: 1 },
        continuing: 9,
        exhausted: 0,
        exhaustedTotal: 0,
        eliminated: [id.D],
        elected: null,
      },
      {
        counts: { [id.A]: 3, [id.B]: 2, [id.C]: 3 },
        continuing: 8,
        exhausted: 1,
        exhaustedTotal: 1,
        eliminated: [id.B],
        elected: null,
      },
      {
        counts: { [id.A]: 3, [id.C]: 4 },
        continuing: 7,
        exhausted: 1,
        exhaustedTotal: 2,
        eliminated: [],
        elected: id.C,
      },
    ]);
    // D's one ballot ranks nothing else; B's two split: one to C, one exhausted.
    expect(tally.rounds[0]!.transfers).toEqual([{ candidate: null, votes: 1 }]);
    expect(tally.rounds[1]!.transfers).toEqual([
      { candidate: id.C, votes: 1 },
      { candidate: null, votes: 1 },
    ]);
  });

  it('borda: n - k points for the k-th choice', () => {
    expect(placings('borda')).toEqual([
      ['B', 1, 10],
      ['A', 2, 8],
      ['C', 3, 4],
      ['D', 4, 3],
    ]);
  });

  it('schulze: a Condorcet cycle settled by strongest paths', () => {
    expect(placings('schulze')).toEqual([
      ['A', 1, 3],
      ['B', 2, 2],
      ['C', 3, 1],
      ['D', 4, 0],
    ]);
    const tally = category('schulze').tally;
    if (tally.method !== 'schulze') throw new Error(`got ${tally.method}`);
    const at = (from: Title, to: Title) => [
      tally.candidates.indexOf(id[from]),
      tally.candidates.indexOf(id[to]),
    ];
    const pairwise = (from: Title, to: Title) => {
      const [i, j] = at(from, to);
      return tally.pairwise[i!]![j!];
    };
    const path = (from: Title, to: Title) => {
      const [i, j] = at(from, to);
      return tally.strongestPaths[i!]![j!];
    };
    expect([pairwise('A', 'B'), pairwise('B', 'A')]).toEqual([6, 3]);
    expect([pairwise('B', 'C'), pairwise('C', 'B')]).toEqual([7, 2]);
    expect([pairwise('C', 'A'), pairwise('A', 'C')]).toEqual([5, 4]);
    expect(pairwise('C', 'D')).toBe(9);
    expect([path('A', 'C'), path('C', 'A')]).toEqual([6, 5]);
  });

  it('score: mean score, an entry with too few scores listed without a place', () => {
    expect(placings('score')).toEqual([
      ['A', 1, 4],
      ['C', 2, round3(11 / 3)],
      ['B', 3, 3],
      ['D', null, 5],
    ]);
    const tally = category('score').tally;
    if (tally.method !== 'score') throw new Error(`got ${tally.method}`);
    expect(tally.entries.find((e) => e.candidate === id.A)).toMatchObject({
      count: 3,
      distribution: [0, 0, 1, 1, 1],
    });
  });

  /** The judges' score of an entry from its criterion means, as the rubric weighs them. */
  const rubricScore = (craft: number, voice: number) =>
    round3((100 * ((2 * (craft - 1)) / 4 + (voice - 1) / 9)) / 3);

  it('judges: two judges’ rubric scores, weighted, an unjudged entry unplaced', () => {
    // Means: A craft 4, voice 9; B craft 4, voice 7; C craft 4, voice 5.5.
    expect(placings('jury')).toEqual([
      ['A', 1, rubricScore(4, 9)],
      ['B', 2, rubricScore(4, 7)],
      ['C', 3, rubricScore(4, 5.5)],
      ['D', null, null],
    ]);
    expect(category('jury').tally).toMatchObject({ method: 'judges', scoresheets: 6 });
    expect(published.judgesComments).toEqual([{ entryId: id.A, comments: ['A fine refrain.'] }]);
  });

  it('blend: half public vote, half judges, by place', () => {
    // Public (4 placed): C 100, A and B share positions 2-3 -> 62.5 each, D 25.
    // Judges (3 placed): A 100, B 200/3, C 100/3, D 0.
    expect(placings('blend')).toEqual([
      ['A', 1, round3((62.5 + 100) / 2)],
      ['C', 2, round3((100 + 100 / 3) / 2)],
      ['B', 3, round3((62.5 + 200 / 3) / 2)],
      ['D', 4, round3(25 / 2)],
    ]);
    expect(category('blend').judgesTally).toMatchObject({ method: 'judges' });
  });
});
