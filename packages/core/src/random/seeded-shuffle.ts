/**
 * The one seeded draw, reproducible from a published seed: the prompt draw and the tally's
 * tie-breaks both use it, so one description covers both. Anyone with the seed and the ids can
 * rerun it by hand or in another language.
 *
 * Algorithm: hash the text with cyrb53 to a 53-bit number, feed it to mulberry32 as the random
 * source, sort the ids ascending, and shuffle them with Fisher-Yates (for i from the last index down
 * to 1: j = floor(random() * (i + 1)), swap items i and j).
 */
export function seededShuffle(text: string, ids: readonly number[]): number[] {
  const random = mulberry32(cyrb53(text));
  const order = [...new Set(ids)].sort((a, b) => a - b);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
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
