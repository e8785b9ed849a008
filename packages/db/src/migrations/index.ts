import type { Migration, MigrationProvider } from 'kysely';
import * as accounts from './2026-11-21-01-accounts';
import * as challenges from './2026-11-21-02-challenges';
import * as organizers from './2026-11-22-01-organizers';
import * as entries from './2026-11-22-02-entries';
import * as readers from './2026-11-22-03-readers';
import * as voting from './2026-11-22-04-voting';

/**
 * Every migration, in order. A static list (rather than reading a folder) so bundled builds carry
 * them. Landed migrations are frozen: change the schema with a new one.
 */
const migrations: Record<string, Migration> = {
  '2026-11-21-01-accounts': accounts,
  '2026-11-21-02-challenges': challenges,
  '2026-11-22-01-organizers': organizers,
  '2026-11-22-02-entries': entries,
  '2026-11-22-03-readers': readers,
  '2026-11-22-04-voting': voting,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
