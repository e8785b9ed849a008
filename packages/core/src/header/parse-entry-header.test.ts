import {
  type EntryHeader,
  EntryHeaderSchema,
  HEADER_PARSE_LIMITS,
  ParseHeaderRequestSchema,
} from '@ficathon/schema';
import { describe, expect, test } from 'vitest';
import { parseEntryHeader } from './parse-entry-header';

const STORY = 'The soft sound of feet on rough cement as someone crosses the roof of his building.';

/** A header, a blank line and a line of story. */
function withStory(header: string): string {
  return `${header}\n\n${STORY}\n`;
}

function headerOf(input: string): EntryHeader {
  const { header } = parseEntryHeader(input);
  expect(EntryHeaderSchema.parse(header)).toEqual(header);
  return header;
}

describe('each label family maps to its field (HEADERS.md label table)', () => {
  const cases: [line: string, expected: Partial<EntryHeader>][] = [
    ['Title: Crack It Open', { title: 'Crack It Open' }],
    ['Story Title: Crack It Open', { title: 'Crack It Open' }],
    ['Fic: Crack It Open', { title: 'Crack It Open' }],
    ['Fill Title: Crack It Open', { title: 'Crack It Open' }],
    ['Author: WesleysGirl', { authors: ['WesleysGirl'] }],
    ['By: WesleysGirl', { authors: ['WesleysGirl'] }],
    ['Written by: WesleysGirl', { authors: ['WesleysGirl'] }],
    ['Written by WesleysGirl', { authors: ['WesleysGirl'] }],
    ['Author/Artist: Jo and Sam', { authors: ['Jo', 'Sam'] }],
    ['Author Name: WesleysGirl', { authors: ['WesleysGirl'] }],
    ['Rating: PG', { rating: { raw: 'PG', normalized: 'general' } }],
    ['Ratings: PG', { rating: { raw: 'PG', normalized: 'general' } }],
    ['Rated: PG', { rating: { raw: 'PG', normalized: 'general' } }],
    ['Rated PG', { rating: { raw: 'PG', normalized: 'general' } }],
    ['Content/Rating: R', { rating: { raw: 'R', normalized: 'mature' } }],
    ['Rated: Fiction T', { rating: { raw: 'Fiction T', normalized: 'teen' } }],
    ['Rating: PG-13 for language', { rating: { raw: 'PG-13 for language', normalized: 'teen' } }],
    ['Warning: Violence', { warnings: ['Violence'] }],
    ['Warnings: Violence, Character death', { warnings: ['Violence', 'Character death'] }],
    ['Warning(s): Violence', { warnings: ['Violence'] }],
    ['Warnings/Spoilers: Violence', { warnings: ['Violence'] }],
    ['Content/Warnings: Violence', { warnings: ['Violence'] }],
    ['Content notes: Violence', { warnings: ['Violence'] }],
    [
      'Archive Warning: Graphic Depictions Of Violence',
      { warnings: ['Graphic Depictions Of Violence'] },
    ],
    ['Archive Warnings: Violence', { warnings: ['Violence'] }],
    ['CW: Violence', { warnings: ['Violence'] }],
    ['TW: Violence', { warnings: ['Violence'] }],
    ['Trigger warnings: Violence', { warnings: ['Violence'] }],
    ['Pairing: Spike/Xander', { pairings: ['Spike/Xander'] }],
    ['Pairings: Spike/Xander, Buffy & Dawn', { pairings: ['Spike/Xander', 'Buffy & Dawn'] }],
    ['Relationship: Spike/Xander', { pairings: ['Spike/Xander'] }],
    ['Relationships: Spike/Xander', { pairings: ['Spike/Xander'] }],
    ['Ship: Spike/Xander', { pairings: ['Spike/Xander'] }],
    [
      'Pairings/Characters: Spike/Xander, Buffy',
      { pairings: ['Spike/Xander'], characters: ['Buffy'] },
    ],
    ['Fandom/Pairings: Angel, Spike/Wesley', { fandoms: ['Angel'], pairings: ['Spike/Wesley'] }],
    ['Pairings: [Xander H., Spike]', { pairings: ['Xander H./Spike'] }],
    [
      'Characters: [Xander H., Spike] Buffy S.',
      { pairings: ['Xander H./Spike'], characters: ['Xander H.', 'Spike', 'Buffy S.'] },
    ],
    ['Character: Spike', { characters: ['Spike'] }],
    ['Characters: Spike, Wesley', { characters: ['Spike', 'Wesley'] }],
    ['Characters Involved: Spike', { characters: ['Spike'] }],
    ['Fandom: Angel', { fandoms: ['Angel'] }],
    ['Fandoms: Angel, Buffy', { fandoms: ['Angel', 'Buffy'] }],
    ['Crossover Fandom: Angel', { fandoms: ['Angel'] }],
    ['Universe: Angel', { fandoms: ['Angel'] }],
    ['Spoiler: S3', { spoilers: 'S3' }],
    ['Spoilers: Through late S3', { spoilers: 'Through late S3' }],
    ['Spoiler Warning: S3', { spoilers: 'S3' }],
    ['Spoilers/Timeline: S3', { spoilers: 'S3' }],
    ['Timeline: after S3', { spoilers: 'after S3' }],
    ['Setting: post-Chosen', { spoilers: 'post-Chosen' }],
    ['Takes Place: S3', { spoilers: 'S3' }],
    ['Disclaimer: Not mine.', { disclaimer: 'Not mine.' }],
    ['Disclaimers: Not mine.', { disclaimer: 'Not mine.' }],
    ['Archive: Yes', { archive: 'Yes' }],
    ['Archiving: Ask first', { archive: 'Ask first' }],
    ['Distribution: Ask first', { archive: 'Ask first' }],
    ['Peaches Archive: yes', { archive: 'Peaches Archive: yes' }],
    ['Feedback: Yes please', { feedback: 'Yes please' }],
    ['Comments: Welcome', { feedback: 'Welcome' }],
    ['Concrit: Welcome', { feedback: 'Welcome' }],
    ['Beta: Jo', { beta: 'Jo' }],
    ['Betas: Jo and Sam', { beta: 'Jo and Sam' }],
    ["Beta'd by: Jo", { beta: 'Jo' }],
    ['Beta’d by Jo', { beta: 'Jo' }],
    ['Beta reader: Jo', { beta: 'Jo' }],
    ['Summary: Wesley on a roof.', { summary: 'Wesley on a roof.' }],
    ['Story Summary: Wesley on a roof.', { summary: 'Wesley on a roof.' }],
    ['Description: Wesley on a roof.', { summary: 'Wesley on a roof.' }],
    ['Note: For Jo.', { notes: 'For Jo.' }],
    ['Notes: For Jo.', { notes: 'For Jo.' }],
    ["Author's Note: For Jo.", { notes: 'For Jo.' }],
    ['Author’s Notes: For Jo.', { notes: 'For Jo.' }],
    ['A/N: For Jo.', { notes: 'For Jo.' }],
    ['Story Notes: For Jo.', { notes: 'For Jo.' }],
    ['Dedication: For Jo.', { notes: 'For Jo.' }],
    ['Word count: 12,034', { wordCount: 12034 }],
    ['Wordcount: ~3,800', { wordCount: 3800 }],
    ['Words: 2.3k', { wordCount: 2300 }],
    ['Length: 100 words (drabble)', { wordCount: 100 }],
    ['Prompt: Behind Blue Eyes', { prompt: 'Behind Blue Eyes' }],
    ['Prompts: rain, roofs', { prompt: 'rain, roofs' }],
    ['Theme: rain', { prompt: 'rain' }],
    ['Request: rain', { prompt: 'rain' }],
    ['Challenge: Second Fic Challenge', { challenge: 'Second Fic Challenge' }],
    ['Challenges: Second Fic Challenge', { challenge: 'Second Fic Challenge' }],
    ['For: Jo', { recipient: 'Jo' }],
    ['Recipient: Jo', { recipient: 'Jo' }],
    [
      'Written for: Jo in the Yuletide challenge',
      { recipient: 'Jo', challenge: 'Yuletide challenge' },
    ],
    [
      'Written for Jo in the Yuletide challenge',
      { recipient: 'Jo', challenge: 'Yuletide challenge' },
    ],
    [
      'Song: Behind Blue Eyes by The Who',
      { song: { title: 'Behind Blue Eyes', artist: 'The Who' } },
    ],
    [
      'Title from "Behind Blue Eyes" by The Who',
      { song: { title: 'Behind Blue Eyes', artist: 'The Who' } },
    ],
    ['Category: Slash', { category: ['Slash'] }],
    ['Classification: M/M, Angst', { category: ['M/M', 'Angst'] }],
    ['Genre: Angst', { genre: ['Angst'] }],
    ['Genres: Angst, Romance', { genre: ['Angst', 'Romance'] }],
    ['Tag: roofs', { tags: ['roofs'] }],
    ['Tags: roofs, rain', { tags: ['roofs', 'rain'] }],
    ['Additional Tags: roofs', { tags: ['roofs'] }],
    ['Keywords: roofs', { tags: ['roofs'] }],
    ['Date: 2005-03-04', { date: { raw: '2005-03-04', iso: '2005-03-04' } }],
    ['Posted on: March 4, 2005', { date: { raw: 'March 4, 2005', iso: '2005-03-04' } }],
    ['Posted: 4th March 2005', { date: { raw: '4th March 2005', iso: '2005-03-04' } }],
    ['Published: 13/03/2005', { date: { raw: '13/03/2005', iso: '2005-03-13' } }],
    ['Updated: 04/03/2005', { date: { raw: '04/03/2005', iso: null } }],
    ['Series: The Long Road', { series: { name: 'The Long Road' } }],
    ['Series: Part 2 of The Long Road', { series: { name: 'The Long Road', part: 2 } }],
    ['Series: The Long Road, Part 2', { series: { name: 'The Long Road', part: 2 } }],
    ['Sequel to: Crack It Open', { series: { name: 'Crack It Open' } }],
    ['Part: 2 of 3', { part: { number: 2, of: 3 } }],
    ['End Notes: Thanks, Jo.', { endNotes: 'Thanks, Jo.' }],
  ];

  test.each(cases)('%s', (line, expected) => {
    const parsed = parseEntryHeader(withStory(line));
    expect(parsed.header).toMatchObject({ headerDetected: true, ...expected });
    expect(parsed.header.lines).toHaveLength(1);
    expect(parsed.body).toBe(`${STORY}\n`);
  });

  test('labels are kept in lines as written, value included', () => {
    const header = headerOf(withStory('CONTENT/WARNINGS: Spike/Wesley'));
    expect(header.lines).toEqual([{ label: 'CONTENT/WARNINGS', value: 'Spike/Wesley' }]);
  });

  test('`Chapter Title` is not the work title: it is kept in extra', () => {
    const header = headerOf(withStory('Title: Crack It Open\nChapter Title: The Roof'));
    expect(header.title).toBe('Crack It Open');
    expect(header.extra).toEqual({ 'Chapter Title': 'The Roof' });
  });

  test('labels we do not map are kept in extra, never dropped', () => {
    const header = headerOf(withStory('Title: X\nPrompt Number: 12\nMood: cheerful\nMood: sleepy'));
    expect(header.extra).toEqual({ 'Prompt Number': '12', Mood: 'cheerful\nsleepy' });
    expect(header.lines).toContainEqual({ label: 'Prompt Number', value: '12' });
  });

  test('`drabble` is not a number: no wordCount, but the line is kept', () => {
    const header = headerOf(withStory('Title: X\nLength: drabble'));
    expect(header.wordCount).toBeUndefined();
    expect(header.lines).toContainEqual({ label: 'Length', value: 'drabble' });
  });
});

