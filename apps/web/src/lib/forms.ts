import type { FieldError } from '@ficathon/schema';

/** Field name -> message, plus `form` for a message about the whole form. */
export type FormErrors<F extends string = string> = Partial<Record<F | 'form', string>>;

/** What every form action returns with `fail()`: the values to refill and what went wrong. */
export interface FormFailure<F extends string = string> {
  values: Partial<Record<F, string>>;
  errors: FormErrors<F>;
}

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Maps zod issues to one message per field, keyed by the issue's first path segment. The first
 * issue for a field wins: it is usually the most basic one ("Enter your email" before "too long").
 */
export function issuesToFieldErrors<F extends string>(
  issues: readonly IssueLike[],
  fields: readonly F[],
): FormErrors<F> {
  const errors: FormErrors<F> = {};
  for (const issue of issues) {
    const head = issue.path[0];
    const key =
      typeof head === 'string' && (fields as readonly string[]).includes(head)
        ? (head as F)
        : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Maps an API problem's `errors` (dotted paths) to field errors. Errors for a field the form does
 * not have, and a problem without field errors, become the form-level message (`detail`).
 */
export function problemToFormErrors<F extends string>(
  problem: { detail?: string; title?: string; errors?: readonly FieldError[] },
  fields: readonly F[],
): FormErrors<F> {
  const errors: FormErrors<F> = {};
  for (const { path, message } of problem.errors ?? []) {
    const head = path.split('.')[0] ?? '';
    if ((fields as readonly string[]).includes(head)) {
      errors[head as F] ??= message;
    } else {
      errors.form ??= message;
    }
  }
  if (Object.keys(errors).length === 0) {
    errors.form = problem.detail ?? problem.title ?? 'Something went wrong. Please try again.';
  }
  return errors;
}

/** Reads a text field from submitted form data; a missing field or a file becomes ''. */
export function formString(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/** Says how long to wait before retrying, from a Retry-After value in seconds. */
export function retryMessage(retryAfterSeconds: number | null): string {
  if (retryAfterSeconds === null || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds <= 0) {
    return 'Too many attempts. Please wait a little and try again.';
  }
  if (retryAfterSeconds < 90) {
    const s = Math.ceil(retryAfterSeconds);
    return `Too many attempts. Please try again in ${s} second${s === 1 ? '' : 's'}.`;
  }
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts. Please try again in ${minutes} minutes.`;
}
