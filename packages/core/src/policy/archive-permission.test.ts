import { describe, expect, it } from 'vitest';
import { allowsArchiving } from './archive-permission';

describe('allowsArchiving', () => {
  it.each([
    'Yes',
    'yes please',
    'Sure!',
    'Anywhere, just keep my name on it',
    'OK',
    'Permission granted',
  ])('takes %j as permission', (text) => expect(allowsArchiving(text)).toBe(true));
  it.each([
    undefined,
    '',
    'No',
    'Ask first',
    'Please ask',
    'Yes, but ask me first',
    'Only my own site',
    'Don’t archive',
    'not without asking',
    'List archive yes, others no',
    'maybe',
  ])('does not take %j as permission', (text) => expect(allowsArchiving(text)).toBe(false));
});