describe('label shapes', () => {
  test('ALL CAPS mailing-list labels', () => {
    const header = headerOf(withStory('TITLE: CRACK IT OPEN\nAUTHOR: WESLEYSGIRL\nRATING: NC-17'));
    expect(header).toMatchObject({
      title: 'CRACK IT OPEN',
      authors: ['WESLEYSGIRL'],
      rating: { raw: 'NC-17', normalized: 'explicit' },
    });
  });

  test.each([
    '<b>Rating:</b> PG',
    '<strong>Rating</strong>: PG',
    '<u>Rating</u> : PG',
    '**Rating:** PG',
    'Rating — PG',
    'Rating—PG',
    'Rating – PG',
    'Rating - PG',
    'Rating -- PG',
    'Rating\t: PG',
    'Rating\u00a0: PG',
    'Rating：PG',
    'Ra\u200bting: PG',
    '• Rating: PG',
    '- Rating: PG',
    '* Rating: PG',
  ])('%j reads as Rating: PG', (line) => {
    const header = headerOf(withStory(line));
    expect(header.rating).toEqual({ raw: 'PG', normalized: 'general' });
  });

  test('AO3 pastes put the value on the line after the label', () => {
    const input = [
      'Rating:',
      '    Teen And Up Audiences',
      'Archive Warning:',
      '    No Archive Warnings Apply',
      'Fandom:',
      '    Angel: the Series',
      'Relationship:',
      '    Spike/Wesley',
      'Characters:',
      '    Spike',
      '    Wesley Wyndam-Pryce',
      '',
      'Summary:',
      '',
      '    Wesley on a roof,',
      '    and Spike.',
      '',
      STORY,
    ].join('\n');
    const parsed = parseEntryHeader(input);
    expect(parsed.header).toMatchObject({
      rating: { raw: 'Teen And Up Audiences', normalized: 'teen' },
      warningsNone: true,
      fandoms: ['Angel: the Series'],
      pairings: ['Spike/Wesley'],
      characters: ['Spike', 'Wesley Wyndam-Pryce'],
      summary: 'Wesley on a roof,\nand Spike.',
    });
    expect(parsed.header.warnings).toBeUndefined();
    expect(parsed.body).toBe(STORY);
  });

  test('a value continues on the following lines until a blank line or the next label', () => {
    const header = headerOf(
      withStory(
        'Summary: Wesley sits on a roof.\nSpike lights a cigarette.\nNobody talks.\nRating: PG',
      ),
    );
    expect(header.summary).toBe('Wesley sits on a roof.\nSpike lights a cigarette.\nNobody talks.');
    expect(header.rating?.normalized).toBe('general');
  });

  test('a disclaimer over several lines', () => {
    const header = headerOf(withStory('Disclaimer: Joss owns them.\nI own nothing.\n\nRating: PG'));
    expect(header.disclaimer).toBe('Joss owns them.\nI own nothing.');
    expect(header.rating?.normalized).toBe('general');
  });
});

