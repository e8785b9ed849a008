import { ChallengeRulesSchema, type ChallengeRulesInput } from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import {
  containsALyricLine,
  evaluateEntryRules,
  type EntryCandidate,
  type RuleContext,
} from './evaluate-entry-rules';

const rules = (input: ChallengeRulesInput = {}) => ChallengeRulesSchema.parse(input);
const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

const entry = (overrides: Partial<EntryCandidate> = {}): EntryCandidate => ({
  body: words(100),
  rating: 'general',
  fields: {},
  promptId: 1,
  customValues: {},
  ...overrides,
});

const context = (overrides: Partial<RuleContext> = {}): RuleContext => ({
  prompt: {
    kind: 'lyrics',
    body: 'The water is wide, I cannot get o’er,\nAnd neither have I wings to fly.',
  },
  writerHasClaim: true,
  otherEntriesByWriter: 0,
  otherEntriesOnPrompt: 0,
  ...overrides,
});

const ruleIds = (
  r: ChallengeRulesInput,
  e: Partial<EntryCandidate>,
  c: Partial<RuleContext> = {},
) => evaluateEntryRules(rules(r), entry(e), context(c)).map((v) => v.rule);

describe('evaluateEntryRules', () => {
  it('finds nothing wrong when there are no rules', () => {
    expect(ruleIds({}, { rating: null, promptId: null, body: '' })).toEqual([]);
  });

  it('checks the minimum and maximum word counts of the body', () => {
    expect(ruleIds({ minWords: 100 }, { body: words(100) })).toEqual([]);
    expect(ruleIds({ minWords: 100 }, { body: words(99) })).toEqual(['min_words']);
    expect(ruleIds({ maxWords: 100 }, { body: words(100) })).toEqual([]);
    expect(ruleIds({ maxWords: 100 }, { body: words(101) })).toEqual(['max_words']);
    const [violation] = evaluateEntryRules(
      rules({ minWords: 500 }),
      entry({ body: words(312) }),
      context(),
    );
    expect(violation).toEqual({
      rule: 'min_words',
      field: 'body',
      message: 'Your story has 312 words; this challenge asks for at least 500 words.',
    });
  });

  it('checks the rating against the allowed ratings, a missing rating counting as not rated', () => {
    const allowed = { allowedRatings: ['general', 'teen'] } satisfies ChallengeRulesInput;
    expect(ruleIds(allowed, { rating: 'teen' })).toEqual([]);
    expect(ruleIds(allowed, { rating: 'explicit' })).toEqual(['allowed_rating']);
    expect(ruleIds(allowed, { rating: null })).toEqual(['allowed_rating']);
    expect(ruleIds({ allowedRatings: ['not_rated'] }, { rating: null })).toEqual([]);
  });

  it('checks required header fields, blank values counting as missing', () => {
    const required = {
      requiredFields: ['summary', 'warnings', 'rating'],
    } satisfies ChallengeRulesInput;
    expect(
      ruleIds(required, { fields: { summary: 'A story.', warnings: ['none'] }, rating: 'teen' }),
    ).toEqual([]);
    const found = evaluateEntryRules(
      rules(required),
      entry({ fields: { summary: '   ', warnings: [] }, rating: null }),
      context(),
    );
    expect(found.map((v) => [v.rule, v.field])).toEqual([
      ['required_field', 'summary'],
      ['required_field', 'warnings'],
      ['required_field', 'rating'],
    ]);
  });

  it('takes "no warnings apply" as an answer to required warnings', () => {
    const required = { requiredFields: ['warnings'] } satisfies ChallengeRulesInput;
    expect(ruleIds(required, { fields: { warningsNone: true } })).toEqual([]);
    expect(ruleIds(required, { fields: { warningsNone: false } })).toEqual(['required_field']);
  });

  it('limits entries per writer', () => {
    expect(ruleIds({ entriesPerWriter: 1 }, {}, { otherEntriesByWriter: 0 })).toEqual([]);
    expect(ruleIds({ entriesPerWriter: 1 }, {}, { otherEntriesByWriter: 1 })).toEqual([
      'entries_per_writer',
    ]);
  });

  it('limits entries per prompt', () => {
    expect(ruleIds({ entriesPerPrompt: 1 }, {}, { otherEntriesOnPrompt: 0 })).toEqual([]);
    expect(ruleIds({ entriesPerPrompt: 1 }, {}, { otherEntriesOnPrompt: 1 })).toEqual([
      'entries_per_prompt',
    ]);
    expect(
      ruleIds({ entriesPerPrompt: 1 }, { promptId: null }, { otherEntriesOnPrompt: 5 }),
    ).toEqual([]);
  });

  it('requires a prompt, and a claim on it', () => {
    expect(ruleIds({ promptRequired: true }, { promptId: 3 })).toEqual([]);
    expect(ruleIds({ promptRequired: true }, { promptId: null })).toEqual(['prompt_required']);
    const claim = { promptRequired: true, claimRequired: true };
    expect(ruleIds(claim, {}, { writerHasClaim: true })).toEqual([]);
    expect(ruleIds(claim, {}, { writerHasClaim: false })).toEqual(['claim_required']);
  });

  it('requires a line of the lyric prompt in the story when asked', () => {
    const lyric = { lyricLineRequired: true };
    expect(ruleIds(lyric, { body: 'She said: “And neither have I wings to fly!”' })).toEqual([]);
    expect(ruleIds(lyric, { body: 'A story about boats.' })).toEqual(['lyric_line']);
    // Only lyric prompts have lines to quote.
    expect(ruleIds(lyric, { body: 'x' }, { prompt: { kind: 'image', body: '' } })).toEqual([]);
  });

  it('checks custom fields: required text, choices and checkboxes', () => {
    const custom = {
      customFields: [
        { id: 'song', label: 'Song', kind: 'text', required: true },
        { id: 'verse', label: 'Verse', kind: 'choice', options: ['First', 'Second'] },
        { id: 'original', label: 'This work is my own', kind: 'checkbox', required: true },
      ],
    } satisfies ChallengeRulesInput;
    expect(
      ruleIds(custom, { customValues: { song: 'Greensleeves', verse: 'First', original: true } }),
    ).toEqual([]);
    expect(
      ruleIds(custom, { customValues: { song: ' ', verse: 'Third', original: false } }),
    ).toEqual(['custom_field_required', 'custom_field_invalid', 'custom_field_required']);
    // An optional choice left empty is fine.
    expect(ruleIds(custom, { customValues: { song: 'x', original: true } })).toEqual([]);
  });
});

