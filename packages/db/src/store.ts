import type { DatabaseKind } from '@ficathon/schema';
import type { DbHandle } from './client';
import { createRepositories, type Repositories } from './repositories/index';

/**
 * What services use to reach the database: repositories for single statements, and
 * `transaction()` for a use case that writes more than once (all or nothing).
 */
export class Store {
  readonly repos: Repositories;
  readonly kind: DatabaseKind;

  constructor(readonly handle: DbHandle) {
    this.repos = createRepositories(handle.db);
    this.kind = handle.kind;
  }

  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.handle.db.transaction().execute((trx) => work(createRepositories(trx)));
  }
}