describe('titles and bylines', () => {
  test('an unlabelled first line with a byline under it', () => {
    const header = headerOf(withStory('Crack It Open\nBy WesleysGirl\n\nRating: NC-17'));
    expect(header).toMatchObject({ title: 'Crack It Open', authors: ['WesleysGirl'] });
    expect(header.lines[0]).toEqual({ label: 'By', value: 'WesleysGirl' });
  });

  test('a lower-case byline alone in the next paragraph', () => {
    const header = headerOf(withStory('Crack It Open\n\nby WesleysGirl'));
    expect(header).toMatchObject({ title: 'Crack It Open', authors: ['WesleysGirl'] });
  });

  test('`Title by Author` one-liner splits on the last ` by `', () => {
    const header = headerOf(withStory('Death by Chocolate by WesleysGirl\n\nRating: G'));
    expect(header).toMatchObject({ title: 'Death by Chocolate', authors: ['WesleysGirl'] });
  });

  test('the one-liner is not split when the author is named elsewhere', () => {
    const header = headerOf(withStory('Death by Chocolate\nAuthor: WesleysGirl'));
    expect(header).toMatchObject({ title: 'Death by Chocolate', authors: ['WesleysGirl'] });
  });

  test('a capitalised By inside a title does not split it', () => {
    const header = headerOf(withStory('Stand By Me\n\nRating: G'));
    expect(header.title).toBe('Stand By Me');
    expect(header.authors).toBeUndefined();
  });

  test('`"Title" (1/3)`: quotes stripped, part marker to part', () => {
    const header = headerOf(withStory('"Crack It Open" (1/3)\nBy WesleysGirl'));
    expect(header).toMatchObject({ title: 'Crack It Open', part: { number: 1, of: 3 } });
  });

  test.each([
    ['Crack It Open, part 1 of 3', { number: 1, of: 3 }],
    ['Crack It Open (Part 2/3)', { number: 2, of: 3 }],
    ['Crack It Open [2/5]', { number: 2, of: 5 }],
    ['Crack It Open (1/?)', { number: 1, of: null }],
    ['Crack It Open - Pt. 4', { number: 4, of: null }],
  ])('part marker in %j', (line, part) => {
    const header = headerOf(withStory(`${line}\nBy WesleysGirl`));
    expect(header).toMatchObject({ title: 'Crack It Open', part });
  });

  test('a labelled title has its quotes and part marker stripped too', () => {
    const header = headerOf(withStory('Title: “Crack It Open” (part 1 of 2)'));
    expect(header).toMatchObject({ title: 'Crack It Open', part: { number: 1, of: 2 } });
  });

  test('a first line and a Title line that differ: the first line wins, with a warning', () => {
    const parsed = parseEntryHeader(withStory('Crack It Open\nTitle: Cracked'));
    expect(parsed.header.title).toBe('Crack It Open');
    expect(parsed.header.lines).toContainEqual({ label: 'Title', value: 'Cracked' });
    expect(parsed.warnings).toHaveLength(1);
  });

  test('a title line followed by a blank line and prose is still the title', () => {
    const parsed = parseEntryHeader(withStory('The Sky Is Broken'));
    expect(parsed.header.title).toBe('The Sky Is Broken');
    expect(parsed.body).toBe(`${STORY}\n`);
  });

  test('a short first line with prose right under it is the story, not a title', () => {
    const input = `Tonight\n${STORY}\n`;
    const parsed = parseEntryHeader(input);
    expect(parsed.header).toEqual({ headerDetected: false, lines: [] });
    expect(parsed.body).toBe(input);
  });

  test('a first line ending like a sentence is not a title', () => {
    const input = `Tonight, L.A. feels far away.\n\n${STORY}`;
    expect(parseEntryHeader(input).header.headerDetected).toBe(false);
  });

  test('a chapter heading is not the work title', () => {
    const input = `Chapter One\n\n${STORY}`;
    expect(parseEntryHeader(input).header.title).toBeUndefined();
  });
});

