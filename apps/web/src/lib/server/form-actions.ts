import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { AuthResponse } from '@ficathon/schema';
import { problemToFormErrors, retryMessage, type FormErrors } from '$lib/forms';
import { safeRedirectTo } from '$lib/redirect';
import { ApiError } from './api';
import { setSessionCookie } from './session';

/**
 * Turns a failed API call of a form action into `fail()` with field and form errors, or rethrows
 * what is not the visitor's to fix.
 */
export function apiFailure<F extends string>(
  e: unknown,
  fields: readonly F[],
  values: Partial<Record<F, string>>,
): ActionFailure<{ values: Partial<Record<F, string>>; errors: FormErrors<F> }> {
  if (!(e instanceof ApiError)) throw e;
  if (e.status === 429) {
    const errors: FormErrors<F> = {};
    errors.form = retryMessage(e.retryAfter);
    return fail(429, { values, errors });
  }
  if (e.status >= 500) {
    const errors: FormErrors<F> = {};
    errors.form =
      e.status === 503 ? e.detail : 'Something went wrong on our side. Please try again.';
    return fail(e.status, { values, errors });
  }
  return fail(e.status, { values, errors: problemToFormErrors(e, fields) });
}

/** After a successful sign-up or sign-in: keep the session in our cookie and go where asked. */
export function completeSignIn(event: RequestEvent, auth: AuthResponse): never {
  setSessionCookie(event.cookies, event.url, auth);
  redirect(303, safeRedirectTo(event.url.searchParams.get('redirectTo')));
}
