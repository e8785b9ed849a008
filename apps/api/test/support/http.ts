import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { expect } from 'vitest';
import type { CurrentUser } from '@ficathon/schema';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

let accountCounter = 0;

/** An email no other account in this test process has. */
export function uniqueEmail(label = 'writer'): string {
  accountCounter += 1;
  return `${label}-${accountCounter}@example.com`;
}

export interface SignedUp {
  token: string;
  user: CurrentUser;
  email: string;
  password: string;
  displayName: string;
}

/** Signs up through the API and returns the session token; fails the test on anything but 201. */
export async function signUp(
  app: Express,
  input: { email?: string; password?: string; displayName?: string } = {},
  headers: Record<string, string> = {},
): Promise<SignedUp> {
  const email = input.email ?? uniqueEmail();
  const password = input.password ?? DEFAULT_PASSWORD;
  const displayName = input.displayName ?? `Writer ${accountCounter}`;
  const res = await request(app)
    .post('/api/auth/signup')
    .set(headers)
    .send({ email, password, displayName });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const body = res.body as { token: string; user: CurrentUser };
  return { token: body.token, user: body.user, email, password, displayName };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
export const sessionCookie = (token: string) => ({ Cookie: `session=${token}` });

/**
 * Asserts an RFC 9457 problem response with the given status and code, and that it carries no
 * stack trace or internal detail.
 */
export function expectProblem(res: Response, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    code,
    detail: expect.any(String),
  });
  expect(res.text).not.toMatch(/\bat\s+\S+\s+\(.*:\d+:\d+\)|node_modules|\.ts:\d+|"stack"/);
}

/** The `path` of every field error of a validation problem. */
export function errorPaths(res: Response): string[] {
  const errors = (res.body as { errors?: { path: string }[] }).errors ?? [];
  return errors.map((error) => error.path);
}

export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names lower-cased; flags map to ''. */
  attributes: Record<string, string>;
}

/** The Set-Cookie of the given name, parsed, or undefined when the response sets none. */
export function setCookie(res: Response, name: string): SetCookie | undefined {
  const raw = res.headers['set-cookie'] as string[] | string | undefined;
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  for (const line of lines) {
    const [pair = '', ...rest] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq) !== name) continue;
    const attributes: Record<string, string> = {};
    for (const attribute of rest) {
      const at = attribute.indexOf('=');
      if (at === -1) attributes[attribute.toLowerCase()] = '';
      else attributes[attribute.slice(0, at).toLowerCase()] = attribute.slice(at + 1);
    }
    return { name, value: decodeURIComponent(pair.slice(eq + 1)), attributes };
  }
  return undefined;
}

/** Every object key anywhere in a JSON value. */
export function keysIn(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) keysIn(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      found.add(key);
      keysIn(child, found);
    }
  }
  return found;
}

/** Every string anywhere in a JSON value (keys excluded). */
export function stringsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) stringsIn(child, found);
  }
  return found;
}
