import type { Request } from 'express';
import { AppError } from './app-error';

/** A numeric id from the path; anything else names nothing, so it is a 404. */
export function idParam(req: Request, name: string): number {
  const raw = String(req.params[name] ?? '');
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw AppError.notFound();
  return Number(raw);
}

/** The signed-in caller of a route declared with `auth: 'session'`. */
export function requireAuth(auth: Express.Locals['auth']) {
  if (!auth) throw AppError.unauthenticated();
  return auth;
}
