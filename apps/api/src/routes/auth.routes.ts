import type { RequestHandler } from 'express';
import {
  AuthResponseSchema,
  LoginRequestSchema,
  SignupRequestSchema,
  type AuthResponse,
} from '@ficathon/schema';
import { problemResponse, type ApiRouter } from '../http/api-router';
import { clearSessionCookie, setSessionCookie } from '../http/authenticate';
import { serializeCurrentUser } from '../serializers/user.serializer';
import type { AuthService, IssuedSession } from '../services/auth.service';

export interface AuthRouteDeps {
  auth: AuthService;
  secureCookies: boolean;
  limiters: { login: RequestHandler; signup: RequestHandler };
}

export function registerAuthRoutes(api: ApiRouter, deps: AuthRouteDeps): void {
  const respond = (session: IssuedSession): AuthResponse => ({
    token: session.token,
    expiresAt: session.expiresAt,
    user: serializeCurrentUser(session.user),
  });

  // Limiters run before the route so a flood is refused before any password is hashed.
  api.router.post('/auth/signup', deps.limiters.signup);
  api.route(
    {
      method: 'post',
      path: '/auth/signup',
      summary: 'Create an account and sign in',
      tag: 'auth',
      auth: 'public',
      body: SignupRequestSchema,
      responses: {
        201: { description: 'Account created; session cookie set.', schema: AuthResponseSchema },
        400: problemResponse('A field is missing or invalid.'),
        409: problemResponse('An account with this email already exists.'),
        429: problemResponse('Too many sign-ups from this client; see Retry-After.'),
      },
    },
    async (_req, res, input) => {
      const session = await deps.auth.signup(input);
      setSessionCookie(res, session.token, session.expiresAt, deps.secureCookies);
      res.status(201).json(respond(session));
    },
  );

  api.router.post('/auth/login', deps.limiters.login);
  api.route(
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in with email and password',
      tag: 'auth',
      auth: 'public',
      body: LoginRequestSchema,
      responses: {
        200: { description: 'Signed in; a new session cookie is set.', schema: AuthResponseSchema },
        400: problemResponse('A field is missing or invalid.'),
        401: problemResponse('Email or password is incorrect.'),
        429: problemResponse('Too many failed attempts from this client; see Retry-After.'),
      },
    },
    async (_req, res, input) => {
      const session = await deps.auth.login(input);
      setSessionCookie(res, session.token, session.expiresAt, deps.secureCookies);
      res.json(respond(session));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/auth/logout',
      summary: 'End the current session',
      tag: 'auth',
      auth: 'public',
      responses: { 204: { description: 'Signed out (also when there was no session).' } },
    },
    async (_req, res) => {
      if (res.locals.auth) await deps.auth.logout(res.locals.auth.session.id);
      clearSessionCookie(res, deps.secureCookies);
      res.status(204).end();
    },
  );
}
