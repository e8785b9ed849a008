import { SESSION_COOKIE } from '@ficathon/schema';
import type { Cookies, Handle } from '@sveltejs/kit';
import { ApiError, api } from './api';

/** Stores the API's session token in our own cookie; the browser never sees the token in JSON. */
export function setSessionCookie(
  cookies: Cookies,
  url: URL,
  session: { token: string; expiresAt: string },
): void {
  cookies.set(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, { path: '/', secure: url.protocol === 'https:' });
}

/** Second hook: who is signed in. The API is the judge of whether a session token is valid. */
export const sessionHandle: Handle = async ({ event, resolve }) => {
  event.locals.user = null;
  const token = event.cookies.get(SESSION_COOKIE);
  if (token) {
    try {
      const me = await api(event).me();
      event.locals.user = me.user;
      // The API extends a session that is in use; carry the new expiry into our cookie, or the
      // browser would drop it on the date it was first given and sign an active user out.
      setSessionCookie(event.cookies, event.url, { token, expiresAt: me.sessionExpiresAt });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        clearSessionCookie(event.cookies, event.url);
      } else {
        // API down or misbehaving: treat the visitor as signed out for this request, but keep the
        // cookie so they are still signed in once it recovers.
        console.error('Session lookup failed', error);
      }
    }
  }
  return resolve(event);
};
