import { describe, expect, it } from 'vitest';
import {
  CreateChallengeRequestSchema,
  CreatePseudRequestSchema,
  LoginRequestSchema,
  ModerationRequestSchema,
  SaveEntryRequestSchema,
  SignupRequestSchema,
} from './index';

const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('account schemas', () => {
  it('normalizes the email so one address is one account', () => {
    const parsed = LoginRequestSchema.parse({ email: '  Ada@Example.COM ', password: 'x' });
    expect(parsed.email).toBe('ada@example.com');
  });

  it('keeps passwords exactly as typed (spaces are part of a passphrase)', () => {
    const parsed = SignupRequestSchema.parse({
      email: 'a@b.co',
      password: '  spaced out  ',
      displayName: ' Ada ',
    });
    expect(parsed.password).toBe('  spaced out  ');
    expect(parsed.displayName).toBe('Ada');
  });

  it('names every invalid field', () => {
    const result = SignupRequestSchema.safeParse({ email: 'nope', password: 'short' });
    expect(paths(result).sort()).toEqual(['displayName', 'email', 'password']);
  });
});

describe('control characters', () => {
  it('are refused in one-line fields, NUL and line breaks alike', () => {
    expect(paths(CreatePseudRequestSchema.safeParse({ name: 'Moth\u0000' }))).toEqual(['name']);
    expect(paths(CreatePseudRequestSchema.safeParse({ name: 'Two\nlines' }))).toEqual(['name']);
  });

  it('are refused with the noncharacters and unpaired surrogates no XML or UTF-8 can hold', () => {
    for (const bad of ['x\uFFFE', 'x\uFFFF', 'lone \uD800 high', 'lone \uDC00 low']) {
      expect(paths(CreatePseudRequestSchema.safeParse({ name: bad }))).toEqual(['name']);
    }
    expect(CreatePseudRequestSchema.safeParse({ name: 'Emoji 😀 and Zoë' }).success).toBe(true);
  });

  it('are refused in multi-line fields except tab and line breaks', () => {
    const reason = (text: string) =>
      ModerationRequestSchema.safeParse({ action: 'reject', reason: text });
    expect(reason('Too long.\r\nSee the rules.\tThanks').success).toBe(true);
    expect(paths(reason('bad\u0007bell'))).toEqual(['reason']);
  });
});

describe('challenge and entry requests', () => {
  it('fills defaults so a minimal challenge is complete', () => {
    const parsed = CreateChallengeRequestSchema.parse({
      slug: 'Ballads-2026',
      title: 'Ballads',
      schedule: { timeZone: 'AoE' },
    });
    expect(parsed.slug).toBe('ballads-2026');
    expect(parsed.rules.minWords).toBeNull();
    expect(parsed.organizersSeeAuthors).toBe(false);
    expect(parsed.schedule.graceMinutes).toBe(0);
  });

  it('refuses a slug that could not be part of an address', () => {
    expect(
      paths(
        CreateChallengeRequestSchema.safeParse({
          slug: 'a b',
          title: 'T',
          schedule: { timeZone: 'UTC' },
        }),
      ),
    ).toEqual(['slug']);
  });

  it('keeps the story body exactly, and requires a title', () => {
    const body = '  “Curly” quotes,\r\nline breaks\n\n* * *\n';
    const parsed = SaveEntryRequestSchema.parse({ pseudId: 1, header: { title: 'T' }, body });
    expect(parsed.body).toBe(body);
    expect(parsed.submit).toBe(false);
    expect(
      paths(SaveEntryRequestSchema.safeParse({ pseudId: 1, header: { title: ' ' }, body })),
    ).toEqual(['header.title']);
  });
});
