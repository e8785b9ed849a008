import { SaveEntryRequestSchema, type EntryDetail, type ParsedEntry } from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import {
  applyParsed,
  emptyEntryValues,
  entryFieldForPath,
  entryInputIds,
  entryValuesFrom,
  filledFieldCount,
  importMediaType,
  joinList,
  keptRows,
  parseKept,
  readEntryForm,
  ruleCheckInput,
  saveEntryInput,
  splitList,
  violationErrors,
} from './entry-form';

const CUSTOM = [
  { id: 'song', kind: 'choice' as const },
  { id: 'agree', kind: 'checkbox' as const },
];

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

const PARSED: ParsedEntry = {
  header: {
    headerDetected: true,
    title: 'Crack It Open',
    authors: ['WesleysGirl'],
    rating: { raw: 'NC-17', normalized: 'explicit' },
    pairings: ['Spike/Wesley'],
    spoilers: 'Through late S3',
    archive: 'Only with my explicit permission.',
    genre: ['Angst'],
    extra: { Mood: 'melancholy' },
    lines: [
      { label: 'Rating', value: 'NC-17' },
      { label: 'Content/Warnings', value: 'Spike/Wesley' },
      { label: 'Mood', value: 'melancholy' },
    ],
  },
  body: 'The soft sound of feet.\n\nTonight, L.A. feels far away.\n',
  warnings: [],
};

describe('splitList and joinList', () => {
  it('splits on commas, or on lines when there are several (keeping commas inside items)', () => {
    expect(splitList(' Buffy ,  Angel,, ')).toEqual(['Buffy', 'Angel']);
    expect(splitList('Violence, mild\r\nCharacter death\n\n')).toEqual([
      'Violence, mild',
      'Character death',
    ]);
    expect(splitList('   ')).toEqual([]);
  });

  it('joins with commas unless an item has one, so that splitting gives the items back', () => {
    expect(joinList(['Spike/Wesley', 'Buffy & Willow'])).toBe('Spike/Wesley, Buffy & Willow');
    const items = ['Violence, mild', 'Death'];
    expect(splitList(joinList(items))).toEqual(items);
    expect(joinList(undefined)).toBe('');
  });
});

describe('readEntryForm', () => {
  it('reads every field as typed, with the line breaks browsers send as CRLF made plain', () => {
    const values = readEntryForm(
      form({
        pseudId: '7',
        promptId: '',
        title: 'Crack It Open',
        rating: 'NC-17',
        warningsNone: 'on',
        summary: 'One\r\ntwo',
        body: 'Line one.\r\n\r\nLine two.\r\n',
        bodyFormat: 'markdown',
        'custom.song': 'Behind Blue Eyes',
        'custom.agree': 'on',
        kept: JSON.stringify({ genre: ['Angst'], unknown: 1 }),
      }),
      CUSTOM,
    );
    expect(values).toMatchObject({
      pseudId: '7',
      title: 'Crack It Open',
      warningsNone: true,
      summary: 'One\ntwo',
      body: 'Line one.\n\nLine two.\n',
      bodyFormat: 'markdown',
      custom: { song: 'Behind Blue Eyes', agree: true },
      kept: { genre: ['Angst'] },
    });
  });

  it('treats an unknown format as plain text and unreadable kept values as none', () => {
    const values = readEntryForm(form({ bodyFormat: 'html', kept: '{oops' }), CUSTOM);
    expect(values.bodyFormat).toBe('text');
    expect(values.kept).toEqual({});
    expect(values.custom).toEqual({ song: '', agree: false });
  });
});

