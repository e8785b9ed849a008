import { describe, expect, test } from 'vitest';
import { type SourceLine, splitSourceLines as splitSourceLinesInto } from './normalize';

function splitSourceLines(input: string): SourceLine[] {
  return splitSourceLinesInto(input).toArray();
}

function texts(lines: readonly SourceLine[]): string[] {
  return lines.map((line) => (line.isRule ? '<hr>' : line.text));
}

describe('splitSourceLines', () => {
  test('LF, CRLF and bare CR all break lines; offsets point into the original', () => {
    const input = 'a\nb\r\nc\rd';
    const lines = splitSourceLines(input);
    expect(texts(lines)).toEqual(['a', 'b', 'c', 'd']);
    expect(lines.map((line) => input.slice(line.start))).toEqual([input, 'b\r\nc\rd', 'c\rd', 'd']);
  });

  test('BOM and zero-width characters are dropped, NBSP and tabs become spaces', () => {
    const lines = splitSourceLines('\ufeffRa\u200bti\u2060ng\u00a0\t：PG');
    expect(texts(lines)).toEqual(['Rating  :PG']);
    expect(lines[0]?.start).toBe(0);
  });

  test('entities are decoded; unknown ones are kept', () => {
    expect(texts(splitSourceLines('Tom &amp; Jerry &#8217; &#x2014; &nbsp;x &bogus; &'))).toEqual([
      'Tom & Jerry \u2019 \u2014  x &bogus; &',
    ]);
  });

  test('inline tags are dropped; text that is not HTML is kept', () => {
    expect(texts(splitSourceLines('<b>Rating</b>: <i>PG</i> <3 <sigh> a<b'))).toEqual([
      'Rating: PG <3 <sigh> a<b',
    ]);
  });

  test('<br> breaks a line; a newline right after it is source formatting', () => {
    expect(texts(splitSourceLines('a<br>b<br/>\nc<br>\n<br>\nd'))).toEqual([
      'a',
      'b',
      'c',
      '',
      'd',
    ]);
  });

  test('paragraph tags separate paragraphs like a blank line; the body keeps its <p>', () => {
    const input = '<p>Title: X</p>\n<p>Story.</p>';
    const lines = splitSourceLines(input);
    expect(texts(lines)).toEqual(['Title: X', '', 'Story.', '']);
    expect(input.slice(lines[2]?.start)).toBe('<p>Story.</p>');
  });

  test('<hr> is a separator line of its own', () => {
    expect(texts(splitSourceLines('a<hr>b'))).toEqual(['a', '<hr>', 'b']);
  });

  test('comments are ignored, even across lines; an unclosed one is text', () => {
    expect(texts(splitSourceLines('a<!-- x\ny -->b\n<!-- open'))).toEqual(['ab', '<!-- open']);
  });

  test('always returns at least one line', () => {
    expect(splitSourceLines('')).toEqual([{ text: '', start: 0, isRule: false }]);
  });
});
