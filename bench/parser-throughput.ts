// Header parser throughput (issue 4): MB/s on 10 MB of generated entries, and how the time grows
// from 100 KB to 1 MB on hostile inputs (a linear parser: about 10x; a quadratic one: about 100x).
// Run: npm run bench:parser. Figures are printed, and written to bench/results/parser.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseEntryHeader } from '@ficathon/core';
import { HOSTILE_INPUTS } from '../packages/core/src/header/hostile-inputs';

const MB = 1_000_000;

/** A small seeded generator (mulberry32), so every run parses the same text. */
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

const WORDS =
  'the river wind lantern morning she he they said quiet ran across old song field light through door never again whispered under stars'.split(
    ' ',
  );
const RATINGS = ['G', 'PG', 'PG-13', 'R', 'NC-17', 'Teen And Up Audiences', 'Mature', 'FRT', 'M'];

/** One entry of about `size` characters: a labelled header, sometimes an epigraph, then prose. */
function entry(next: () => number, size: number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const header = [
    `Title: ${words(3)}`,
    `Author: ${pick(['Wren', 'Tamsin', 'Moth', 'Lark'])}`,
    `Rating: ${pick(RATINGS)}`,
    `Warnings: ${pick(['none', 'major character death', 'violence'])}`,
    `Pairing: ${pick(['A/B', 'C & D', 'E/F'])}`,
    `Summary: ${words(20)}`,
    `Disclaimer: ${words(8)}`,
    '',
  ];
  const epigraph = next() < 0.3 ? [words(6), words(5), `~ ${words(2)}`, ''] : [];
  const paragraphs: string[] = [];
  let length = header.join('\n').length;
  while (length < size) {
    const paragraph = `${words(40 + Math.floor(next() * 60))}.`;
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return [...header, ...epigraph, paragraphs.join('\n\n')].join('\n');
}

function timeMs(work: () => void, repeat = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i += 1) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const next = random(2026);
// 10 MB as 2,000 entries of 5 KB (the parser's everyday work), and as one 10 MB paste.
const entries = Array.from({ length: 2_000 }, () => entry(next, 5_000));
const manyMb = entries.reduce((sum, text) => sum + text.length, 0) / MB;
const single = entry(next, 10 * MB);
const singleMb = single.length / MB;

timeMs(() => entries.slice(0, 100).forEach(parseEntryHeader), 1); // warm up the JIT
const manyMs = timeMs(() => entries.forEach(parseEntryHeader));
const singleMs = timeMs(() => parseEntryHeader(single));

console.log('Header parser throughput (best of 3)');
console.log(
  `  ${entries.length} entries, ${manyMb.toFixed(1)} MB: ${manyMs.toFixed(0)} ms = ${(manyMb / (manyMs / 1000)).toFixed(1)} MB/s`,
);
console.log(
  `  one paste, ${singleMb.toFixed(1)} MB: ${singleMs.toFixed(0)} ms = ${(singleMb / (singleMs / 1000)).toFixed(1)} MB/s`,
);

console.log(
  '\nHostile inputs: time at 1 MB / time at 100 KB (linear is about 10; flagged above 30)',
);
const growth: { input: string; smallMs: number; largeMs: number; ratio: number }[] = [];
for (const [name, build] of Object.entries(HOSTILE_INPUTS)) {
  const small = build(100_000);
  const large = build(MB);
  timeMs(() => parseEntryHeader(small), 1);
  // Below about 2 ms, timer resolution and warm-up dominate the small run.
  const smallMs = Math.max(
    timeMs(() => parseEntryHeader(small)),
    2,
  );
  const largeMs = timeMs(() => parseEntryHeader(large));
  const ratio = largeMs / smallMs;
  growth.push({ input: name, smallMs, largeMs, ratio });
  console.log(
    `  ${ratio > 30 ? '!!' : '  '} ${ratio.toFixed(1).padStart(5)}x  ${largeMs.toFixed(0).padStart(5)} ms  ${name}`,
  );
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/parser.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, many: { mb: manyMb, ms: manyMs }, single: { mb: singleMb, ms: singleMs }, growth }, null, 2)}\n`,
);