describe('where the header ends, and what is not a header', () => {
  test('a mid-sentence `Rating:` is prose', () => {
    const input = 'Title: X\n\nShe read the review. Rating: unsatisfactory, it said.\n';
    const parsed = parseEntryHeader(input);
    expect(parsed.header.rating).toBeUndefined();
    expect(parsed.body).toBe('She read the review. Rating: unsatisfactory, it said.\n');
  });

  test('a `Rating:` line inside the story is not read once the story has started', () => {
    const parsed = parseEntryHeader(`Title: X\n\n${STORY}\n\nRating: R\n`);
    expect(parsed.header.rating).toBeUndefined();
    expect(parsed.body).toBe(`${STORY}\n\nRating: R\n`);
  });

  test('a line opening with a quotation mark is dialogue and starts the story', () => {
    const parsed = parseEntryHeader('Title: X\nNotes: a note\n"Nice night," Spike says.\n');
    expect(parsed.header.notes).toBe('a note');
    expect(parsed.body).toBe('"Nice night," Spike says.\n');
  });

  test('curly-quoted dialogue on the first line means there is no header', () => {
    const input = '“Nice night,” Spike says finally.\n\nWesley does not turn.';
    const parsed = parseEntryHeader(input);
    expect(parsed.header.headerDetected).toBe(false);
    expect(parsed.body).toBe(input);
  });

  test.each(['***', '* * *', '~~~', '---', '___', '<hr>', '<hr />', '=====', '~*~*~'])(
    'the separator %j ends the header and is not part of the body',
    (separator) => {
      const parsed = parseEntryHeader(`Title: X\nNotes: a note\n${separator}\n${STORY}`);
      expect(parsed.header.notes).toBe('a note');
      expect(parsed.body).toBe(STORY);
    },
  );

  test('script-style lines are a story, not labels we do not know', () => {
    const input = 'Spike: Nice night.\nWesley: Go away.\n';
    const parsed = parseEntryHeader(input);
    expect(parsed.header).toEqual({ headerDetected: false, lines: [] });
    expect(parsed.body).toBe(input);
  });

  test('a story with no header is returned whole', () => {
    const input = `\ufeff${STORY}\r\nAnother line.\r\n`;
    const parsed = parseEntryHeader(input);
    expect(parsed).toEqual({
      header: { headerDetected: false, lines: [] },
      body: input,
      warnings: [],
    });
  });

  test('the empty string', () => {
    expect(parseEntryHeader('')).toEqual({
      header: { headerDetected: false, lines: [] },
      body: '',
      warnings: [],
    });
  });
});

