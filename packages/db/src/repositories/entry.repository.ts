import type {
  EntryRevisionRow,
  EntryRow,
  EntryRowUpdate,
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

  /** Entries in the given statuses other than `exceptId`, by one writer or on one prompt. */
  async countOthers(
    challengeId: number,
    statuses: readonly EntryStatus[],
    exceptId: number | null,
    by: { userId: number } | { promptId: number },
  ): Promise<number> {
    let query = this.db
      .selectFrom('entry')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('challenge_id', '=', challengeId)
      .where('status', 'in', statuses)
      .where('id', '!=', exceptId ?? -1);
    query =
      'userId' in by
        ? query.where('user_id', '=', by.userId)
        : query.where('prompt_id', '=', by.promptId);
    const { n } = await query.executeTakeFirstOrThrow();
    return Number(n);
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
    return this.db
      .insertInto('entry')
      .values({ ...row, title_key: titleKey(row.title) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  update(id: number, patch: EntryRowUpdate): Promise<EntryRow> {
    return this.db
      .updateTable('entry')
      .set(patch.title === undefined ? patch : { ...patch, title_key: titleKey(patch.title) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A writer's entries across challenges, newest change first, with their challenge. */
  listByUser(
    userId: number,
  ): Promise<(EntryListRow & { challenge_slug: string; challenge_title: string })[]> {
    return this.db
      .selectFrom('entry')
      .innerJoin('pseud', 'pseud.id', 'entry.pseud_id')
      .innerJoin('challenge', 'challenge.id', 'entry.challenge_id')
      .selectAll('entry')
      .select([
        'pseud.name as pseud_name',
        'challenge.slug as challenge_slug',
        'challenge.title as challenge_title',
      ])
      .where('entry.user_id', '=', userId)
      .orderBy('entry.updated_at', 'desc')
      .orderBy('entry.id', 'desc')
      .execute();
  }

  async insertRevision(row: NewEntryRevisionRow): Promise<EntryRevisionRow> {
    return this.db
      .insertInto('entry_revision')
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Every saved version, oldest first. */
  listRevisions(entryId: number): Promise<EntryRevisionRow[]> {
    return this.db
      .selectFrom('entry_revision')
      .selectAll()
      .where('entry_id', '=', entryId)
      .orderBy('id')
      .execute();
  }

  findRevision(entryId: number, revisionId: number): Promise<EntryRevisionRow | undefined> {
    return this.db
      .selectFrom('entry_revision')
      .selectAll()
      .where('entry_id', '=', entryId)
      .where('id', '=', revisionId)
      .executeTakeFirst();
  }

  async listExceptions(entryId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('entry_rule_exception')
      .select('rule')
      .where('entry_id', '=', entryId)
      .execute();
    return rows.map((row) => row.rule);
  }

  async grantException(
    entryId: number,
    rule: string,
    grantedBy: number,
    now: string,
  ): Promise<void> {
    await this.db
      .insertInto('entry_rule_exception')
      .values({ entry_id: entryId, rule, granted_by: grantedBy, created_at: now })
      .onConflict((oc) => oc.columns(['entry_id', 'rule']).doNothing())
      .execute();
  }
}

/** Titles sort without regard to case (the same way on both databases: see the migration). */
function titleKey(title: string): string {
  return title.toLowerCase();
}
