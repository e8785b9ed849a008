import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { proxyHandle } from '$lib/server/proxy';
import { sessionHandle } from '$lib/server/session';

/**
 * Headers for the web app's own responses (the proxied API sets its own). Framing and scripts
 * are governed by the CSP from svelte.config.js.
 */
const securityHeadersHandle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  return response;
};

// The proxy runs first so /api/* requests are passed on untouched and never pay for a session
// lookup of their own.
export const handle = sequence(proxyHandle, securityHeadersHandle, sessionHandle);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  // A 404 for an unknown URL is not a fault worth logging or an id.
  if (status === 404) {
    return {
      message: 'There is nothing at this address. Check the link, or start again from home.',
    };
  }

  const errorId = crypto.randomUUID();
  console.error(
    `[${errorId}] ${event.request.method} ${event.url.pathname} failed (${status})`,
    error,
  );
  return {
    // Never the error's own text for a server fault: it may contain internals.
    message: status >= 500 ? 'Something went wrong on our side.' : message,
    errorId,
  };
};
