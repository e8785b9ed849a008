import type { ChallengePhase, ChallengeSummary } from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import { groupCommunityChallenges } from './communities';

const challenge = (slug: string, phase: ChallengePhase) =>
  ({ slug, phase }) as unknown as ChallengeSummary;

describe('a community’s challenges', () => {
  it('are grouped as current, past and drafts, in the order given', () => {
    const groups = groupCommunityChallenges([
      challenge('d', 'draft'),
      challenge('v', 'voting'),
      challenge('r', 'results'),
      challenge('o', 'open'),
      challenge('a', 'archived'),
      challenge('n', 'announced'),
      challenge('c', 'closed'),
    ]);
    const slugs = (list: ChallengeSummary[]) => list.map((c) => c.slug);
    expect(slugs(groups.current)).toEqual(['v', 'o', 'n', 'c']);
    expect(slugs(groups.past)).toEqual(['r', 'a']);
    expect(slugs(groups.drafts)).toEqual(['d']);
  });
});
