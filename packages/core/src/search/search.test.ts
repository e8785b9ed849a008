import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryTagsOf, searchDocumentOf, tagKey } from './entry-index';
import { parseSearchQuery, toFts5Query, toTsQuery } from './search-query';

describe('tags', () => {
  it('folds case, accents and spacing around / and &', () => {
    expect(tagKey(' Spike / Wesley ')).toBe('spike/wesley');
    expect(tagKey('Zoë  & Wash')).toBe('zoe&wash');
  });

  it('takes warnings, fandoms, pairings and characters, once per key', () => {
    expect(
      entryTagsOf({
        title: 'T',
        warnings: ['Violence', 'violence'],
        pairings: ['Spike/Wesley'],
        fandoms: ['Angel'],
        characters: [],
        tags: ['not a filter'],
      }),
    ).toEqual([
      { kind: 'warning', value: 'Violence', valueKey: 'violence' },
      { kind: 'fandom', value: 'Angel', valueKey: 'angel' },
      { kind: 'pairing', value: 'Spike/Wesley', valueKey: 'spike/wesley' },
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
        expect(toTsQuery(terms)).toMatch(/^[\p{L}\p{N} &<>():*-]*$/u);
      }),
      { numRuns: 2_000 },
    );
  });

  it('folds accents as the index does', () => {
    expect(parseSearchQuery('Zoë')).toEqual([{ words: ['zoe'], prefix: false }]);
  });

  it('builds the same search for both databases', () => {
    const terms = parseSearchQuery('"old song" lant*');
    expect(toFts5Query(terms)).toBe('"old song" AND "lant"*');
    expect(toTsQuery(terms)).toBe('(old <-> song) & lant:*');
  });
});
