import { Router, type NextFunction, type Request, type Response } from 'express';
import { ProblemSchema } from '@ficathon/schema';
import type { z } from 'zod';
import { AppError } from './app-error';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** Who may call a route, as documented in OpenAPI and enforced by `requireUser`. */
export type RouteAuth = 'public' | 'session';

export interface RouteSpec<
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: HttpMethod;
  /** Express path, e.g. `/challenges/:slug` (mounted under /api). */
  path: string;
  summary: string;
  tag: string;
  auth: RouteAuth;
  body?: Body;
  /** Query parameters: parsed (400 naming the parameter) and documented like a body. */
  query?: Query;
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

/** An error response in a route spec: problem+json, described for OpenAPI. */
export const problemResponse = (description: string) => ({ description, schema: ProblemSchema });

type Input<Body> = Body extends z.ZodType ? z.output<Body> : undefined;

export type RouteHandler<Body, Query = undefined> = (
  req: Request,
  res: Response,
  input: Input<Body>,
  query: Input<Query>,
) => Promise<void> | void;

/**
 * Registers routes together with their contract. Routes stay thin: the body is parsed with the
 * shared zod schema before the handler runs, and every registered spec is listed for OpenAPI.
 */
export class ApiRouter {
  readonly router = Router();
  readonly specs: RouteSpec[] = [];

  route<
    Body extends z.ZodType | undefined = undefined,
    Query extends z.ZodType | undefined = undefined,
  >(spec: RouteSpec<Body, Query>, handler: RouteHandler<Body, Query>): void {
    this.specs.push(spec as RouteSpec);
    this.router[spec.method](spec.path, async (req: Request, res: Response, next: NextFunction) => {
      if (spec.auth === 'session' && !res.locals.auth) throw AppError.unauthenticated();
      const input = spec.body ? parseBody(spec.body, req) : undefined;
      const query = spec.query ? spec.query.parse(req.query) : undefined;
      await handler(req, res, input as Input<Body>, query as Input<Query>);
      if (!res.headersSent) next();
    });
  }
}

function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  if (req.body === undefined) {
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the request body as JSON with the header Content-Type: application/json.',
    );
  }
  // A ZodError here becomes a 400 listing every invalid field (see the error handler).
  return schema.parse(req.body);
}
