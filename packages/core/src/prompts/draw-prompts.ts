/**
 * The prompt draw: gives each signed-up writer a distinct prompt, reproducibly from a published
 * seed. Anyone with the seed, the writers' ids and the prompts' ids can rerun it and check.
 *
 * Algorithm (documented so it can be reimplemented): hash the seed with cyrb53 to a 53-bit
 * number, feed it to mulberry32 as the random source, sort writers and prompts by id, and shuffle
 * the prompts with Fisher-Yates; writer i gets shuffled prompt i. Writers beyond the number of
 * prompts get none.
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
  const random = mulberry32(cyrb53(seed));
  const writers = [...new Set(writerIds)].sort((a, b) => a - b);
  const prompts = [...new Set(promptIds)].sort((a, b) => a - b);
  for (let i = prompts.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [prompts[i], prompts[j]] = [prompts[j]!, prompts[i]!];
  }
  const assignments = writers
    .slice(0, prompts.length)
    .map((writerId, index) => ({ writerId, promptId: prompts[index]! }));
  return { assignments, unassigned: writers.slice(prompts.length) };
}

/** cyrb53 string hash (public domain, bryc): fast and well distributed; not for security. */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** mulberry32 (public domain): a small seeded generator of floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
