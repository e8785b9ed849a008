import pg from 'pg';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../src/testing';

// PostgreSQL only (it needs a server to close connections): present whenever TEST_DATABASE_URL
// is set, as in CI.
const adminUrl = process.env.TEST_DATABASE_URL;

describe.each(adminUrl ? [adminUrl] : [])('a PostgreSQL connection closed by the server', (url) => {
  it('is replaced on the next query, and never crashes the process', async () => {
    const handle = await createTestDb('postgres');
    try {
      await sql`select 1`.execute(handle.db);
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(
        handle.db,
      );
      // What a server restart or an administrator does to idle connections.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [rows[0]!.name],
        );
      } finally {
        await admin.end();
      }
      // Give the pool a moment to notice; an unhandled 'error' would fail this test run.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(again.rows[0]?.one).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
