import { CastBallotRequestSchema } from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import { ballotErrors, ballotFromForm, ballotValues } from './ballot-form';

const IDS = [11, 12, 13];
const TITLES = new Map([
  [11, 'Amber'],
  [12, 'Brass'],
  [13, 'Cobalt'],
]);

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}

describe('ballotFromForm', () => {
  it('orders a ranked ballot by rank, skipping unranked entries and gaps', () => {
    const read = ballotFromForm(
      'ranked',
      form({ 'entry-11': '3', 'entry-12': '', 'entry-13': '1' }),
      IDS,
      TITLES,
    );
    expect(read).toMatchObject({ ok: true, ballot: { ranking: [13, 11] } });
    if (read.ok) expect(CastBallotRequestSchema.parse(read.ballot)).toEqual(read.ballot);
  });

  it('puts a duplicate rank beside both entries, naming the other', () => {
    const read = ballotFromForm(
      'ranked',
      form({ 'entry-11': '1', 'entry-12': '1', 'entry-13': '2' }),
      IDS,
      TITLES,
    );
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.errors).toEqual({
        'entry-11': 'Rank 1 is also given to “Brass”.',
        'entry-12': 'Rank 1 is also given to “Amber”.',
      });
      expect(read.values['entry-13']).toBe('2');
    }
  });

  it('asks for at least one rank or score', () => {
    expect(ballotFromForm('ranked', form({}), IDS, TITLES)).toMatchObject({
      ok: false,
      errors: { form: 'Rank at least one entry.' },
    });
    expect(ballotFromForm('score', form({ 'entry-11': '' }), IDS, TITLES)).toMatchObject({
      ok: false,
      errors: { form: 'Score at least one entry.' },
    });
  });

  it('reads plurality, approval and score ballots', () => {
    expect(ballotFromForm('plurality', form({ choice: '12' }), IDS, TITLES)).toMatchObject({
      ok: true,
      ballot: { choice: 12 },
    });
    expect(ballotFromForm('plurality', form({}), IDS, TITLES)).toMatchObject({
      ok: false,
      errors: { choice: 'Choose an entry.' },
    });
    expect(ballotFromForm('approval', form({ approved: ['11', '13'] }), IDS, TITLES)).toMatchObject(
      { ok: true, ballot: { approved: [11, 13] } },
    );
    expect(
      ballotFromForm('score', form({ 'entry-11': '4', 'entry-13': '2' }), IDS, TITLES),
    ).toMatchObject({ ok: true, ballot: { scores: { '11': 4, '13': 2 } } });
  });
});

describe('ballotErrors', () => {
  it('maps ranking.N to the Nth entry sent and scores.<id> to that entry', () => {
    expect(
      ballotErrors(
        { detail: 'Invalid', errors: [{ path: 'ranking.1', message: 'Not in this challenge.' }] },
        { ranking: [13, 11] },
      ),
    ).toEqual({ 'entry-11': 'Not in this challenge.' });
    expect(
      ballotErrors(
        { detail: 'Invalid', errors: [{ path: 'scores.12', message: 'Off the scale.' }] },
        { scores: { '12': 9 } },
      ),
    ).toEqual({ 'entry-12': 'Off the scale.' });
  });

  it('falls back to the detail when no field is named', () => {
    expect(ballotErrors({ detail: 'Voting is closed.', errors: [] }, { choice: 1 })).toEqual({
      form: 'Voting is closed.',
    });
  });
});

describe('ballotValues', () => {
  it('prefills a saved ranking as rank numbers', () => {
    expect(ballotValues({ ranking: [13, 11] })).toEqual({ 'entry-13': '1', 'entry-11': '2' });
    expect(ballotValues(undefined)).toEqual({});
  });
});
