import type { ChallengeRow, NewChallengeRow } from '../tables/challenge.table';
import type { Executor } from './executor';

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
