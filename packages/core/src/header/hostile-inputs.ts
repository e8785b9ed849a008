/**
 * Inputs built to make a careless parser slow: long runs of label-like, markup-like and
 * separator-like text. The hostile-input tests check each parses; bench/ times them at two sizes
 * to show the cost grows linearly ("huge or hostile input must not hang", HEADERS.md).
 */

export function repeatTo(length: number, unit: string): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export const HOSTILE_INPUTS: Record<string, (length: number) => string> = {
  'one huge line of ":"': (n) => repeatTo(n, ':'),
  '"Rating: " repeated on one line': (n) => repeatTo(n, 'Rating: '),
  '"Rating:" lines waiting for a value': (n) => repeatTo(n, 'Rating:\n'),
  'rating lines that disagree': (n) => repeatTo(n, 'Rating: PG\nRating: R\nRating: NC-17\n'),
  'title lines that disagree': (n) => `Crack It Open\n${repeatTo(n, 'Title: Other\n')}`,
  'one huge title line': (n) => `Title: ${repeatTo(n, 'a ')}`,
  'one huge line of spaces then a word': (n) => `Title: x${' '.repeat(n)}y`,
  'a huge labelled list': (n) => `Tags: ${repeatTo(n, 'a/b & c, ')}`,
  'a huge pairings list of brackets': (n) => `Pairings: ${repeatTo(n, '[[(')}`,
  'a huge warnings list of dots': (n) => `Warnings: ${repeatTo(n, '.')}x`,
  'blank lines': (n) => repeatTo(n, '\n'),
  'carriage returns': (n) => repeatTo(n, '\r'),
  'unclosed HTML comments': (n) => repeatTo(n, '<!--'),
  'unclosed tags': (n) => repeatTo(n, '<b '),
  'unclosed doctype': (n) => repeatTo(n, '<!a'),
  'paragraph tags': (n) => repeatTo(n, '<p>'),
  'line-break tags': (n) => repeatTo(n, '<br>'),
  'entity starts': (n) => repeatTo(n, '&#'),
  'labels we do not know, then a known one': (n) => `${repeatTo(n, 'Mood: x\n')}Rating: PG`,
  'short lines that could be lyrics': (n) => repeatTo(n, 'la la la\n'),
  'a labelled header with a huge summary': (n) => `Title: X\nSummary: ${repeatTo(n, 'word ')}`,
  'quotation marks': (n) => repeatTo(n, '"'),
  'end markers': (n) => repeatTo(n, 'THE END\n'),
  bylines: (n) => `Title\n${repeatTo(n, 'by by ')}`,
};
