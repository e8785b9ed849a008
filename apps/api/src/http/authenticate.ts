import { parse as parseCookies } from 'cookie';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { SESSION_COOKIE } from '@ficathon/schema';
import type { AuthService } from '../services/auth.service';
import { AppError } from './app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function cookieToken(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookies(header)[SESSION_COOKIE] : undefined;
}

/**
 * Cross-site request forgery guard for cookie sessions. Browsers send Origin (and modern ones
 * Sec-Fetch-Site) with every unsafe request; a request from another site is refused. A client
 * that sends neither is not a browser, so there is no victim's cookie jar to abuse.
 */
function isCrossSite(req: Request, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) return !origins.includes(origin);
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/**
 * Resolves the caller from `Authorization: Bearer` or the `session` cookie and stores it in
 * res.locals.auth. A bad or expired token makes the caller a visitor, never an error: public
 * routes keep working, protected ones answer 401.
 */
export function authenticate(
  auth: AuthService,
  origins: readonly string[],
  secureCookies: boolean,
): RequestHandler {
  return async (req, res, next) => {
    res.locals.auth = null;
    const bearer = bearerToken(req);
    const token = bearer ?? cookieToken(req);
    if (bearer === undefined && token !== undefined && !SAFE_METHODS.has(req.method)) {
      if (isCrossSite(req, origins)) {
        throw AppError.forbidden(
          'CROSS_SITE_REQUEST',
          'This request came from another site and was refused. Use the site itself to do this.',
        );
      }
    }
    if (token) res.locals.auth = await auth.authenticate(token);
    // A renewed session must reach the browser too, or its cookie expires on the old date.
    if (res.locals.auth?.renewed && bearer === undefined && token) {
      setSessionCookie(res, token, res.locals.auth.session.expires_at, secureCookies);
    }
    next();
  };
}

export function sessionCookieOptions(secure: boolean, expiresAt?: string): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    ...(expiresAt ? { expires: new Date(expiresAt) } : {}),
  };
}

export function setSessionCookie(res: Response, token: string, expiresAt: string, secure: boolean) {
  res.cookie(SESSION_COOKIE, token, sessionCookieOptions(secure, expiresAt));
}

export function clearSessionCookie(res: Response, secure: boolean) {
  res.clearCookie(SESSION_COOKIE, sessionCookieOptions(secure));
}
