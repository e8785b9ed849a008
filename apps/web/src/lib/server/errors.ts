import { error } from '@sveltejs/kit';
import { ApiError } from './api';

/**
 * Rethrows an API failure from a load function as the matching SvelteKit error page: the API's
 * 404 becomes our 404, unavailability a 503. Anything else is unexpected and goes to handleError.
 */
export function throwAsPageError(e: unknown): never {
  if (e instanceof ApiError && (e.status === 404 || e.status === 403 || e.status === 503)) {
    error(e.status, e.detail);
  }
  throw e;
}
