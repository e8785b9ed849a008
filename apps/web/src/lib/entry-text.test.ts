import { describe, expect, it } from 'vitest';
import { entryStatusSentence, entryStatusWords, needsAdultGate, warningsText } from './entry-text';

describe('entry text', () => {
  it('puts mature, explicit and unrated work behind the adult-content notice', () => {
    expect(needsAdultGate('general')).toBe(false);
    expect(needsAdultGate('teen')).toBe(false);
    expect(needsAdultGate('mature')).toBe(true);
    expect(needsAdultGate('explicit')).toBe(true);
    expect(needsAdultGate('not_rated')).toBe(true);
  });

  it('says the warnings, that none apply, or that none were given', () => {
    expect(warningsText({ warnings: ['Violence', 'Death'] })).toBe('Violence, Death');
    expect(warningsText({ warningsNone: true })).toBe('No warnings apply');
    expect(warningsText({})).toBe('None given by the writer');
  });

  it('names statuses, and tells a writer in a moderated challenge who sees a submission', () => {
    expect(entryStatusWords('withdrawn')).toBe('Withdrawn');
    expect(entryStatusWords('changes_requested')).toBe('Changes requested');
    expect(entryStatusSentence('submitted')).toMatch(/^Readers can see it/);
    expect(entryStatusSentence('submitted', true)).toMatch(/review it before readers see it/);
  });
});
