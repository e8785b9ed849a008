import type { TallyPlacement } from '@ficathon/schema';

/** The candidates once each, ascending: every tally works on this, whatever order they came in. */
export function sortedCandidates(candidates: readonly number[]): number[] {
  return [...new Set(candidates)].sort((a, b) => a - b);
}

/**
 * Places for groups given best first: every candidate of a group shares the group's place, and the
 * next group's place skips the tied ones (1, 2, 2, 4). Within a group candidates are listed by id.
 */
export function placeGroups(
  groups: readonly (readonly { candidate: number; value: number | null }[])[],
): TallyPlacement[] {
  const ranking: TallyPlacement[] = [];
  for (const group of groups) {
    const place = ranking.length + 1;
    for (const item of [...group].sort((a, b) => a.candidate - b.candidate)) {
      ranking.push({ candidate: item.candidate, place, value: item.value });
    }
  }
  return ranking;
}

/**
 * Ranks by value, highest first; equal values share a place. Values that come from exact integer
 * arithmetic (counts, points, a mean of whole scores: IEEE division rounds correctly, so equal
 * fractions give equal numbers) need no tolerance. Values mixed from weights (judges, blends) pass
 * a relative tolerance, so that a rounding error of the last bits does not break a real tie.
 */
export function placeByValue(
  items: readonly { candidate: number; value: number }[],
  tolerance = 0,
): TallyPlacement[] {
  const sorted = [...items].sort((a, b) => b.value - a.value || a.candidate - b.candidate);
  const groups: { candidate: number; value: number }[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    const lead = group?.[0];
    if (group && lead && sameValue(lead.value, item.value, tolerance)) group.push(item);
    else groups.push([item]);
  }
  return placeGroups(groups);
}

function sameValue(a: number, b: number, tolerance: number): boolean {
  return a === b || Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Unplaced candidates, listed after the placed ones. */
export function unplaced(
  items: readonly { candidate: number; value: number | null }[],
): TallyPlacement[] {
  return items.map(({ candidate, value }) => ({ candidate, place: null, value }));
}