describe('saveEntryInput', () => {
  it('makes a request the shared schema accepts, leaving blank fields out', () => {
    const values = {
      ...emptyEntryValues({ pseudId: '3' }),
      promptId: '12',
      title: ' Crack It Open ',
      rating: ' NC-17 ',
      pairings: 'Spike/Wesley',
      summary: '   ',
      epigraphText: 'Speak to me',
      body: 'Story.',
      custom: { song: 'A', agree: true },
      kept: { genre: ['Angst'], lines: [{ label: 'Rating', value: 'NC-17' }] },
    };
    const input = saveEntryInput(values, CUSTOM, true);
    const parsed = SaveEntryRequestSchema.parse(input);
    expect(parsed).toEqual({
      pseudId: 3,
      promptId: 12,
      header: {
        title: 'Crack It Open',
        rating: 'NC-17',
        pairings: ['Spike/Wesley'],
        epigraph: { text: 'Speak to me', credit: '' },
        genre: ['Angst'],
        lines: [{ label: 'Rating', value: 'NC-17' }],
      },
      body: 'Story.',
      bodyFormat: 'text',
      custom: { song: 'A', agree: true },
      submit: true,
    });
  });

  it('lets the form win over a kept value of the same name, and sends no prompt as null', () => {
    const values = {
      ...emptyEntryValues({ pseudId: '3' }),
      title: 'T',
      kept: { title: 'Old' } as never,
    };
    const input = saveEntryInput(values, [], false) as { header: { title: string } };
    expect(input.header.title).toBe('T');
    expect(SaveEntryRequestSchema.parse(input).promptId).toBeNull();
  });

  it('stands in for a missing title in the live rule check only', () => {
    const values = { ...emptyEntryValues({ pseudId: '3' }), body: 'x' };
    const check = ruleCheckInput(values, [], 9) as { header: { title: string }; entryId: number };
    expect(check.header.title).toBe('Untitled');
    expect(check.entryId).toBe(9);
    expect(SaveEntryRequestSchema.safeParse(saveEntryInput(values, [], false)).success).toBe(false);
  });
});

describe('applyParsed', () => {
  it('fills the header fields found, makes the story the body, and keeps the rest', () => {
    const before = {
      ...emptyEntryValues({ pseudId: '3' }),
      paste: 'pasted text',
      summary: 'Typed before pasting',
      custom: { song: 'A' },
    };
    const after = applyParsed(before, PARSED);
    expect(after).toMatchObject({
      paste: '',
      pseudId: '3',
      title: 'Crack It Open',
      rating: 'NC-17',
      pairings: 'Spike/Wesley',
      spoilers: 'Through late S3',
      archive: 'Only with my explicit permission.',
      summary: 'Typed before pasting',
      body: PARSED.body,
      custom: { song: 'A' },
      kept: { genre: ['Angst'], extra: { Mood: 'melancholy' }, lines: PARSED.header.lines },
    });
    expect(filledFieldCount(PARSED)).toBe(5);
  });

  it('only replaces the body when no header was found', () => {
    const before = { ...emptyEntryValues(), title: 'Mine' };
    const after = applyParsed(before, {
      header: { headerDetected: false, lines: [] },
      body: 'All story.',
      warnings: [],
    });
    expect(after.title).toBe('Mine');
    expect(after.body).toBe('All story.');
  });

  it('chooses the prompt a Song or Prompt line names, if the form offers it', () => {
    const prompts = [
      { value: '', label: 'Choose a prompt' },
      { value: '4', label: 'Behind Blue Eyes (The Who)', title: 'Behind Blue Eyes' },
    ];
    const parsed = { ...PARSED, header: { ...PARSED.header, prompt: '"Behind Blue Eyes"' } };
    expect(applyParsed(emptyEntryValues(), parsed, prompts).promptId).toBe('4');
    expect(applyParsed({ ...emptyEntryValues(), promptId: '2' }, parsed, prompts).promptId).toBe(
      '2',
    );
  });
});

