import { describe, expect, it } from 'vitest';
import { ordinal, renderAwardBanner } from './award-banner';

describe('renderAwardBanner', () => {
  it('names the place, category, entry and challenge, for eyes and screen readers', () => {
    const svg = renderAwardBanner({
      place: 1,
      category: 'Best overall',
      challenge: 'Ballads',
      entry: 'Both Shall Row',
    });
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain(
      '<title id="award-title">1st place · Best overall — “Both Shall Row”, Ballads</title>',
    );
  });

  it('escapes every text, so a title cannot become markup', () => {
    const svg = renderAwardBanner({
      place: 2,
      category: '<script>',
      challenge: 'a & b',
      entry: '"><svg onload=alert(1)>',
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<svg onload');
    expect(svg).toContain('&lt;script&gt;');
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [21, '21st'],
    [113, '113th'],
  ])('writes %i as %s', (place, text) => expect(ordinal(place)).toBe(text));
});
