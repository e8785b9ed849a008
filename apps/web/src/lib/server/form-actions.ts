import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { AuthResponse } from '@ficathon/schema';
import { problemToFormErrors, retryMessage, type FieldForPath, type FormErrors } from '$lib/forms';
import { safeRedirectTo } from '$lib/redirect';
import { ApiError } from './api';
import { setSessionCookie } from './session';

/**
 * Turns a failed API call of a form action into `fail()` with field and form errors, or rethrows
 * what is not the visitor's to fix.
 */
export function apiFailure<F extends string, V = Partial<Record<F, string>>>(
  e: unknown,
  fields: readonly F[],
  values: V,
  fieldForPath?: FieldForPath,
): ActionFailure<{ values: V; errors: FormErrors<F> }> {
  if (!(e instanceof ApiError)) throw e;
  return fail(e.status, { values, errors: apiFormErrors(e, fields, fieldForPath) });
}

/** The field and form messages for a failed API call, for forms that build their own `fail()`. */
export function apiFormErrors<F extends string>(
  e: ApiError,
  fields: readonly F[],
  fieldForPath?: FieldForPath,
): FormErrors<F> {
  const errors: FormErrors<F> = {};
  if (e.status === 429) {
    errors.form = retryMessage(e.retryAfter);
    return errors;
  }
  if (e.status >= 500) {
    errors.form =
      e.status === 503 ? e.detail : 'Something went wrong on our side. Please try again.';
    return errors;
  }
  return problemToFormErrors(e, fields, fieldForPath);
}

/** Sends a visitor to sign in, and back to `event`'s page afterwards. */
export function signInFirst(event: Pick<RequestEvent, 'url'>): never {
  redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname)}`);
}

/** Rethrows a 401 from the API (the session ended mid-visit) as a trip to the sign-in page. */
export function signInIfSessionEnded(event: Pick<RequestEvent, 'url'>, e: unknown): void {
  if (e instanceof ApiError && e.status === 401) signInFirst(event);
}

/** After a successful sign-up or sign-in: keep the session in our cookie and go where asked. */
export function completeSignIn(event: RequestEvent, auth: AuthResponse): never {
  setSessionCookie(event.cookies, event.url, auth);
  redirect(303, safeRedirectTo(event.url.searchParams.get('redirectTo')));
}

/**
 * Like `apiFailure`, for pages with several forms: the failure names the form (`action`) so the
 * page shows the messages next to the right one. `extra` carries anything else the form needs
 * (e.g. which prompt's form it was).
 */
export function actionFailure<A extends string, F extends string, V, X extends object = object>(
  action: A,
  e: unknown,
  fields: readonly F[],
  values: V,
  extra?: X,
): ActionFailure<{ action: A; values: V; errors: FormErrors<F> } & X> {
  if (!(e instanceof ApiError)) throw e;
  return fail(e.status, {
    action,
    values,
    errors: apiFormErrors(e, fields),
    ...(extra as X),
  });
}
