import { createDb, migrateToLatest, Store } from '@ficathon/db';
import type { Express } from 'express';
import { createApp } from './app';
import type { Config } from './env';
import type { Logger } from './logger';
import { seedDemo } from './seed/seed-demo';

export interface Container {
  app: Express;
  store: Store;
}

/**
 * Wires the running API: opens the database the config names, applies pending migrations, seeds
 * the demo on a first start, and builds the app. Plain constructors, no singletons.
 */
export async function createContainer(config: Config, logger: Logger): Promise<Container> {
  const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(handle.db);
    logger.info({ db: handle.kind, location: handle.location, applied }, 'database ready');
    const store = new Store(handle);
    if (config.seedDemo && (await seedDemo(store, new Date()))) {
      logger.info('seeded the demo challenge');
    }
    const app = createApp({
      store,
      logger,
      origins: config.origins,
      bodyLimit: config.bodyLimit,
      trustProxy: config.trustProxy,
    });
    return { app, store };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
