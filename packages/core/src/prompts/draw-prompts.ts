import { seededShuffle } from '../random/seeded-shuffle';

/**
 * The prompt draw: gives each signed-up writer a distinct prompt, reproducibly from a published
 * seed. Anyone with the seed, the writers' ids and the prompts' ids can rerun it and check.
 *
 * Algorithm (documented so it can be reimplemented): sort the writers by id, shuffle the prompts
 * with seededShuffle (cyrb53 + mulberry32 + Fisher-Yates, see random/seeded-shuffle.ts); writer i
 * gets shuffled prompt i. Writers beyond the number of prompts get none.
 */
export interface DrawResult {
  assignments: { writerId: number; promptId: number }[];
  unassigned: number[];
}

export function drawPrompts(
  seed: string,
  writerIds: readonly number[],
  promptIds: readonly number[],
): DrawResult {
  const writers = [...new Set(writerIds)].sort((a, b) => a - b);
  const prompts = seededShuffle(seed, promptIds);
  const assignments = writers
    .slice(0, prompts.length)
    .map((writerId, index) => ({ writerId, promptId: prompts[index]! }));
  return { assignments, unassigned: writers.slice(prompts.length) };
}