describe('containsALyricLine', () => {
  const lyrics = 'Alas, my love, you do me wrong,\nTo cast me off discourteously,\nOh';
  it('ignores case, quote style, spacing and line-ending punctuation', () => {
    expect(containsALyricLine('ALAS,  my love, you do me wrong!', lyrics)).toBe(true);
    expect(containsALyricLine('“To cast me off   discourteously” was cruel', lyrics)).toBe(true);
  });
  it('does not accept one-word lines or paraphrases', () => {
    expect(containsALyricLine('Oh', lyrics)).toBe(false);
    expect(containsALyricLine('my love, you did me wrong', lyrics)).toBe(false);
  });
});

describe('ChallengeRulesSchema', () => {
  it('rejects a minimum above the maximum, naming minWords', () => {
    const result = ChallengeRulesSchema.safeParse({ minWords: 500, maxWords: 100 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['minWords']);
  });
  it('rejects negative limits, naming the field', () => {
    const result = ChallengeRulesSchema.safeParse({ entriesPerWriter: -1 });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['entriesPerWriter', 'Entries per writer cannot be negative.'],
    ]);
  });
  it('rejects a claim requirement without a prompt requirement', () => {
    const result = ChallengeRulesSchema.safeParse({ claimRequired: true });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['claimRequired']);
  });
});
