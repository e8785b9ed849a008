import type { FieldError } from '@ficathon/schema';

/**
 * The one error type services throw. The error handler turns it into a problem+json response with
 * this status and code; `detail` is shown to the user, so write it for them.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.name = 'AppError';
  }

  static badRequest(code: string, detail: string, errors?: FieldError[]) {
    return new AppError(400, code, detail, errors);
  }
  static unauthenticated(detail = 'Sign in to do this.') {
    return new AppError(401, 'UNAUTHENTICATED', detail);
  }
  static forbidden(code: string, detail: string) {
    return new AppError(403, code, detail);
  }
  static notFound(detail = 'Nothing was found at this address.') {
    return new AppError(404, 'NOT_FOUND', detail);
  }
  static conflict(code: string, detail: string, errors?: FieldError[]) {
    return new AppError(409, code, detail, errors);
  }
}
