import { describe, expect, it } from 'vitest';
import { emptyChallengeValues, type ChallengeFormValues } from '$lib/challenge-form';
import { addNewField, customFieldStep, withNewField } from './challenge-actions';

function formData(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

function withRow(newField: Partial<ChallengeFormValues['newField']>): ChallengeFormValues {
  const values = emptyChallengeValues();
  return { ...values, title: 'Kept', newField: { ...values.newField, ...newField } };
}

describe('the custom-field buttons of the challenge form', () => {
  it('adds the typed field and empties the row, keeping the rest of the form', () => {
    const result = customFieldStep(
      formData([['intent', 'addField']]),
      withRow({ label: 'Which verse?', kind: 'choice', options: 'First\nSecond' }),
    );
    expect(result).toMatchObject({
      notice: 'Added the field “Which verse?”.',
      values: {
        title: 'Kept',
        customFields: [
          {
            id: 'which-verse',
            label: 'Which verse?',
            kind: 'choice',
            required: false,
            options: ['First', 'Second'],
          },
        ],
        newField: { label: '', options: '' },
      },
    });
  });

  it('says what is wrong with the row beside its inputs', () => {
    expect(addNewField(withRow({ label: 'Pick one', kind: 'choice', options: 'Only' }))).toEqual({
      errors: { newFieldOptions: 'A choice field needs at least two options.' },
    });
    expect(addNewField(withRow({ label: '  ', options: 'A' }))).toEqual({
      errors: { newFieldLabel: 'Give the field a label.' },
    });
    const full = withRow({ label: 'One more' });
    full.customFields = Array.from({ length: 20 }, (_, i) => ({
      id: `f${i}`,
      label: `F${i}`,
      kind: 'text',
      required: false,
      options: [],
    }));
    expect(addNewField(full)).toEqual({ errors: { newFieldLabel: expect.stringMatching(/20/) } });
  });

  it('removes the field whose button was pressed', () => {
    const values = withRow({});
    values.customFields = ['a', 'b', 'c'].map((id) => ({
      id,
      label: id.toUpperCase(),
      kind: 'text',
      required: false,
      options: [],
    }));
    const result = customFieldStep(formData([['removeField', '1']]), values);
    expect(result).toMatchObject({ notice: 'Removed the field “B”.' });
    expect(result && 'values' in result ? result.values.customFields.map((f) => f.id) : []).toEqual(
      ['a', 'c'],
    );
  });

  it('leaves a plain save alone, and saves a filled-in row with it', () => {
    expect(customFieldStep(formData([['title', 'x']]), withRow({}))).toBeNull();
    expect(withNewField(withRow({}))).toEqual({ values: withRow({}) });
    const saved = withNewField(withRow({ label: 'Is it new?', kind: 'checkbox', required: true }));
    expect(saved).toMatchObject({
      values: { customFields: [{ id: 'is-it-new', kind: 'checkbox', required: true }] },
    });
  });
});