describe('epigraphs', () => {
  test('lyrics with a `~ Lyrics by Moby` credit after a labelled header', () => {
    const input = [
      'Title: The Sky Is Broken',
      'Rating: PG',
      '',
      'Speak to me baby',
      'In the middle of the night',
      '',
      'So speak to me.',
      '',
      '~ Lyrics by Moby',
      '',
      STORY,
    ].join('\n');
    const parsed = parseEntryHeader(input);
    expect(parsed.header).toMatchObject({
      title: 'The Sky Is Broken',
      epigraph: {
        text: 'Speak to me baby\nIn the middle of the night\n\nSo speak to me.',
        credit: '~ Lyrics by Moby',
      },
      song: { artist: 'Moby' },
    });
    expect(parsed.body).toBe(STORY);
  });

  test.each([
    ['-- The Who, "Behind Blue Eyes"', { title: 'Behind Blue Eyes', artist: 'The Who' }],
    ['— "Behind Blue Eyes" by The Who', { title: 'Behind Blue Eyes', artist: 'The Who' }],
    ['- Behind Blue Eyes by The Who', { title: 'Behind Blue Eyes', artist: 'The Who' }],
  ])('a credit %j names the song', (credit, song) => {
    const parsed = parseEntryHeader(
      `Title: X\n\nNo one knows what it's like\n${credit}\n\n${STORY}`,
    );
    expect(parsed.header.epigraph?.credit).toBe(credit);
    expect(parsed.header.song).toEqual(song);
  });

  test('a quotation credited to a person is an epigraph without a song', () => {
    const parsed = parseEntryHeader(
      `Title: X\n\nAll the world's a stage.\n-- Shakespeare\n\n${STORY}`,
    );
    expect(parsed.header.epigraph).toEqual({
      text: "All the world's a stage.",
      credit: '-- Shakespeare',
    });
    expect(parsed.header.song).toBeUndefined();
  });

  test('a `Song:` line wins over a song read from the credit', () => {
    const parsed = parseEntryHeader(
      `Title: X\nSong: Porcelain by Moby\n\nIn my dreams\n~ Lyrics by Moby\n\n${STORY}`,
    );
    expect(parsed.header.song).toEqual({ title: 'Porcelain', artist: 'Moby' });
  });
});

