import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, Store } from '@ficathon/db';
import { afterEach, describe, expect, it } from 'vitest';

const apiRoot = fileURLToPath(new URL('..', import.meta.url));

/** Runs `npm run admin:create -- ...` the way an operator would (through tsx, as the script does). */
function adminCreate(dataDir: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/admin-create.ts', ...args], {
    cwd: apiRoot,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run admin:create', () => {
  let dataDir: string | undefined;
  afterEach(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a site admin with a generated password, then promotes without changing it', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ficathon-admin-'));
    const created = adminCreate(dataDir, [
      '--email',
      'Boss@Example.com',
      '--display-name',
      'The Boss',
    ]);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created site admin boss@example.com');
    const password = /Password \(shown once[^)]*\): (\S+)/.exec(created.stdout)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(20);

    const again = adminCreate(dataDir, ['--email', 'boss@example.com']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('is now a site admin (their password is unchanged)');

    const handle = createDb({ dataDir });
    try {
      const user = await new Store(handle).repos.users.findByEmail('boss@example.com');
      expect(user).toMatchObject({ is_admin: 1, display_name: 'The Boss' });
      // The printed password is the one stored (as an argon2id hash, never in clear).
      expect(user?.password_hash).toMatch(/^\$argon2id\$/);
      expect(user?.password_hash).not.toContain(password!);
    } finally {
      await handle.close();
    }
  }, 60_000);

  it('refuses a bad email with a message naming the option, and exits 2', () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ficathon-admin-'));
    const bad = adminCreate(dataDir, ['--email', 'not-an-email']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--email:');
    const missing = adminCreate(dataDir, []);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain('Usage: npm run admin:create');
  }, 60_000);
});
