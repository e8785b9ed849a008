import type { Request } from 'express';
import { MAX_ID } from '@ficathon/schema';
import { AppError } from './app-error';

/** A number that could be a row's id (a positive integer within PostgreSQL's range). */
export function asId(raw: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= MAX_ID ? Number(raw) : undefined;
}

/** A numeric id from the path; anything else names nothing, so it is a 404. */
export function idParam(req: Request, name: string): number {
  const id = asId(String(req.params[name] ?? ''));
  if (id === undefined) throw AppError.notFound();
  return id;
}

/** The signed-in caller of a route declared with `auth: 'session'`. */
export function requireAuth(auth: Express.Locals['auth']) {
  if (!auth) throw AppError.unauthenticated();
  return auth;
}