describe('end notes', () => {
  test.each(['~ fin ~', 'THE END', 'The End.', '-End-'])(
    'notes after %j are endNotes',
    (marker) => {
      const tail = `${marker}\n\nNotes: Thanks to Jo for the beta.\nAnd to you for reading.\n`;
      const input = `Title: X\n\n${STORY}\n\n${tail}`;
      const parsed = parseEntryHeader(input);
      expect(parsed.header.endNotes).toBe('Thanks to Jo for the beta.\nAnd to you for reading.');
      // The body is a suffix of the input, so it keeps the end notes too.
      expect(parsed.body.endsWith(tail)).toBe(true);
    },
  );

  test('an end marker with nothing after it gives no end notes', () => {
    expect(parseEntryHeader(`Title: X\n\n${STORY}\n\nTHE END\n`).header.endNotes).toBeUndefined();
  });
});

describe('ratings in the header', () => {
  test('two rating lines that disagree: most restrictive, ratingConflict and a warning', () => {
    const parsed = parseEntryHeader(withStory('Title: X\nRating: PG\nRating: R'));
    expect(parsed.header.rating).toEqual({ raw: 'R', normalized: 'mature' });
    expect(parsed.header.ratingConflict).toBe(true);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toMatch(/disagree.*"PG".*"R"/);
  });

  test('two rating lines that agree are not a conflict', () => {
    const parsed = parseEntryHeader(withStory('Rating: PG-13\nRated: Teen And Up Audiences'));
    expect(parsed.header.rating).toEqual({ raw: 'PG-13', normalized: 'teen' });
    expect(parsed.header.ratingConflict).toBeUndefined();
    expect(parsed.warnings).toEqual([]);
  });

  test.each([
    ['Mature', 'mature'],
    ['Rated PG', 'general'],
    ['PG-13 to R', 'mature'],
    ['R/NC-17', 'explicit'],
    ['FR15', 'teen'],
    ['18+', 'explicit'],
  ] as const)('Rating: %s -> %s', (raw, normalized) => {
    expect(headerOf(withStory(`Rating: ${raw}`)).rating).toEqual({ raw, normalized });
  });

  test('`Rating: (G, PG, PG-13, etc.)` is template guidance: not rated, and a warning', () => {
    const parsed = parseEntryHeader(withStory('Title: X\nRating: (G, PG, PG-13, etc.)'));
    expect(parsed.header.rating).toEqual({
      raw: '(G, PG, PG-13, etc.)',
      normalized: 'not_rated',
    });
    expect(parsed.warnings.join(' ')).toMatch(/guidance/);
  });

  test('guidance followed by a choice reads the choice', () => {
    const header = headerOf(withStory('Rating: (G, PG, PG-13, R, NC-17) R'));
    expect(header.rating).toEqual({ raw: '(G, PG, PG-13, R, NC-17) R', normalized: 'mature' });
  });

  test('an unrecognised rating is kept raw, not rated, with a warning', () => {
    const parsed = parseEntryHeader(withStory('Rating: spicy'));
    expect(parsed.header.rating).toEqual({ raw: 'spicy', normalized: 'not_rated' });
    expect(parsed.warnings).toHaveLength(1);
  });
});

