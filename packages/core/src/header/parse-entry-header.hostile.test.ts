import { describe, expect, test } from 'vitest';
import { ParsedEntrySchema } from '@ficathon/schema';
import { HOSTILE_INPUTS, repeatTo } from './hostile-inputs';
import { parseEntryHeader } from './parse-entry-header';

// "Huge or hostile input must not hang." Each input is 1 MB: a linear parser reads it in tens of
// milliseconds, while one that rescans the text per character would take many minutes and hit the
// timeout. How the time grows with size is measured in bench/ (timings do not belong in tests).
const SIZE = 1_000_000;

describe('hostile input of 1 MB', () => {
  test.each(Object.entries(HOSTILE_INPUTS))(
    '%s parses to a valid result whose body is a suffix of the input',
    (_, build) => {
      const input = build(SIZE);
      const parsed = parseEntryHeader(input);
      expect(ParsedEntrySchema.safeParse(parsed).success).toBe(true);
      expect(input.endsWith(parsed.body)).toBe(true);
    },
    60_000,
  );

  test('the body of hostile input after a header is kept byte for byte', () => {
    const input = `Title: X\n\n${repeatTo(SIZE, '<!--Rating: :\r\n')}`;
    const { body } = parseEntryHeader(input);
    expect(input.endsWith(body)).toBe(true);
    expect(body.length).toBeGreaterThan(SIZE - 100);
  });
});
