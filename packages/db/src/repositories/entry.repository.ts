import type {
  EntryRow,
  EntryStatus,
  NewEntryRevisionRow,
  NewEntryRow,
} from '../tables/entry.table';
import type { Executor } from './executor';

export interface EntryListRow extends EntryRow {
  pseud_name: string;
}

export class EntryRepository {
  constructor(private readonly db: Executor) {}

  /** A challenge's entries in the given statuses with their pseud, oldest submission first. */
  listByChallenge(challengeId: number, statuses: readonly EntryStatus[]): Promise<EntryListRow[]> {
    return this.db
      .selectFrom('entry')
      .innerJoin('pseud', 'pseud.id', 'entry.pseud_id')
      .selectAll('entry')
      .select('pseud.name as pseud_name')
      .where('entry.challenge_id', '=', challengeId)
      .where('entry.status', 'in', statuses)
      .orderBy('entry.submitted_at')
      .orderBy('entry.id')
      .execute();
  }

  /** How many entries each of the given challenges has in each status. */
  async countByChallengeAndStatus(
    challengeIds: readonly number[],
  ): Promise<{ challengeId: number; status: EntryStatus; count: number }[]> {
    if (challengeIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('entry')
      .select(['challenge_id', 'status', (eb) => eb.fn.countAll<number | string>().as('count')])
      .where('challenge_id', 'in', challengeIds)
      .groupBy(['challenge_id', 'status'])
      .execute();
    return rows.map((row) => ({
      challengeId: row.challenge_id,
      status: row.status,
      count: Number(row.count),
    }));
  }

  findById(id: number): Promise<EntryRow | undefined> {
    return this.db.selectFrom('entry').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByIdWithPseud(id: number): Promise<EntryListRow | undefined> {
    return this.db
      .selectFrom('entry')
      .innerJoin('pseud', 'pseud.id', 'entry.pseud_id')
      .selectAll('entry')
      .select('pseud.name as pseud_name')
      .where('entry.id', '=', id)
      .executeTakeFirst();
  }

  async setModeration(
    id: number,
    change: { status: EntryStatus; moderation_note: string | null; updated_at: string },
  ): Promise<void> {
    await this.db.updateTable('entry').set(change).where('id', '=', id).execute();
  }

  insert(row: NewEntryRow): Promise<EntryRow> {
    return this.db.insertInto('entry').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async insertRevision(row: NewEntryRevisionRow): Promise<void> {
    await this.db.insertInto('entry_revision').values(row).execute();
  }
}
