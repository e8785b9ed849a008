import type { ChallengeRow, ChallengeRowUpdate, NewChallengeRow } from '../tables/challenge.table';
import { isPostgres, type Executor } from './executor';

export interface ChallengeListRow extends ChallengeRow {
  organizer_name: string;
  prompt_count: number;
}

export class ChallengeRepository {
  constructor(private readonly db: Executor) {}

  /** Challenges with their organizer's pseud and prompt count, newest first. */
  async listWithOrganizer(): Promise<ChallengeListRow[]> {
    const rows = await this.listQuery()
      .orderBy('challenge.created_at', 'desc')
      .orderBy('challenge.id', 'desc')
      .execute();
    return rows.map(toListRow);
  }

  async findBySlugWithOrganizer(slug: string): Promise<ChallengeListRow | undefined> {
    const row = await this.listQuery().where('challenge.slug', '=', slug).executeTakeFirst();
    return row && toListRow(row);
  }

  /** The challenges a community has hosted, newest first. */
  async listByCommunity(communityId: number): Promise<ChallengeListRow[]> {
    const rows = await this.listQuery()
      .where('challenge.community_id', '=', communityId)
      .orderBy('challenge.created_at', 'desc')
      .orderBy('challenge.id', 'desc')
      .execute();
    return rows.map(toListRow);
  }

  /** Holds the challenge's row until the transaction ends, so concurrent acts on it queue up. */
  async lockForUpdate(id: number): Promise<void> {
    // PostgreSQL runs transactions side by side, so a read-then-write use case must lock the row
    // it decides on; our SQLite connection runs one transaction at a time (and has no FOR UPDATE).
    if (!isPostgres(this.db)) return;
    await this.db.selectFrom('challenge').select('id').where('id', '=', id).forUpdate().execute();
  }

  async findSlugById(id: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('challenge')
      .select('slug')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.slug;
  }

  findBySlug(slug: string): Promise<ChallengeRow | undefined> {
    return this.db.selectFrom('challenge').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  async count(): Promise<number> {
    const { count } = await this.db
      .selectFrom('challenge')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  insert(row: NewChallengeRow): Promise<ChallengeRow> {
    return this.db.insertInto('challenge').values(row).returningAll().executeTakeFirstOrThrow();
  }

  update(id: number, patch: ChallengeRowUpdate): Promise<ChallengeRow> {
    return this.db
      .updateTable('challenge')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('challenge').where('id', '=', id).execute();
  }

  /** Challenges the user organizes (owns or co-organizes), newest first. */
  async listOrganizedBy(userId: number): Promise<ChallengeListRow[]> {
    const rows = await this.listQuery()
      .where((eb) =>
        eb.or([
          eb('challenge.owner_id', '=', userId),
          eb.exists(
            eb
              .selectFrom('challenge_organizer')
              .select('challenge_organizer.user_id')
              .whereRef('challenge_organizer.challenge_id', '=', 'challenge.id')
              .where('challenge_organizer.user_id', '=', userId),
          ),
          // Moderators (and the owner) of the hosting community co-organize its challenges.
          eb.exists(
            eb
              .selectFrom('community')
              .select('community.id')
              .whereRef('community.id', '=', 'challenge.community_id')
              .where((c) =>
                c.or([
                  c('community.owner_id', '=', userId),
                  c.exists(
                    c
                      .selectFrom('community_moderator')
                      .select('community_moderator.user_id')
                      .whereRef('community_moderator.community_id', '=', 'community.id')
                      .where('community_moderator.user_id', '=', userId),
                  ),
                ]),
              ),
          ),
        ]),
      )
      .orderBy('challenge.created_at', 'desc')
      .orderBy('challenge.id', 'desc')
      .execute();
    return rows.map(toListRow);
  }

  private listQuery() {
    return this.db
      .selectFrom('challenge')
      .innerJoin('pseud', 'pseud.id', 'challenge.organizer_pseud_id')
      .selectAll('challenge')
      .select((eb) => [
        'pseud.name as organizer_name',
        eb
          .selectFrom('prompt')
          .select(eb.fn.countAll<number | string>().as('n'))
          .whereRef('prompt.challenge_id', '=', 'challenge.id')
          .as('prompt_count'),
      ]);
  }
}

// PostgreSQL returns count(*) as a string (bigint); SQLite as a number.
function toListRow(
  row: ChallengeRow & { organizer_name: string; prompt_count: unknown },
): ChallengeListRow {
  return { ...row, prompt_count: Number(row.prompt_count ?? 0) };
}
