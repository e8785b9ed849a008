// Tally throughput (issue 6): instant-runoff on 1,000,000 ranked ballots over 50 entries, against
// merely reading the same ballots: from memory, and from a real SQLite database the way the
// results service reads them (one query for the category, each ballot's JSON parsed).
// Run: npm run bench:tally. Figures are printed, and written to bench/results/tally.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RankedBallot, tallyBorda, tallyInstantRunoff, tallySchulze } from '@ficathon/core';
import { createDb, migrateToLatest, Store } from '@ficathon/db';
import { sql } from 'kysely';

const BALLOTS = 1_000_000;
const ENTRIES = 50;
const MAX_RANKED = 10;
const BUDGET_MS = 2_000;

/** A small seeded generator (mulberry32), so every run counts the same ballots. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ballots like a popular vote's: entries 1001..1050 with Zipf-like popularity (weight 1 / rank),
 * each ballot ranking 1 to 10 of them (uniformly many), each next preference drawn by popularity
 * among the entries not ranked yet. Many short ballots exhaust, and the long tail of entries is
 * eliminated round after round, so the count runs close to its worst case of 49 rounds.
 */
function generateBallots(seed: number): { candidates: number[]; ballots: RankedBallot[] } {
  const next = random(seed);
  const candidates = Array.from({ length: ENTRIES }, (_, i) => 1001 + i);
  const weights = candidates.map((_, i) => 1 / (i + 1));
  const cumulative: number[] = [];
  weights.reduce((sum, weight) => {
    cumulative.push(sum + weight);
    return sum + weight;
  }, 0);
  const total = cumulative.at(-1)!;
  const pick = () => {
    const target = next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const ballots: RankedBallot[] = [];
  for (let b = 0; b < BALLOTS; b += 1) {
    const length = 1 + Math.floor(next() * MAX_RANKED);
    const ranking: number[] = [];
    while (ranking.length < length) {
      const id = candidates[pick()]!;
      if (!ranking.includes(id)) ranking.push(id);
    }
    ballots.push({ ranking });
  }
  return { candidates, ballots };
}

function timeMs<T>(work: () => T, repeat: number): { ms: number; result: T } {
  let best = Number.POSITIVE_INFINITY;
  let result!: T;
  for (let i = 0; i < repeat; i += 1) {
    const start = performance.now();
    result = work();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, result };
}

/** The baseline: touch every preference of every ballot once. */
function readBallots(ballots: readonly RankedBallot[]): number {
  let sum = 0;
  for (const { ranking } of ballots) for (const id of ranking) sum += id;
  return sum;
}

const generated = timeMs(() => generateBallots(2026), 1);
const { candidates, ballots } = generated.result;
const preferences = ballots.reduce((sum, ballot) => sum + ballot.ranking.length, 0);
console.log(
  `Generated ${ballots.length.toLocaleString('en')} ballots over ${ENTRIES} entries ` +
    `(${preferences.toLocaleString('en')} preferences) in ${generated.ms.toFixed(0)} ms`,
);

timeMs(() => readBallots(ballots), 2); // warm up
const read = timeMs(() => readBallots(ballots), 5);
const firstRunoff = timeMs(() => tallyInstantRunoff(candidates, ballots, { seed: 'bench' }), 1);
const runoff = timeMs(() => tallyInstantRunoff(candidates, ballots, { seed: 'bench' }), 3);
const result = runoff.result;
const ratio = runoff.ms / read.ms;
const over = runoff.ms > BUDGET_MS;

console.log(`\nReading the ballots (best of 5):   ${read.ms.toFixed(1)} ms`);
console.log(
  `Instant-runoff (best of 3):         ${runoff.ms.toFixed(0)} ms ` +
    `(first run ${firstRunoff.ms.toFixed(0)} ms) ${over ? '!! over' : 'within'} the ${BUDGET_MS} ms budget`,
);
console.log(`Ratio to reading:                   ${ratio.toFixed(1)}x`);
console.log(
  `  ${result.rounds.length} rounds, winner ${result.rounds.at(-1)!.elected} with ` +
    `${result.ranking[0]!.value!.toLocaleString('en')} of ` +
    `${result.rounds.at(-1)!.continuingVotes.toLocaleString('en')} continuing votes, ` +
    `${result.rounds.at(-1)!.exhaustedTotal.toLocaleString('en')} ballots exhausted`,
);

// The realistic baseline: the same ballots read back from SQLite as ResultsService reads them.
async function readFromDatabase(): Promise<{ writeMs: number; readMs: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ficathon-bench-tally-'));
  const handle = createDb({ dataDir: dir });
  try {
    await migrateToLatest(handle.db);
    // Voters and the challenge are not the subject here: skip the foreign keys for the load.
    await sql`pragma foreign_keys = off`.execute(handle.db);
    const start = performance.now();
    await handle.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      for (let from = 0; from < ballots.length; from += 500) {
        await trx
          .insertInto('ballot')
          .values(
            ballots.slice(from, from + 500).map((ballot, i) => ({
              challenge_id: 1,
              category_id: 'best',
              voter_id: from + i + 1,
              payload_json: JSON.stringify(ballot),
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
      }
    });
    const writeMs = performance.now() - start;
    const store = new Store(handle);
    const read = async () => {
      const rows = await store.repos.voting.listBallots(1, 'best');
      return rows.map((row) => JSON.parse(row.payload_json) as RankedBallot).length;
    };
    await read(); // warm the page cache
    let readMs = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i += 1) {
      const t0 = performance.now();
      await read();
      readMs = Math.min(readMs, performance.now() - t0);
    }
    return { writeMs, readMs };
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const database = await readFromDatabase();
console.log(`\nWriting the ballots to SQLite:      ${database.writeMs.toFixed(0)} ms (setup)`);
console.log(`Reading them from SQLite (best of 3): ${database.readMs.toFixed(0)} ms`);
console.log(`Instant-runoff / reading from SQLite: ${(runoff.ms / database.readMs).toFixed(2)}x`);

// For reference: the other ranked methods on the same ballots.
const borda = timeMs(() => tallyBorda(candidates, ballots), 1);
const schulze = timeMs(() => tallySchulze(candidates, ballots), 1);
console.log(`\nBorda:   ${borda.ms.toFixed(0)} ms`);
console.log(`Schulze: ${schulze.ms.toFixed(0)} ms`);

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/tally.json', import.meta.url),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      ballots: ballots.length,
      entries: ENTRIES,
      preferences,
      readMs: read.ms,
      databaseReadMs: database.readMs,
      ratioToDatabaseRead: runoff.ms / database.readMs,
      instantRunoffMs: runoff.ms,
      instantRunoffFirstRunMs: firstRunoff.ms,
      ratio,
      rounds: result.rounds.length,
      bordaMs: borda.ms,
      schulzeMs: schulze.ms,
    },
    null,
    2,
  )}\n`,
);
if (over) process.exitCode = 1;
