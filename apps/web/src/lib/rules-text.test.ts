import { ChallengeRulesSchema } from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import { describeRules } from './rules-text';

describe('describeRules', () => {
  it('says that nothing is limited when nothing is', () => {
    expect(describeRules(ChallengeRulesSchema.parse({}), null)).toEqual([
      'Entries can be any length.',
      'Any rating is allowed.',
      'Each writer may post as many entries as they like.',
    ]);
  });

  it('puts every rule in plain words', () => {
    const rules = ChallengeRulesSchema.parse({
      minWords: 1000,
      maxWords: 5000,
      allowedRatings: ['general', 'teen', 'mature'],
      requiredFields: ['summary', 'warnings'],
      entriesPerWriter: 2,
      entriesPerPrompt: 1,
      promptRequired: true,
      claimRequired: true,
      lyricLineRequired: true,
      customFields: [
        { id: 'song', label: 'Which verse?', kind: 'text', required: true },
        { id: 'era', label: 'Which era?', kind: 'choice', options: ['Old', 'New', 'Future'] },
        { id: 'new', label: 'This story is new', kind: 'checkbox', required: true },
        { id: 'beta', label: 'Beta-read', kind: 'checkbox' },
      ],
    });
    expect(describeRules(rules, 7)).toEqual([
      'Entries are between 1,000 and 5,000 words long.',
      'Allowed ratings: General audiences, Teen and up and Mature.',
      'Each writer may post up to 2 entries.',
      'Each prompt can be used by one entry only.',
      'Every entry must be written for one of the prompts.',
      'Claim a prompt before you post an entry for it. A claim lapses after 7 days if no entry follows.',
      'Your story must quote at least one line of its prompt, word for word.',
      'Every entry’s header must include: Summary and Content warnings.',
      'The entry form asks “Which verse?” (an answer is required).',
      'The entry form asks “Which era?”, with the choices Old, New or Future.',
      'Every entry must tick “This story is new”.',
      'The entry form has a tick box: “Beta-read”.',
    ]);
  });

  it('handles one-sided word limits', () => {
    expect(describeRules(ChallengeRulesSchema.parse({ minWords: 1 }), null)[0]).toBe(
      'Entries are at least 1 word long.',
    );
    expect(describeRules(ChallengeRulesSchema.parse({ maxWords: 100 }), null)[0]).toBe(
      'Entries are at most 100 words long.',
    );
  });
});
