import { SignupRequestSchema } from '@ficathon/schema';
import { describe, expect, it } from 'vitest';
import { issuesToFieldErrors, problemToFormErrors, retryMessage } from './forms';

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
