/** Pages that make no sense to land on after signing in (and would loop or sign out again). */
const AUTH_PATHS = ['/login', '/signup', '/logout'];

const PARSING_BASE = 'http://same-site.invalid';

/**
 * Turns an untrusted `?redirectTo=` value into a same-site path, or `fallback`.
 *
 * Only a path that starts with exactly one '/' is accepted: `//evil.example` and `/\evil.example`
 * are protocol-relative URLs to browsers, and anything with a scheme could leave the site.
 */
export function safeRedirectTo(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || raw.length > 2048) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//')) return fallback;
  // Browsers treat '\' like '/', and strip tabs and newlines from URLs before parsing them.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;

  let url: URL;
  try {
    url = new URL(raw, PARSING_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== PARSING_BASE) return fallback;
  if (AUTH_PATHS.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) {
    return fallback;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}
