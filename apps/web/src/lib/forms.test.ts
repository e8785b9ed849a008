import { SignupRequestSchema } from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import {
  formBoolean,
  formStrings,
  issuesToFieldErrors,
  numberOrText,
  problemToFormErrors,
  retryMessage,
} from './forms';

const FIELDS = ['email', 'displayName', 'password'] as const;

describe('issuesToFieldErrors', () => {
  it('maps each zod issue to its field, keeping the first message per field', () => {
    const parsed = SignupRequestSchema.safeParse({
      email: 'not-an-email',
      displayName: '   ',
      password: 'short',
    });
    expect(parsed.success).toBe(false);
    const errors = issuesToFieldErrors(parsed.error?.issues ?? [], FIELDS);
    expect(errors).toEqual({
      email: 'Enter an email address like name@example.com.',
      displayName: 'Enter a display name.',
      password: 'Use at least 8 characters.',
    });
  });

  it('puts issues for unknown or root paths on the form', () => {
    expect(
      issuesToFieldErrors(
        [
          { path: [], message: 'Body missing' },
          { path: ['other'], message: 'Ignored: form already has a message' },
        ],
        FIELDS,
      ),
    ).toEqual({ form: 'Body missing' });
  });
});

describe('problemToFormErrors', () => {
  it('maps field errors by the first segment of their dotted path', () => {
    expect(
      problemToFormErrors(
        {
          detail: 'Check the fields.',
          errors: [
            { path: 'email', message: 'An account already uses that email address.' },
            { path: 'password.length', message: 'Too long.' },
          ],
        },
        FIELDS,
      ),
    ).toEqual({
      email: 'An account already uses that email address.',
      password: 'Too long.',
    });
  });

  it('uses the detail as a form-level error when no field is named', () => {
    expect(problemToFormErrors({ detail: 'Email or password is incorrect.' }, FIELDS)).toEqual({
      form: 'Email or password is incorrect.',
    });
  });

  it('keeps an error for a field the form does not have as a form-level error', () => {
    expect(
      problemToFormErrors({ errors: [{ path: 'captcha', message: 'Solve the puzzle.' }] }, FIELDS),
    ).toEqual({ form: 'Solve the puzzle.' });
  });
});

describe('retryMessage', () => {
  it('says how long to wait', () => {
    expect(retryMessage(1)).toBe('Too many attempts. Please try again in 1 second.');
    expect(retryMessage(30)).toBe('Too many attempts. Please try again in 30 seconds.');
    expect(retryMessage(600)).toBe('Too many attempts. Please try again in 10 minutes.');
    expect(retryMessage(null)).toBe('Too many attempts. Please wait a little and try again.');
  });
});

describe('numberOrText', () => {
  it('reads whole numbers, leaves anything else for validation to name', () => {
    expect(numberOrText(' 42 ', null)).toBe(42);
    expect(numberOrText('-3', null)).toBe(-3);
    expect(numberOrText('', null)).toBeNull();
    expect(numberOrText('  ', 0)).toBe(0);
    expect(numberOrText('1.5', null)).toBe('1.5');
    expect(numberOrText('ten', null)).toBe('ten');
  });
});

describe('checkbox fields', () => {
  it('reads a group of boxes and a single box', () => {
    const data = new FormData();
    data.append('ratings', 'general');
    data.append('ratings', 'teen');
    data.append('anonymous', 'on');
    expect(formStrings(data, 'ratings')).toEqual(['general', 'teen']);
    expect(formStrings(data, 'none')).toEqual([]);
    expect(formBoolean(data, 'anonymous')).toBe(true);
    expect(formBoolean(data, 'moderated')).toBe(false);
  });
});

describe('field paths', () => {
  it('can map nested paths to the form’s own field names', () => {
    const fieldForPath = (path: readonly string[]) => path.at(-1);
    expect(
      problemToFormErrors(
        { errors: [{ path: 'schedule.email', message: 'Nested.' }] },
        FIELDS,
        fieldForPath,
      ),
    ).toEqual({ email: 'Nested.' });
    expect(
      issuesToFieldErrors([{ path: ['a', 'password'], message: 'Deep.' }], FIELDS, fieldForPath),
    ).toEqual({ password: 'Deep.' });
  });
});
