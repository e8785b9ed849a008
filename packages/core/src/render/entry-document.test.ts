import { describe, expect, it } from 'vitest';
import { parseEntryHeader } from '../header';
import { renderEntryHtmlDocument, renderEntryText, type EntryDocument } from './entry-document';

const doc: EntryDocument = {
  header: {
    title: 'Both Shall Row',
    rating: { raw: 'PG', normalized: 'general' },
    warnings: ['none'],
    summary: 'Two rivals, one leaky boat.',
    epigraph: { text: 'The water is wide,\nI cannot get o’er', credit: '~ Traditional' },
  },
  author: 'Tamsin Vey',
  body: '“It takes two,” she said.\r\n\r\nThey rowed.  \n',
  bodyFormat: 'text',
  challengeTitle: 'Ballads & Broadsides',
  promptTitle: 'The Water Is Wide',
};

describe('renderEntryText', () => {
  it('is the canonical header, a blank line, then the body exactly as written', () => {
    const text = renderEntryText(doc);
    expect(text.endsWith(`\n\n${doc.body}`)).toBe(true);
    const parsed = parseEntryHeader(text);
    expect(parsed.header.title).toBe('Both Shall Row');
    expect(parsed.header.authors).toEqual(['Tamsin Vey']);
    expect(parsed.header.rating).toEqual({ raw: 'PG', normalized: 'general' });
    expect(parsed.header.epigraph?.credit).toBe('~ Traditional');
    expect(parsed.body).toBe(doc.body);
  });

  it('names no one when the author is hidden', () => {
    const text = renderEntryText({ ...doc, author: null });
    expect(text).toContain('Anonymous');
    expect(text).not.toContain('Tamsin');
  });
});

describe('renderEntryHtmlDocument', () => {
  it('is a standalone page with the header and the story', () => {
    const html = renderEntryHtmlDocument(doc);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Both Shall Row</title>');
    expect(html).toContain('<dt>By</dt><dd>Tamsin Vey</dd>');
    expect(html).toContain('<p>“It takes two,” she said.</p>');
  });

  it('escapes markup in every header field and never includes a script', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = renderEntryHtmlDocument({
      ...doc,
      header: { ...doc.header, title: hostile, summary: hostile, warnings: [hostile] },
      body: hostile,
    });
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;');
  });
});
