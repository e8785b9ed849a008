import { type EntryHeader, ParsedEntrySchema } from '@ficathon/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isSeparatorLine } from './line-shapes';
import { splitSourceLines } from './normalize';
import { parseEntryHeader } from './parse-entry-header';

/**
 * Pastes that look like entry headers: header lines of every shape HEADERS.md names, mixed with
 * markup, separators, dialogue and random text, joined with any line ending.
 */
const headerishLine = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      'Crack It Open',
      '"Crack It Open" (1/3)',
      'Death by Chocolate by WesleysGirl',
      'By WesleysGirl',
      'Title: Crack It Open, part 2 of 3',
      'Rating: NC-17',
      'Rated PG',
      'Rating — PG-13 to R',
      '<b>Rating:</b> R/NC-17',
      '<strong>Rating</strong>: (G, PG, PG-13, etc.)',
      'RATING: Teen And Up Audiences',
      'Content/Warnings: Spike/Wesley, Violence',
      'Warnings: none',
      'Pairings: [Xander H., Spike] Buffy',
      'Characters:',
      'Summary:',
      'A/N: thanks to Jo',
      'Word count: 2.3k',
      'Length: drabble',
      'Series: Part 2 of The Long Road',
      'Written for: Jo in the Yuletide challenge',
      'Title from "Behind Blue Eyes" by The Who',
      'Song: Porcelain by Moby',
      'Chapter Title: The Roof',
      'Prompt Number: 12',
      'Spike: Hello.',
      '• Fandom: Angel',
      '***',
      '* * *',
      '<hr>',
      '~oOo~',
      '~ Lyrics by Moby',
      '-- Shakespeare',
      'Speak to me baby',
      '"Nice night," Spike says.',
      '“Go away.”',
      'THE END',
      '~ fin ~',
      '<!-- a comment -->',
      '<!-- unclosed',
      '<p>',
      '</p><p>',
      '<br>',
      'Tom &amp; Jerry &#8217;',
      '\ufeff',
      '',
      '',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom(
        ':',
        ' ',
        '\t',
        '<',
        '>',
        '&',
        ';',
        '#',
        '/',
        '-',
        '~',
        '*',
        '"',
        '“',
        '(',
        ')',
        '[',
        ']',
        ',',
        'a',
        'B',
        'y',
        'b',
        '1',
        '\u00a0',
        '\u200b',
        '\ufeff',
        '：',
        '—',
        '!',
        '-->',
        '<!--',
        'by ',
        'Rating',
        'part ',
      ),
      maxLength: 24,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

const paste = fc
  .tuple(fc.array(headerishLine, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r', '<br>\n'))
  .map(([lines, lineEnd]) => lines.join(lineEnd));

// Any UTF-16 string at all, lone surrogates included.
const anyString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
});

// Issue 4 asks for at least 10,000 generated inputs per property.
const RUNS = { numRuns: 10_000 };

/** Words (letters and digits), lower-cased, numbers without leading zeros. */
function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) =>
    /^\d+$/.test(word) ? word.replace(/^0+(?=\d)/, '') : word,
  );
}

/** Every string and number in the header, and the labels of `extra`. */
function headerWords(header: EntryHeader): Set<string> {
  const words = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') for (const word of wordsOf(value)) words.add(word);
    else if (typeof value === 'number') words.add(String(value));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(header);
  for (const label of Object.keys(header.extra ?? {})) visit(label);
  return words;
}

// Words the parser turns into structure rather than text: `Title by Author`, `part 1 of 3`.
const STRUCTURAL_WORDS = new Set(['by', 'part', 'pt', 'of']);

/**
 * "Nothing the writer typed is lost", made checkable. The header zone is the input minus the body.
 * Each of its lines, cleaned as the parser cleans input (markup, HTML comments and invisible
 * characters are not the writer's words), that is not blank and not a separator must have every
 * word (run of letters and digits) present somewhere in the returned header: in a field, in
 * `lines`, in `extra` (labels included) or in the epigraph. Only STRUCTURAL_WORDS are exempt.
 * Punctuation is not checked: quotes around a title and label colons are meant to go.
 */
function lostWords(input: string): string[] {
  const { header, body } = parseEntryHeader(input);
  const zoneEnd = input.length - body.length;
  const kept = headerWords(header);
  return splitSourceLines(input)
    .toArray()
    .filter((line) => line.start < zoneEnd && !isSeparatorLine(line))
    .flatMap((line) => wordsOf(line.text))
    .filter((word) => !STRUCTURAL_WORDS.has(word) && !kept.has(word));
}

describe('parseEntryHeader properties', () => {
  test.each([
    ['header-like pastes', paste],
    ['any string', anyString],
    ['any Unicode text', fc.string({ unit: 'binary', maxLength: 200 })],
  ] as const)(
    'never throws, fits the schema, and the body is a suffix of the input (%s)',
    (_, text) => {
      fc.assert(
        fc.property(text, (input) => {
          const parsed = parseEntryHeader(input);
          expect(ParsedEntrySchema.parse(parsed)).toEqual(parsed);
          expect(input.endsWith(parsed.body)).toBe(true);
          // Byte-exact: the body's UTF-8 bytes are the input's last bytes (lone surrogates aside,
          // which UTF-8 cannot carry, the UTF-16 suffix check above is the same statement).
          if (parsed.header.headerDetected === false) expect(parsed.body).toBe(input);
        }),
        RUNS,
      );
    },
  );

  test('nothing typed in the header zone is lost', () => {
    fc.assert(
      fc.property(paste, (input) => {
        expect(lostWords(input)).toEqual([]);
      }),
      RUNS,
    );
  });

  test('the body starts at the start of a line of the input', () => {
    fc.assert(
      fc.property(paste, (input) => {
        const { body } = parseEntryHeader(input);
        const starts = new Set(
          splitSourceLines(input)
            .toArray()
            .map((line) => line.start),
        );
        // Without a header the body is the whole input; an empty body starts at the end.
        starts.add(0).add(input.length);
        expect(starts.has(input.length - body.length)).toBe(true);
      }),
      RUNS,
    );
  });

  test('the nothing-lost check does catch a lost word', () => {
    // The check itself must be able to fail: a word only in a line the parser consumed without
    // keeping would show up. Simulate by checking a header that drops the title.
    const input = 'Crack It Open\nBy WesleysGirl\n\nStory.';
    const { header } = parseEntryHeader(input);
    const { title: _dropped, ...withoutTitle } = header;
    const kept = headerWords(withoutTitle as EntryHeader);
    expect(['crack', 'it', 'open'].filter((word) => !kept.has(word))).toEqual([
      'crack',
      'it',
      'open',
    ]);
  });
});
