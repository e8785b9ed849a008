import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { FieldError, Problem } from '@ficathon/schema';
import { ZodError, type z } from 'zod';
import type { Logger } from '../logger';
import { AppError } from './app-error';

/** Sends an RFC 9457 problem document. */
export function sendProblem(
  res: Response,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
): void {
  const problem: Problem = {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...(res.locals.requestId ? { requestId: res.locals.requestId } : {}),
  };
  res.status(status).type('application/problem+json').json(problem);
}

/** Any /api path no route answered. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, 404, 'NOT_FOUND', `There is no API route ${req.method} ${req.path}.`);
};

// body-parser marks its own failures with a `type`; map each to what the client did wrong.
const BODY_PARSER_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  'entity.too.large': {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    detail: 'The request body is larger than this server accepts.',
  },
  'entity.parse.failed': {
    status: 400,
    code: 'MALFORMED_JSON',
    detail: 'The request body is not valid JSON.',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_ENCODING',
    detail: 'The request body uses a content encoding this server does not accept.',
  },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_CHARSET',
    detail: 'Send the request body as UTF-8.',
  },
  'request.aborted': { status: 400, code: 'REQUEST_ABORTED', detail: 'The request was aborted.' },
  'request.size.invalid': {
    status: 400,
    code: 'REQUEST_SIZE_INVALID',
    detail: 'The request body does not match its Content-Length.',
  },
};

/**
 * The one place errors become responses: typed AppErrors and validation errors say what to fix;
 * anything else is logged with the request id and answered with a 500 that reveals nothing.
 */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof AppError) {
      return sendProblem(res, error.status, error.code, error.detail, error.errors);
    }
    if (error instanceof ZodError) {
      const errors = error.issues.flatMap((issue) => fieldErrorsOf(issue, []));
      const fields = [...new Set(errors.map((e) => e.path || 'body'))].join(', ');
      return sendProblem(res, 400, 'VALIDATION_FAILED', `Check these fields: ${fields}.`, errors);
    }
    const bodyError = bodyParserError(error);
    if (bodyError) return sendProblem(res, bodyError.status, bodyError.code, bodyError.detail);
    const clientStatus = clientErrorStatus(error);
    if (clientStatus !== undefined) {
      // Express and its router mark the client's mistakes (a malformed URL escape, ...) with a
      // 4xx status; their messages are meant to be shown.
      return sendProblem(
        res,
        clientStatus,
        'BAD_REQUEST',
        expose(error) ?? 'The request is malformed.',
      );
    }
    if (isDataException(error)) {
      // A value the database cannot hold (PostgreSQL: SQLSTATE class 22) came from the request.
      return sendProblem(
        res,
        400,
        'INVALID_INPUT',
        'The request contains a value that cannot be stored.',
      );
    }

    (req.log ?? logger).error({ err: error, requestId: res.locals.requestId }, 'unhandled error');
    return sendProblem(
      res,
      500,
      'INTERNAL_ERROR',
      'Something went wrong on our side. Please try again; if it keeps happening, tell us the request id.',
    );
  };
}

/**
 * A zod issue as the field errors a client can act on: one per unknown key, named; for a union
 * (a ballot of one of several shapes), the errors of the shape the request was aiming at, the
 * one without unknown keys at its top; for a bad record key, the key's own message.
 */
function fieldErrorsOf(issue: z.core.$ZodIssue, prefix: PropertyKey[]): FieldError[] {
  const at = [...prefix, ...issue.path];
  const path = at.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: path ? `${path}.${key}` : key,
      message: `“${key}” is not something this request takes.`,
    }));
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const aimed = issue.errors.filter(
      (branch) => !branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0),
    );
    const best = [...(aimed.length > 0 ? aimed : issue.errors)].sort(
      (a, b) => a.length - b.length,
    )[0]!;
    return best.flatMap((inner) => fieldErrorsOf(inner, at));
  }
  if (issue.code === 'invalid_key' && issue.issues[0]) {
    return [{ path, message: issue.issues[0].message }];
  }
  return [{ path, message: issue.message }];
}

function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value < 500 ? value : undefined;
}

function expose(error: unknown): string | undefined {
  const { expose: shown, message } = error as { expose?: unknown; message?: unknown };
  return shown === true && typeof message === 'string' ? message : undefined;
}

function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

function bodyParserError(error: unknown) {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  return BODY_PARSER_ERRORS[String((error as { type: unknown }).type)];
}
