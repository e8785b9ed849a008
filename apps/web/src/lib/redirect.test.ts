import { describe, expect, it } from 'vitest';
import { safeRedirectTo } from './redirect';

describe('safeRedirectTo', () => {
  it.each([
    ['/account', '/account'],
    ['/challenges/demo-ballads?tab=entries#top', '/challenges/demo-ballads?tab=entries#top'],
    ['/a/../account', '/account'],
  ])('keeps the same-site path %s', (raw, expected) => {
    expect(safeRedirectTo(raw)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'account',
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    ' /account',
    `/${'a'.repeat(3000)}`,
  ])('falls back to / for %j', (raw) => {
    expect(safeRedirectTo(raw)).toBe('/');
  });

  it('does not send a freshly signed-in user back to the auth pages', () => {
    expect(safeRedirectTo('/login')).toBe('/');
    expect(safeRedirectTo('/signup?redirectTo=/account')).toBe('/');
    expect(safeRedirectTo('/logout')).toBe('/');
    expect(safeRedirectTo('/loginhelp')).toBe('/loginhelp');
  });

  it('uses the given fallback', () => {
    expect(safeRedirectTo('//evil.example', '/account')).toBe('/account');
  });
});
