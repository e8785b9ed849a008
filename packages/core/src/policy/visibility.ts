import type { ChallengePhase } from '@ficathon/schema';

export type EntryStatusName = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';

/**
 * Which entries readers see: in a moderated challenge only approved ones, otherwise everything
 * submitted. Drafts, rejected and withdrawn entries are private to their writer.
 */
export function publicEntryStatuses(moderated: boolean): EntryStatusName[] {
  return moderated ? ['approved'] : ['submitted', 'approved'];
}

/** A challenge in draft is the organizer's work in progress; everyone else sees it once announced. */
export function isChallengeListed(phase: ChallengePhase): boolean {
  return phase !== 'draft';
}

/**
 * Whether a viewer may see who wrote an entry: always in an open-author challenge; in an anonymous
 * one only the author (and, later, organizers) before the results reveal authors.
 */
export function canSeeAuthor(options: {
  anonymous: boolean;
  phase: ChallengePhase;
  viewerIsAuthor: boolean;
}): boolean {
  if (!options.anonymous || options.viewerIsAuthor) return true;
  return options.phase === 'results' || options.phase === 'archived';
}

/**
 * Whether a viewer may open an entry at all: its writer always; organizers once it is submitted
 * (drafts are private); everyone else only when it is public in a listed challenge.
 */
export function canViewEntry(options: {
  status: EntryStatusName;
  moderated: boolean;
  challengeListed: boolean;
  viewerIsAuthor: boolean;
  viewerIsOrganizer: boolean;
}): boolean {
  if (options.viewerIsAuthor) return true;
  if (options.status === 'draft') return false;
  if (options.viewerIsOrganizer) return true;
  return options.challengeListed && publicEntryStatuses(options.moderated).includes(options.status);
}
