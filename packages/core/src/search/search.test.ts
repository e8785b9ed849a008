import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryTagsOf, searchDocumentOf, tagKey } from './entry-index';
import { parseSearchQuery, toFts5Query, toTsQuery } from './search-query';
import { searchSnippet } from './search-snippet';

describe('tags', () => {
  it('folds case, accents and spacing around / and &', () => {
    expect(tagKey(' Spike / Wesley ')).toBe('spike/wesley');
    expect(tagKey('Zoë  & Wash')).toBe('zoe&wash');
  });

  it('takes warnings, fandoms, pairings, characters and freeform tags, once per key', () => {
    expect(
      entryTagsOf({
        title: 'T',
        warnings: ['Violence', 'violence'],
        pairings: ['Spike/Wesley'],
        fandoms: ['Angel'],
        characters: [],
        tags: ['Fluff'],
        genre: ['fluff', 'Angst'],
      }),
    ).toEqual([
      { kind: 'warning', value: 'Violence', valueKey: 'violence' },
      { kind: 'fandom', value: 'Angel', valueKey: 'angel' },
      { kind: 'pairing', value: 'Spike/Wesley', valueKey: 'spike/wesley' },
      { kind: 'tag', value: 'Fluff', valueKey: 'fluff' },
      { kind: 'tag', value: 'Angst', valueKey: 'angst' },
    ]);
  });

  it('puts the header fields a reader searches by into the search document', () => {
    const doc = searchDocumentOf({
      title: 'T',
      header: { title: 'T', summary: 'S', pairings: ['Spike/Wesley'], notes: 'thanks' },
      body: 'B',
    });
    expect(doc).toEqual({ title: 'T', summary: 'S', header: 'Spike/Wesley\nthanks', body: 'B' });
  });
});

describe('parseSearchQuery', () => {
  it('reads words, phrases and prefixes', () => {
    expect(parseSearchQuery('river "old song" lant*')).toEqual([
      { words: ['river'], prefix: false },
      { words: ['old', 'song'], prefix: false },
      { words: ['lant'], prefix: true },
    ]);
  });

  it('treats operators, stray quotes and punctuation as separators', () => {
    expect(parseSearchQuery('"unbalanced OR NOT * ) spike/wesley')).toEqual(
      ['unbalanced', 'or', 'not', 'spike', 'wesley'].map((word) => ({
        words: [word],
        prefix: false,
      })),
    );
    expect(parseSearchQuery('* "" ^^ ')).toEqual([]);
  });

  it('always yields queries made only of quoted words and safe operators', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (input) => {
        const terms = parseSearchQuery(input);
        const fts = toFts5Query(terms);
        // Every term is a double-quoted run of letters/digits/spaces, optionally followed by *.
        expect(fts).toMatch(/^("[\p{L}\p{N} ]+"\*?( AND "[\p{L}\p{N} ]+"\*?)*)?$/u);
        expect(toTsQuery(terms)).toMatch(/^[\p{L}\p{N} &|<>():*-]*$/u);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps words as typed, and folds them for PostgreSQL as its index is folded', () => {
    const terms = parseSearchQuery('Zoë ﬁnal ｆｕｌｌ');
    expect(terms.map((t) => t.words[0])).toEqual(['zoë', 'ﬁnal', 'ｆｕｌｌ']);
    expect(toTsQuery(terms)).toBe('zoe & final & full');
  });

  it('builds the same search for both databases', () => {
    const terms = parseSearchQuery('"old song" lant*');
    expect(toFts5Query(terms)).toBe('"old song" AND "lant"*');
    // A phrase must sit in one field: every word carries the same weight.
    expect(toTsQuery(terms)).toBe(
      '((old:A <-> song:A) | (old:B <-> song:B) | (old:C <-> song:C) | (old:D <-> song:D)) & lant:*',
    );
  });
});

describe('searchSnippet', () => {
  const story =
    'It was the <b>wind</b> that found Zoë first. ' +
    'Then nothing happened for a long while. '.repeat(10) +
    'The old song ended.';
  it('marks folded matches of words, prefixes and phrases around the first one', () => {
    expect(searchSnippet(story, parseSearchQuery('zoe'))).toContain('\u0002Zoë\u0003');
    const phrase = searchSnippet(story, parseSearchQuery('"old song"'));
    expect(phrase).toContain('\u0002old\u0003 \u0002song\u0003');
    expect(phrase.startsWith('… ')).toBe(true);
    // Only the word is marked; markup around it is the writer's text and stays as written.
    expect(searchSnippet(story, parseSearchQuery('wi*'))).toContain('<b>\u0002wind\u0003</b>');
  });
  it('gives the opening when the story holds no match', () => {
    expect(searchSnippet('Short story.', parseSearchQuery('absent'))).toBe('Short story.');
  });
});
