import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';

/** A fresh identity per test run, so runs never collide in the database or on the email. */
export function uniqueAccount(prefix: string) {
  const id = randomUUID().slice(0, 8);
  return {
    email: `${prefix}-${id}@example.com`,
    displayName: `${prefix[0]?.toUpperCase()}${prefix.slice(1)} ${id}`,
    password: `correct horse ${id}`,
  };
}

/** An account the journeys of one file share: sign-ups are rate limited (a few an hour). */
export function sharedAccount(role: string) {
  return {
    email: `${role}@example.com`,
    displayName: `${role[0]?.toUpperCase()}${role.slice(1)} Shared`,
    password: `correct horse ${role}`,
  };
}

/**
 * Signs `account` in, or up the first time, through the given request context; a page's
 * `page.request` leaves that page signed in. Signing in first spends no sign-up (a handful an
 * hour per address), and only the first, failed sign-in counts against the login limit.
 */
export async function signUpOrIn(
  request: APIRequestContext,
  account: ReturnType<typeof sharedAccount>,
): Promise<void> {
  const login = await request.post('/api/auth/login', {
    data: { email: account.email, password: account.password },
  });
  if (login.status() === 200) return;
  expect(login.status(), await login.text()).toBe(401);
  const signup = await request.post('/api/auth/signup', { data: account });
  expect(signup.status(), await signup.text()).toBe(201);
}
