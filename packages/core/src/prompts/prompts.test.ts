import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawPrompts } from './draw-prompts';
import { parsePromptBlocks, parsePromptCsv } from './parse-prompt-import';

describe('parsePromptBlocks', () => {
  it('reads title, credit, excerpt lines and link from each block', () => {
    const text = [
      'Scarborough Fair',
      'by Traditional',
      'Are you going to Scarborough Fair?',
      'Parsley, sage, rosemary and thyme',
      'https://example.com/scarborough',
      '',
      '',
      'Greensleeves',
      '— Traditional English song',
      'Alas, my love, you do me wrong,',
    ].join('\r\n');
    expect(parsePromptBlocks(text, 'lyrics').prompts).toEqual([
      {
        kind: 'lyrics',
        title: 'Scarborough Fair',
        credit: 'Traditional',
        body: 'Are you going to Scarborough Fair?\nParsley, sage, rosemary and thyme',
        link: 'https://example.com/scarborough',
        imageAlt: null,
      },
      {
        kind: 'lyrics',
        title: 'Greensleeves',
        credit: 'Traditional English song',
        body: 'Alas, my love, you do me wrong,',
        link: null,
        imageAlt: null,
      },
    ]);
  });

  it('reads one-line word prompts', () => {
    const { prompts } = parsePromptBlocks('lantern\n\nthreshold\n\n\n  \nsalt', 'text');
    expect(prompts.map((p) => p.title)).toEqual(['lantern', 'threshold', 'salt']);
  });
});

describe('parsePromptCsv', () => {
  it('reads named columns in any order, with quoted multi-line cells and aliases', () => {
    const csv =
      'Title,Artist,Lyrics,kind\n"The Water Is Wide",Traditional,"The water is wide,\nI cannot get o\'er",lyrics\nLantern,,,text\n';
    expect(parsePromptCsv(csv, 'lyrics')).toEqual({
      prompts: [
        {
          kind: 'lyrics',
          title: 'The Water Is Wide',
          credit: 'Traditional',
          body: "The water is wide,\nI cannot get o'er",
          link: null,
          imageAlt: null,
        },
        { kind: 'text', title: 'Lantern', credit: null, body: '', link: null, imageAlt: null },
      ],
      problems: [],
    });
  });

  it('names the row of an unknown kind, and a missing title column', () => {
    expect(parsePromptCsv('title,kind\nA,song\n', 'lyrics').problems).toEqual([
      { item: 2, message: 'Unknown kind “song”: use lyrics, quote, text or image.' },
    ]);
    expect(parsePromptCsv('name\nA\n', 'lyrics').problems[0]?.message).toContain('“title”');
  });

  it('reports broken CSV instead of throwing', () => {
    const result = parsePromptCsv('title\n"unterminated\n', 'lyrics');
    expect(result.prompts).toEqual([]);
    expect(result.problems[0]?.message).toMatch(/not valid CSV/);
  });
});

describe('drawPrompts', () => {
  it('is reproducible from the seed, whatever order the ids come in', () => {
    const a = drawPrompts('ballads-2026', [5, 3, 9], [10, 20, 30, 40]);
    const b = drawPrompts('ballads-2026', [9, 5, 3], [40, 30, 20, 10]);
    expect(a).toEqual(b);
  });

  it('gives each writer a distinct prompt, and leaves the extra writers unassigned', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.uniqueArray(fc.nat(1000), { maxLength: 30 }),
        fc.uniqueArray(fc.nat(1000), { maxLength: 30 }),
        (seed, writers, prompts) => {
          const { assignments, unassigned } = drawPrompts(seed, writers, prompts);
          expect(assignments).toHaveLength(Math.min(writers.length, prompts.length));
          expect(new Set(assignments.map((a) => a.promptId)).size).toBe(assignments.length);
          expect(assignments.every((a) => prompts.includes(a.promptId))).toBe(true);
          expect(
            [...assignments.map((a) => a.writerId), ...unassigned].sort((x, y) => x - y),
          ).toEqual([...writers].sort((x, y) => x - y));
        },
      ),
    );
  });

  it('depends on the seed', () => {
    const writers = [1, 2, 3, 4, 5, 6, 7, 8];
    const prompts = [11, 12, 13, 14, 15, 16, 17, 18];
    const outcomes = new Set(
      ['a', 'b', 'c', 'd', 'e'].map((seed) => JSON.stringify(drawPrompts(seed, writers, prompts))),
    );
    expect(outcomes.size).toBeGreaterThan(1);
  });
});