describe('warnings and pairings', () => {
  test('pairing-shaped items under a warnings label go to pairings', () => {
    const header = headerOf(
      withStory('Warnings: Violence, Spike/Xander, Buffy & Dawn, Hurt/Comfort'),
    );
    expect(header.warnings).toEqual(['Violence', 'Hurt/Comfort']);
    expect(header.pairings).toEqual(['Spike/Xander', 'Buffy & Dawn']);
  });

  test('`/` and `&` never split an item', () => {
    const header = headerOf(
      withStory('Pairings: Spike/Xander/Anya, Buffy & Dawn\nGenre: Angst/Romance\nCategory: M/M'),
    );
    expect(header.pairings).toEqual(['Spike/Xander/Anya', 'Buffy & Dawn']);
    expect(header.genre).toEqual(['Angst/Romance']);
    expect(header.category).toEqual(['M/M']);
  });

  test.each(['none', 'Nothing.', 'No Archive Warnings Apply', 'None'])(
    'Warnings: %s -> warningsNone',
    (value) => {
      const header = headerOf(withStory(`Warnings: ${value}`));
      expect(header.warningsNone).toBe(true);
      expect(header.warnings).toBeUndefined();
    },
  );

  test('a list splits on commas but not inside parentheses', () => {
    const header = headerOf(withStory('Warnings: Character death (off-screen, minor), Violence'));
    expect(header.warnings).toEqual(['Character death (off-screen, minor)', 'Violence']);
  });
});

