import { describe, expect, it } from 'vitest';
import {
  DEFAULT_READER_SETTINGS,
  markSceneBreaks,
  neighbours,
  parseReaderSettings,
  readerClasses,
} from './reading';

describe('markSceneBreaks', () => {
  it('marks paragraphs that are only a separator', () => {
    const html = '<p>Night.</p>\n<p>* * *</p>\n<p>***</p>\n<p>~ oOo ~</p>\n<p>- - -</p>';
    expect(markSceneBreaks(html)).toBe(
      '<p>Night.</p>\n<p class="scene-break">* * *</p>\n<p class="scene-break">***</p>\n' +
        '<p class="scene-break">~ oOo ~</p>\n<p class="scene-break">- - -</p>',
    );
  });

  it('leaves words, short runs and other markup alone', () => {
    const html = '<p>* not a break *</p><p>**</p><p><em>***</em></p><p class="x">***</p>';
    expect(markSceneBreaks(html)).toBe(html);
  });
});

describe('neighbours', () => {
  const list = [
    { id: 3, title: 'Newest' },
    { id: 2, title: 'Middle' },
    { id: 1, title: 'Oldest' },
  ];

  it('finds the entries on either side', () => {
    expect(neighbours(list, 2)).toEqual({ previous: list[0], next: list[2] });
    expect(neighbours(list, 3)).toEqual({ previous: null, next: list[1] });
    expect(neighbours(list, 1)).toEqual({ previous: list[1], next: null });
  });

  it('has none for an entry the list does not hold', () => {
    expect(neighbours(list, 9)).toEqual({ previous: null, next: null });
  });
});

describe('parseReaderSettings', () => {
  it('reads stored settings', () => {
    expect(parseReaderSettings('{"fontSize":"larger","width":"narrow","theme":"dark"}')).toEqual({
      fontSize: 'larger',
      width: 'narrow',
      theme: 'dark',
    });
  });

  it('falls back to the defaults for anything missing, unknown or unreadable', () => {
    expect(parseReaderSettings(null)).toEqual(DEFAULT_READER_SETTINGS);
    expect(parseReaderSettings('not json')).toEqual(DEFAULT_READER_SETTINGS);
    expect(parseReaderSettings('[1]')).toEqual(DEFAULT_READER_SETTINGS);
    expect(parseReaderSettings('{"fontSize":"huge","theme":"dark"}')).toEqual({
      ...DEFAULT_READER_SETTINGS,
      theme: 'dark',
    });
  });
});

describe('readerClasses', () => {
  it('names one class per setting', () => {
    expect(readerClasses(DEFAULT_READER_SETTINGS)).toBe('text-standard width-standard theme-auto');
  });
});
