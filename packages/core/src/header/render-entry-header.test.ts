import { type EntryHeader, type Rating } from '@ficathon/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseEntryHeader } from './parse-entry-header';
import { type RenderableEntryHeader, renderEntryHeader } from './render-entry-header';

describe('renderEntryHeader', () => {
  test('renders Title, By, labelled lines in a fixed order, then the epigraph', () => {
    const header: RenderableEntryHeader = {
      notes: 'Written for the second Fic Challenge.',
      rating: { raw: 'NC-17', normalized: 'explicit' },
      authors: ['WesleysGirl'],
      title: 'Crack It Open',
      part: { number: 1, of: 3 },
      pairings: ['Spike/Wesley'],
      wordCount: 12034,
      warningsNone: true,
      extra: { Mood: 'tired' },
      epigraph: {
        text: 'Speak to me baby\nIn the middle of the night\n\nSo speak to me.',
        credit: '~ Lyrics by Moby',
      },
      song: { artist: 'Moby' },
    };
    expect(renderEntryHeader(header)).toBe(
      [
        'Title: Crack It Open (1/3)',
        'By: WesleysGirl',
        'Rating: NC-17',
        'Warnings: None',
        'Pairings: Spike/Wesley',
        'Word count: 12,034',
        'Song: by Moby',
        'Notes: Written for the second Fic Challenge.',
        'Mood: tired',
        '',
        'Speak to me baby',
        'In the middle of the night',
        '',
        'So speak to me.',
        '',
        '~ Lyrics by Moby',
      ].join('\n'),
    );
  });

  test('a single-line field never breaks the header over lines', () => {
    expect(renderEntryHeader({ title: 'Crack\nIt Open', summary: 'One.\n\nTwo.' })).toBe(
      'Title: Crack It Open\nSummary: One.\nTwo.',
    );
  });

  test('renders the fixture header and reads it back', () => {
    const parsed = parseEntryHeader(
      'Crack It Open\nBy WesleysGirl\n\nRating: NC-17\nContent/Warnings: Spike/Wesley\n\nStory.',
    );
    const rendered = renderEntryHeader(parsed.header);
    expect(rendered).toBe(
      'Title: Crack It Open\nBy: WesleysGirl\nRating: NC-17\nPairings: Spike/Wesley',
    );
    const { lines: _lines, ...fields } = parseEntryHeader(rendered).header;
    const { lines: _original, ...expected } = parsed.header;
    expect(fields).toEqual(expected);
  });
});

// Words chosen so that no value reads as a label, a rating, an end marker or a "none".
const word = fc.constantFrom(
  'Moon',
  'river',
  'Spike',
  'Wesley',
  'blue',
  'eyes',
  'Xander',
  'night',
  'Cordelia',
  'rain',
  'Sky',
  'broken',
  'Angel',
  'hope',
  'Buffy',
  'stars',
  'Willow',
  'Tara',
  'glass',
  'ember',
  'L.A.',
  'S3',
  "Wes's",
  'roof-top',
  '42',
  'Café',
);
const phrase = (maxWords: number) =>
  fc.array(word, { minLength: 1, maxLength: maxWords }).map((words) => words.join(' '));
const multiLineText = fc
  .array(phrase(8), { minLength: 1, maxLength: 3 })
  .map((lines) => lines.join('\n'));
const items = (maxWords: number) =>
  fc.uniqueArray(phrase(maxWords), { minLength: 1, maxLength: 4 });

const name = fc.constantFrom(
  'Spike',
  'Xander',
  'Wesley',
  'Buffy',
  'Dawn',
  'Willow',
  'Tara',
  'Angel',
);
const pairing = fc
  .tuple(fc.uniqueArray(name, { minLength: 2, maxLength: 3 }), fc.constantFrom('/', ' & '))
  .map(([names, joiner]) => names.join(joiner));

