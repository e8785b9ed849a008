import { randomUUID } from 'node:crypto';

/** A fresh identity per test run, so runs never collide in the database or on the email. */
export function uniqueAccount(prefix: string) {
  const id = randomUUID().slice(0, 8);
  return {
    email: `${prefix}-${id}@example.com`,
    displayName: `${prefix[0]?.toUpperCase()}${prefix.slice(1)} ${id}`,
    password: `correct horse ${id}`,
  };
}
