import { VotingConfigSchema } from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import { keyFromName, readVotingForm, votingConfigInput, votingFieldForPath } from './voting-form';

describe('voting setup form', () => {
  it('reads rows and a named new category into a config the schema accepts', () => {
    const data = new FormData();
    data.set('category.0.id', 'best-overall');
    data.set('category.0.name', 'Best overall');
    data.set('category.0.description', '');
    data.set('category.0.method', 'ranked');
    data.set('category.0.rankedCount', 'schulze');
    data.set('category.0.approvalCap', '');
    data.set('category.0.scoreScale', '5');
    data.set('category.0.minimumScores', '3');
    data.set('category.0.source', 'public');
    data.set('category.0.judgeWeight', '50');
    data.set('category.new.name', 'Best use of the lyrics');
    data.set('category.new.method', 'score');
    data.set('voters', 'entrants');
    data.set('minAccountAgeDays', '7');
    data.set('minEntriesRead', '');
    data.set('organizersSeeTotals', 'on');
    const values = readVotingForm(data);
    expect(values.categories.map((c) => c.id)).toEqual(['best-overall', 'best-use-of-the-lyrics']);
    const config = VotingConfigSchema.parse(votingConfigInput(values));
    expect(config.categories[0]).toMatchObject({ rankedCount: 'schulze', judgeWeight: 0.5 });
    expect(config.categories[1]).toMatchObject({ method: 'score', scoreScale: 5 });
    expect(config.eligibility).toEqual({
      voters: 'entrants',
      minAccountAgeDays: 7,
      minEntriesRead: null,
    });
    expect(config.organizersSeeTotals).toBe(true);
  });

  it('makes keys unique and maps API paths to form fields', () => {
    expect(keyFromName('Best overall!', ['best-overall'])).toBe('best-overall-2');
    expect(votingFieldForPath(['categories', '1', 'approvalCap'])).toBe('category.1.approvalCap');
    expect(votingFieldForPath(['eligibility', 'minEntriesRead'])).toBe('minEntriesRead');
    expect(votingFieldForPath(['rubric'])).toBe('rubric');
  });
});
