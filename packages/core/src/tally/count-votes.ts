import type { ApprovalResult, PluralityResult } from '@ficathon/schema';
import type { ApprovalBallot, PluralityBallot } from './ballots';
import { placeByValue, sortedCandidates } from './placements';

/**
 * Plurality: each ballot's choice gets one vote; ranked by votes, ties sharing a place. Every
 * candidate is listed, those without votes too (value 0).
 */
export function tallyPlurality(
  candidates: readonly number[],
  ballots: readonly PluralityBallot[],
): PluralityResult {
  const votes = new Map(sortedCandidates(candidates).map((id) => [id, 0]));
  let counted = 0;
  for (const { choice } of ballots) {
    const current = votes.get(choice);
    if (current === undefined) continue;
    votes.set(choice, current + 1);
    counted += 1;
  }
  return {
    method: 'plurality',
    ballots: ballots.length,
    counted,
    ranking: placeByValue([...votes].map(([candidate, value]) => ({ candidate, value }))),
  };
}

/** Approval: each entry a ballot approves gets one approval; ranked by approvals. */
export function tallyApproval(
  candidates: readonly number[],
  ballots: readonly ApprovalBallot[],
): ApprovalResult {
  const approvals = new Map(sortedCandidates(candidates).map((id) => [id, 0]));
  let counted = 0;
  for (const { approved } of ballots) {
    let any = false;
    for (const id of new Set(approved)) {
      const current = approvals.get(id);
      if (current === undefined) continue;
      approvals.set(id, current + 1);
      any = true;
    }
    if (any) counted += 1;
  }
  return {
    method: 'approval',
    ballots: ballots.length,
    counted,
    ranking: placeByValue([...approvals].map(([candidate, value]) => ({ candidate, value }))),
  };
}