const ratings: [raw: string, normalized: Rating][] = [
  ['G', 'general'],
  ['PG', 'general'],
  ['General Audiences', 'general'],
  ['PG-13', 'teen'],
  ['PG-13 for language', 'teen'],
  ['Teen And Up Audiences', 'teen'],
  ['Fiction T', 'teen'],
  ['FR15', 'teen'],
  ['R', 'mature'],
  ['Mature', 'mature'],
  ['PG-13 to R', 'mature'],
  ['NC-17', 'explicit'],
  ['R/NC-17', 'explicit'],
  ['Explicit', 'explicit'],
  ['MA', 'explicit'],
  ['18+', 'explicit'],
  ['Not Rated', 'not_rated'],
];
const rating = fc.constantFrom(...ratings).map(([raw, normalized]) => ({ raw, normalized }));

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const date = fc
  .record({
    year: fc.integer({ min: 1990, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    style: fc.constantFrom('iso', 'us', 'uk', 'ambiguous'),
  })
  .map(({ year, month, day, style }) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const iso = `${String(year)}-${pad(month)}-${pad(day)}`;
    const monthName = MONTH_NAMES[month - 1] ?? 'January';
    if (style === 'iso') return { raw: iso, iso };
    if (style === 'us') return { raw: `${monthName} ${String(day)}, ${String(year)}`, iso };
    if (style === 'uk') return { raw: `${String(day)} ${monthName} ${String(year)}`, iso };
    // 04/03/2005 could be either month: read only when one reading is impossible.
    const readable = day > 12 || day === month;
    return { raw: `${pad(day)}/${pad(month)}/${String(year)}`, iso: readable ? iso : null };
  });

const song = fc
  .record({ title: phrase(4), artist: phrase(3) }, { requiredKeys: [] })
  .filter((value) => value.title !== undefined || value.artist !== undefined);

const epigraph = fc
  .record({
    stanzas: fc.array(fc.array(phrase(6), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 2,
    }),
    credit: phrase(3),
  })
  .map(({ stanzas, credit }) => ({
    text: stanzas.map((stanza) => stanza.join('\n')).join('\n\n'),
    // A credit naming no song ("~ Moon river"): a song read from it would be a field we did not make.
    credit: `~ ${credit}`,
  }));

const UNKNOWN_LABELS = ['Mood', 'Prompt Number', 'Music', 'Location', 'Word Limit', 'Claimed'];
const extra = fc
  .uniqueArray(fc.constantFrom(...UNKNOWN_LABELS), { minLength: 1, maxLength: 3 })
  .chain((labels) =>
    fc.tuple(...labels.map((label) => multiLineText.map((value) => [label, value] as const))),
  )
  .map((entries) => Object.fromEntries(entries));

/** Headers built from valid field values: what a writer could have filled in on the form. */
const renderableHeader: fc.Arbitrary<RenderableEntryHeader> = fc
  .record(
    {
      title: phrase(5),
      part: fc.record({
        number: fc.integer({ min: 1, max: 99 }),
        of: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
      }),
      authors: items(2),
      rating,
      warnings: items(3),
      warningsNone: fc.constant(true as const),
      pairings: fc.uniqueArray(pairing, { minLength: 1, maxLength: 3 }),
      characters: items(2),
      fandoms: items(3),
      category: items(2),
      genre: items(2),
      tags: items(3),
      spoilers: multiLineText,
      disclaimer: multiLineText,
      archive: multiLineText,
      feedback: multiLineText,
      beta: phrase(3),
      summary: multiLineText,
      notes: multiLineText,
      endNotes: multiLineText,
      prompt: multiLineText,
      challenge: phrase(4),
      recipient: phrase(2),
      wordCount: fc.nat({ max: 10_000_000 }),
      date,
      series: fc.record(
        { name: phrase(4), part: fc.integer({ min: 1, max: 50 }) },
        { requiredKeys: ['name'] },
      ),
      song,
      epigraph,
      extra,
    },
    { requiredKeys: [] },
  )
  // At least one labelled field we know, or there is no header paragraph to hold the rest.
  .filter((header) => Object.keys(header).some((key) => key !== 'epigraph' && key !== 'extra'));

describe('renderEntryHeader and parseEntryHeader', () => {
  test('parseEntryHeader(renderEntryHeader(h)) gives back h', () => {
    fc.assert(
      fc.property(renderableHeader, (header) => {
        const rendered = renderEntryHeader(header);
        const parsed = parseEntryHeader(rendered);
        const { lines: _lines, ...fields } = parsed.header;
        const expected: Omit<EntryHeader, 'lines'> = { headerDetected: true, ...header };
        expect(fields).toEqual(expected);
        expect(parsed.body).toBe('');
        expect(parsed.warnings).toEqual([]);
      }),
      { numRuns: 10_000 },
    );
  });

  test('a rendered header followed by a story parses back to the same header and the story', () => {
    fc.assert(
      fc.property(renderableHeader, (header) => {
        const story = 'The soft sound of feet on rough cement as someone crosses the roof.\n';
        const parsed = parseEntryHeader(`${renderEntryHeader(header)}\n\n${story}`);
        expect(parsed.body).toBe(story);
        expect(renderEntryHeader(parsed.header)).toBe(renderEntryHeader(header));
      }),
      { numRuns: 10_000 },
    );
  });
});
