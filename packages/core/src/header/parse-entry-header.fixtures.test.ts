import { readFileSync } from 'node:fs';
import { ParsedEntrySchema } from '@ficathon/schema';
import { describe, expect, test } from 'vitest';
import { parseEntryHeader } from './parse-entry-header';

// The shared fixtures sit next to the repository root (in CI too): /work/shared/fixtures/entries.
const fixturesDirectory = new URL('../../../../../shared/fixtures/entries/', import.meta.url);

interface FixtureExpectation {
  header: Record<string, unknown>;
  linesInclude?: { label: string; value: string }[];
  disclaimerStartsWith?: string;
  epigraph?: { textStartsWith: string; textEndsWith: string; credit: string };
  bodyStartsWith: string;
}

const expectations = JSON.parse(
  readFileSync(new URL('expected.json', fixturesDirectory), 'utf8'),
) as Record<string, FixtureExpectation>;

describe('real entry openings parse to expected.json', () => {
  test.each(Object.entries(expectations))('%s', (file, expected) => {
    const input = readFileSync(new URL(file, fixturesDirectory), 'utf8');
    const parsed = parseEntryHeader(input);

    // Every field expected.json names exactly; `lines`, `disclaimer` and `epigraph` are checked
    // below by the looser shapes expected.json gives for them. No other field may appear.
    const { lines, disclaimer, epigraph, ...fields } = parsed.header;
    expect(fields).toEqual(expected.header);
    for (const line of expected.linesInclude ?? []) expect(lines).toContainEqual(line);

    if (expected.disclaimerStartsWith === undefined) expect(disclaimer).toBeUndefined();
    else expect(disclaimer?.startsWith(expected.disclaimerStartsWith)).toBe(true);

    if (expected.epigraph === undefined) {
      expect(epigraph).toBeUndefined();
    } else {
      expect(epigraph?.text.startsWith(expected.epigraph.textStartsWith)).toBe(true);
      expect(epigraph?.text.endsWith(expected.epigraph.textEndsWith)).toBe(true);
      expect(epigraph?.credit).toBe(expected.epigraph.credit);
    }

    expect(parsed.body.startsWith(expected.bodyStartsWith)).toBe(true);
    // Byte for byte: the body is exactly the tail of the file (curly quotes included).
    const inputBytes = Buffer.from(input, 'utf8');
    const bodyBytes = Buffer.from(parsed.body, 'utf8');
    expect(inputBytes.subarray(inputBytes.length - bodyBytes.length).equals(bodyBytes)).toBe(true);
    expect(parsed.warnings).toEqual([]);
    expect(ParsedEntrySchema.parse(parsed)).toEqual(parsed);
  });

  test('the disclaimer is the whole labelled line, not just its start', () => {
    const input = readFileSync(new URL('crack-it-open.txt', fixturesDirectory), 'utf8');
    expect(parseEntryHeader(input).header.disclaimer).toMatch(/any other fan fiction\.$/);
  });
});
