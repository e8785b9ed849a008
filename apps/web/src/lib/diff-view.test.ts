import { describe, expect, it } from 'vitest';
import { diffLines } from './diff-view';

const lines = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`).join('\n') + '\n';

describe('diffLines', () => {
  it('splits each change into its lines, without an empty line for the final newline', () => {
    expect(
      diffLines([
        { kind: 'same', text: 'a\n' },
        { kind: 'removed', text: 'b\nc\n' },
        { kind: 'added', text: 'B\n' },
      ]),
    ).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'removed', text: 'c' },
      { kind: 'added', text: 'B' },
    ]);
  });

  it('folds long unchanged runs, keeping three lines of context next to each change', () => {
    const result = diffLines([
      { kind: 'same', text: lines(1, 10) },
      { kind: 'added', text: 'new\n' },
      { kind: 'same', text: lines(11, 30) },
      { kind: 'removed', text: 'old\n' },
      { kind: 'same', text: lines(31, 40) },
    ]);
    expect(result.map((line) => (line.kind === 'same' ? line.text : line.kind))).toEqual([
      'skipped',
      'line 8',
      'line 9',
      'line 10',
      'added',
      'line 11',
      'line 12',
      'line 13',
      'skipped',
      'line 28',
      'line 29',
      'line 30',
      'removed',
      'line 31',
      'line 32',
      'line 33',
      'skipped',
    ]);
    expect(result[0]).toEqual({ kind: 'skipped', text: '7 unchanged lines' });
    expect(result[8]).toEqual({ kind: 'skipped', text: '14 unchanged lines' });
  });

  it('keeps a short unchanged run whole', () => {
    const result = diffLines([
      { kind: 'added', text: 'x\n' },
      { kind: 'same', text: lines(1, 7) },
      { kind: 'added', text: 'y\n' },
    ]);
    expect(result.filter((line) => line.kind === 'same')).toHaveLength(7);
  });
});
