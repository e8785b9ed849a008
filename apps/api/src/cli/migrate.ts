// `npm run db:migrate`: applies pending migrations to the database the environment names.
import { createDb, migrateToLatest } from '@ficathon/db';
import { loadConfig } from '../env';

const config = loadConfig();
const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrateToLatest(handle.db);
  console.log(
    applied.length > 0
      ? `Applied ${applied.length} migration(s) to ${handle.location}:\n  ${applied.join('\n  ')}`
      : `${handle.location} is up to date.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