describe('entryValuesFrom', () => {
  it('turns a stored entry back into the form it was saved from', () => {
    const values = {
      ...emptyEntryValues({ pseudId: '3' }),
      promptId: '12',
      title: 'Crack It Open',
      rating: 'NC-17',
      pairings: 'Spike/Wesley',
      warningsNone: true,
      summary: 'Rooftop.',
      body: 'Story.\n',
      bodyFormat: 'markdown' as const,
      custom: { song: 'A' },
      kept: { genre: ['Angst'] },
    };
    const request = SaveEntryRequestSchema.parse(saveEntryInput(values, CUSTOM.slice(0, 1), false));
    const { rating, ...header } = request.header;
    const entry = {
      pseudId: 3,
      prompt: { id: 12, title: 'P', credit: null, body: '', kind: 'lyrics' },
      title: 'Crack It Open',
      rating: { raw: rating ?? null, normalized: 'explicit' },
      header: {
        ...header,
        rating: { raw: rating!, normalized: 'explicit' },
        custom: request.custom,
      },
      body: request.body,
      bodyFormat: request.bodyFormat,
    } as unknown as EntryDetail;
    expect(entryValuesFrom(entry)).toEqual(values);
  });
});

describe('errors', () => {
  it('maps API paths and rule fields to the form fields', () => {
    expect(entryFieldForPath(['header', 'title'])).toBe('title');
    expect(entryFieldForPath(['header', 'warnings', '0'])).toBe('warnings');
    expect(entryFieldForPath(['header', 'epigraph', 'credit'])).toBe('epigraphCredit');
    expect(entryFieldForPath(['epigraph'])).toBe('epigraphText');
    expect(entryFieldForPath(['custom', 'song'])).toBe('custom.song');
    expect(entryFieldForPath(['summary'])).toBe('summary');
    expect(entryFieldForPath(['promptId'])).toBe('promptId');
    expect(entryFieldForPath(['header', 'extra', 'Mood'])).toBeUndefined();
    expect(entryFieldForPath(['challenge'])).toBeUndefined();
  });

  it('says every broken rule of a field, and rules about the whole entry on the form', () => {
    expect(
      violationErrors([
        { rule: 'min_words', field: 'body', message: 'Too short.' },
        { rule: 'lyric_line', field: 'body', message: 'Quote a line.' },
        { rule: 'entries_per_writer', field: 'challenge', message: 'One each.' },
        { rule: 'custom_field_required', field: 'custom.agree', message: 'Tick it.' },
      ]),
    ).toEqual({ body: 'Too short. Quote a line.', form: 'One each.', 'custom.agree': 'Tick it.' });
  });

  it('links each field to its input, custom fields before the story', () => {
    const ids = entryInputIds(CUSTOM);
    expect(ids['custom.song']).toBe('custom-song');
    expect(ids.bodyFormat).toBe('bodyFormat-text');
    const order = Object.keys(ids);
    expect(order.indexOf('custom.agree')).toBeLessThan(order.indexOf('body'));
    expect(order[0]).toBe('paste');
  });
});

describe('kept values', () => {
  it('keeps only the known keys with something in them', () => {
    expect(
      parseKept(JSON.stringify({ tags: [], genre: ['Angst'], extra: {}, title: 'x' })),
    ).toEqual({ genre: ['Angst'] });
    expect(parseKept('[1,2]')).toEqual({});
  });

  it('lists them for reading', () => {
    expect(
      keptRows({
        genre: ['Angst', 'Hurt/Comfort'],
        series: { name: 'Rooftops', part: 2 },
        song: { title: 'Behind Blue Eyes', artist: 'The Who' },
        extra: { Mood: 'melancholy', Blank: ' ' },
      }),
    ).toEqual([
      ['Genre', 'Angst, Hurt/Comfort'],
      ['Series', 'Rooftops, part 2'],
      ['Song', 'Behind Blue Eyes by The Who'],
      ['Mood', 'melancholy'],
    ]);
  });
});

describe('importMediaType', () => {
  it('uses the browser’s type when the import takes it, else the extension', () => {
    expect(importMediaType('story.txt', 'text/plain;charset=utf-8')).toBe('text/plain');
    expect(importMediaType('story.md', '')).toBe('text/markdown');
    expect(importMediaType('Story.DOCX', 'application/octet-stream')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(importMediaType('story.htm', '')).toBe('text/html');
    expect(importMediaType('story.pdf', 'application/pdf')).toBeNull();
    expect(importMediaType('story', '')).toBeNull();
  });
});
