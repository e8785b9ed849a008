import type { ChallengePhase, ChallengeSummary } from '@ficathon/schema';

/** A community page's challenges: those under way, those over, and drafts (moderators only). */
export interface CommunityChallengeGroups {
  current: ChallengeSummary[];
  past: ChallengeSummary[];
  drafts: ChallengeSummary[];
}

const GROUP_OF: Record<ChallengePhase, keyof CommunityChallengeGroups> = {
  draft: 'drafts',
  announced: 'current',
  open: 'current',
  closed: 'current',
  voting: 'current',
  results: 'past',
  archived: 'past',
};

/** Sorts a community's challenges into groups, keeping the API's order (newest first) in each. */
export function groupCommunityChallenges(
  challenges: readonly ChallengeSummary[],
): CommunityChallengeGroups {
  const groups: CommunityChallengeGroups = { current: [], past: [], drafts: [] };
  for (const challenge of challenges) groups[GROUP_OF[challenge.phase]].push(challenge);
  return groups;
}

export const COMMUNITY_FIELDS = ['name', 'slug', 'description'] as const;
export type CommunityField = (typeof COMMUNITY_FIELDS)[number];
export type CommunityFormValues = Record<CommunityField, string>;

export function emptyCommunityValues(): CommunityFormValues {
  return { name: '', slug: '', description: '' };
}
