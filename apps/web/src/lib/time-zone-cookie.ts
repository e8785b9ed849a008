/**
 * The visitor's time zone, kept in a cookie by the browser so that server-side form actions can
 * tell the API (`X-Time-Zone`) and a "deadline passed" message names the deadline on their clock.
 */
export const TIME_ZONE_COOKIE = 'tz';

/** Stores the browser's zone for the server; call from a component's onMount. */
export function rememberTimeZone(): void {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  const value = encodeURIComponent(zone);
  if (document.cookie.split('; ').includes(`${TIME_ZONE_COOKIE}=${value}`)) return;
  // Not HttpOnly (the page sets it) and not secret; a year, as zones rarely change.
  document.cookie = `${TIME_ZONE_COOKIE}=${value}; path=/; max-age=31536000; samesite=lax`;
}
