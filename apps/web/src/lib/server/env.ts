import { env } from '$env/dynamic/private';

const DEFAULT_API_URL = 'http://127.0.0.1:3001';

/**
 * The only place the web app reads environment variables. Read lazily (per call) so the values
 * come from the running process, not from whatever environment the build happened in.
 */
export function serverEnv() {
  const apiUrl = (env.API_URL?.trim() || DEFAULT_API_URL).replace(/\/+$/, '');
  return { apiUrl } as const;
}
