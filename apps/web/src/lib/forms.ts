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
 * Which form field a request path belongs to (`schedule.closesAt` -> `closesAt`). The default is
 * the path's first segment, which suits forms whose fields mirror a flat request body.
 */
export type FieldForPath = (path: readonly string[]) => string | undefined;

const firstSegment: FieldForPath = (path) => path[0];

function fieldKey<F extends string>(
  path: readonly string[],
  fields: readonly F[],
  fieldForPath: FieldForPath,
): F | 'form' {
  const field = fieldForPath(path);
  return field !== undefined && (fields as readonly string[]).includes(field)
    ? (field as F)
    : 'form';
}

/**
 * Maps zod issues to one message per field, keyed by the issue's first path segment (or by
 * `fieldForPath`). The first issue for a field wins: it is usually the most basic one ("Enter
 * your email" before "too long").
 */
export function issuesToFieldErrors<F extends string>(
  issues: readonly IssueLike[],
  fields: readonly F[],
  fieldForPath: FieldForPath = firstSegment,
): FormErrors<F> {
  const errors: FormErrors<F> = {};
  for (const issue of issues) {
    const key = fieldKey(issue.path.map(String), fields, fieldForPath);
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
  fieldForPath: FieldForPath = firstSegment,
): FormErrors<F> {
  const errors: FormErrors<F> = {};
  for (const { path, message } of problem.errors ?? []) {
    errors[fieldKey(path.split('.'), fields, fieldForPath)] ??= message;
  }
  if (Object.keys(errors).length === 0) {
    errors.form = problem.detail ?? problem.title ?? 'Something went wrong. Please try again.';
  }
  return errors;
}

/**
 * A number field as the API wants it: '' is `empty` (no limit), digits are a number, and anything
 * else is passed on as text so that validation names the field ("must be a whole number").
 */
export function numberOrText<E>(raw: string, empty: E): number | string | E {
  const text = raw.trim();
  if (text === '') return empty;
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/** Every string value submitted under `name` (a group of checkboxes). */
export function formStrings(data: FormData, name: string): string[] {
  return data.getAll(name).filter((value): value is string => typeof value === 'string');
}

/** A checkbox: ticked when submitted at all. */
export function formBoolean(data: FormData, name: string): boolean {
  return data.has(name);
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
