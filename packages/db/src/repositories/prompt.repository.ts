import type { NewPromptRow, PromptRow } from '../tables/challenge.table';
import type { Executor } from './executor';

export class PromptRepository {
  constructor(private readonly db: Executor) {}

  listByChallenge(challengeId: number): Promise<PromptRow[]> {
    return this.db
      .selectFrom('prompt')
      .selectAll()
      .where('challenge_id', '=', challengeId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  insert(row: NewPromptRow): Promise<PromptRow> {
    return this.db.insertInto('prompt').values(row).returningAll().executeTakeFirstOrThrow();
  }
}