describe('input cleanup', () => {
  test('BOM, CRLF and a byte-exact body', () => {
    const input = '\ufeffTitle: X\r\nRating: PG\r\n\r\nStory line one.\r\nStory line two.\r\n';
    const parsed = parseEntryHeader(input);
    expect(parsed.header).toMatchObject({ title: 'X', rating: { raw: 'PG' } });
    expect(parsed.body).toBe('Story line one.\r\nStory line two.\r\n');
  });

  test('bare CR line breaks', () => {
    const parsed = parseEntryHeader('Title: X\rRating: PG\r\rStory.\r');
    expect(parsed.header.rating?.raw).toBe('PG');
    expect(parsed.body).toBe('Story.\r');
  });

  test('HTML: <br> and <p> break lines, entities decoded, comments ignored', () => {
    const input =
      '<p><b>Title:</b> Tom &amp; Jerry<!-- draft 2 --><br>\n' +
      '<b>Pairing:</b> Tom &amp; Jerry<br>' +
      '<strong>Rating</strong>: PG</p>\n<p>Story &amp; more.</p>';
    const parsed = parseEntryHeader(input);
    expect(parsed.header).toMatchObject({
      title: 'Tom & Jerry',
      pairings: ['Tom & Jerry'],
      rating: { raw: 'PG', normalized: 'general' },
    });
    expect(parsed.body).toBe('<p>Story &amp; more.</p>');
  });

  test('an HTML comment in the header is ignored', () => {
    const header = headerOf(withStory('Title: X\n<!-- Rating: NC-17 -->\nRating: PG'));
    expect(header.rating?.raw).toBe('PG');
    expect(header.lines).toHaveLength(2);
  });

  test('text in angle brackets that is not HTML is kept', () => {
    const header = headerOf(withStory('Notes: <3 to Jo <sigh>'));
    expect(header.notes).toBe('<3 to Jo <sigh>');
  });
});

describe('ParseHeaderRequestSchema (POST /api/header/parse)', () => {
  test('accepts text up to the limit', () => {
    const text = 'x'.repeat(HEADER_PARSE_LIMITS.textMax);
    expect(ParseHeaderRequestSchema.parse({ text })).toEqual({ text });
  });

  test('rejects longer text with a message a writer can act on', () => {
    const result = ParseHeaderRequestSchema.safeParse({
      text: 'x'.repeat(HEADER_PARSE_LIMITS.textMax + 1),
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/at most 1,000,000 characters/);
  });

  test('rejects a missing or non-string text', () => {
    for (const body of [{}, { text: 42 }]) {
      const result = ParseHeaderRequestSchema.safeParse(body);
      expect(result.error?.issues[0]?.message).toMatch(/"text"/);
    }
  });
});
