import { CustomFieldSchema } from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import {
  customFieldIntent,
  describeCustomField,
  fieldIdFromLabel,
  isNewFieldFilled,
  newFieldInput,
  optionLines,
} from './custom-fields';

function formData(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('custom fields on the challenge form', () => {
  it('makes an id the API accepts from any label', () => {
    expect(fieldIdFromLabel('Which verse inspired you?', [])).toBe('which-verse-inspired-you');
    expect(fieldIdFromLabel('  Café crème — déjà vu ', [])).toBe('cafe-creme-deja-vu');
    expect(fieldIdFromLabel('歌詞', [])).toBe('field');
    const long = fieldIdFromLabel('a'.repeat(39) + ' b c', []);
    expect(long).toBe('a'.repeat(39));
    for (const label of ['x', '--', 'Ünïcödé', 'a '.repeat(50), '123 go']) {
      const id = fieldIdFromLabel(label, []);
      expect(CustomFieldSchema.shape.id.safeParse(id).success, id).toBe(true);
    }
  });

  it('numbers an id that is taken', () => {
    expect(fieldIdFromLabel('Song', ['song'])).toBe('song-2');
    expect(fieldIdFromLabel('Song', ['song', 'song-2'])).toBe('song-3');
    const taken = ['a'.repeat(40)];
    const id = fieldIdFromLabel('a'.repeat(45), taken);
    expect(id).toBe(`${'a'.repeat(38)}-2`);
    expect(id.length).toBeLessThanOrEqual(40);
  });

  it('keeps options only for a choice, one per non-blank line', () => {
    expect(optionLines(' First \r\n\nSecond\n  ')).toEqual(['First', 'Second']);
    const row = { label: 'Pick', kind: 'choice', required: true, options: 'A\nB\n' };
    expect(newFieldInput(row, [])).toEqual({
      id: 'pick',
      label: 'Pick',
      kind: 'choice',
      required: true,
      options: ['A', 'B'],
    });
    expect(newFieldInput({ ...row, kind: 'text' }, []).options).toEqual([]);
  });

  it('tells the buttons apart from a plain save', () => {
    expect(customFieldIntent(formData([['intent', 'addField']]))).toEqual({ kind: 'add' });
    expect(customFieldIntent(formData([['removeField', '2']]))).toEqual({
      kind: 'remove',
      index: 2,
    });
    expect(customFieldIntent(formData([['removeField', 'x']]))).toBeNull();
    expect(customFieldIntent(formData([['title', 'A']]))).toBeNull();
  });

  it('counts the new row as filled in only when something was typed', () => {
    expect(isNewFieldFilled({ label: ' ', kind: 'choice', required: true, options: '' })).toBe(
      false,
    );
    expect(isNewFieldFilled({ label: '', kind: 'text', required: false, options: 'A' })).toBe(true);
  });

  it('describes a field in a line', () => {
    const field = { id: 'v', label: 'Verse', kind: 'choice', required: true, options: ['1', '2'] };
    expect(describeCustomField(field)).toBe('One of a list: 1, 2 · required');
    expect(describeCustomField({ ...field, kind: 'checkbox', options: [] })).toBe(
      'A tick box · must be ticked',
    );
    expect(describeCustomField({ ...field, kind: 'text', required: false })).toBe(
      'Free text · optional',
    );
  });
});
