import type { RequestEvent } from '@sveltejs/kit';
import { ADULT_COOKIE } from '$lib/entry-text';
import type { ApiClient } from './api';

type Event = Pick<RequestEvent, 'cookies' | 'locals'>;

/**
 * Whether the reader has already chosen to see adult-rated work: this browser session (the
 * gate's cookie), or always (their account's preference). The preference is asked for only
 * when the cookie does not settle it.
 */
export async function adultContentConfirmed(event: Event, client: ApiClient): Promise<boolean> {
  if (event.cookies.get(ADULT_COOKIE) === 'yes') return true;
  if (!event.locals.user) return false;
  try {
    return (await client.preferences()).skipAdultGate;
  } catch {
    // Preferences unavailable: asking once more is the safe side.
    return false;
  }
}

/** The reader chose to see adult-rated work: remembered until the browser closes. */
export function rememberAdultChoice(event: Pick<RequestEvent, 'cookies' | 'url'>): void {
  event.cookies.set(ADULT_COOKIE, 'yes', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
  });
}
