import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseKind } from '@ficathon/schema';
import { createDb, migrateToLatest, type DbHandle } from './client';

/**
 * Test support: each call makes a brand-new, migrated database of the given kind and removes it
 * on close. SQLite is always tested; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it).
 */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function createTestDb(kind: DatabaseKind): Promise<DbHandle> {
  const handle = kind === 'postgres' ? await createPostgresTestDb() : createSqliteTestDb();
  await migrateToLatest(handle.db);
  return handle;
}

function createSqliteTestDb(): DbHandle {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ficathon-test-'));
  const handle = createDb({ dataDir: dir });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresTestDb(): Promise<DbHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `ficathon_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ databaseUrl: url.toString(), dataDir: os.tmpdir() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdminClient(adminUrl, (client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
}

async function withAdminClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
