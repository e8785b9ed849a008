import { PromptInputSchema } from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import { isKindChangeOnly, promptInput, readPromptForm } from './prompt-form';

function formData(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

describe('the prompt form', () => {
  it('sends only the fields the kind of prompt uses', () => {
    const values = readPromptForm(
      formData({
        kind: 'text',
        title: ' Homecoming ',
        credit: 'left over from a lyric',
        body: 'Any notes',
        link: 'https://example.com',
        maxClaims: '2',
      }),
    );
    expect(PromptInputSchema.parse(promptInput(values))).toEqual({
      kind: 'text',
      title: 'Homecoming',
      credit: null,
      body: 'Any notes',
      link: null,
      imageAlt: null,
      maxClaims: 2,
    });
  });

  it('keeps a lyric’s line breaks and treats empty optional fields as absent', () => {
    const values = readPromptForm(
      formData({
        kind: 'lyrics',
        title: 'Barbara Allen',
        credit: ' ',
        body: 'In Scarlet Town, where I was born,\nThere was a fair maid dwellin’',
        link: '',
        maxClaims: '',
      }),
    );
    expect(PromptInputSchema.parse(promptInput(values))).toMatchObject({
      credit: null,
      link: null,
      maxClaims: null,
      body: 'In Scarlet Town, where I was born,\nThere was a fair maid dwellin’',
    });
  });

  it('falls back to lyrics for an unknown kind', () => {
    expect(readPromptForm(formData({ kind: 'video' })).kind).toBe('lyrics');
  });

  it('treats the kind button as a save when the kind did not change (Enter in a field)', () => {
    expect(isKindChangeOnly(formData({ intent: 'kind', kind: 'image', shownKind: 'lyrics' }))).toBe(
      true,
    );
    expect(
      isKindChangeOnly(formData({ intent: 'kind', kind: 'lyrics', shownKind: 'lyrics' })),
    ).toBe(false);
    expect(isKindChangeOnly(formData({ kind: 'image', shownKind: 'lyrics' }))).toBe(false);
  });
});
