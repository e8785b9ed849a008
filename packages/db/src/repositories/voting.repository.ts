import type { BallotRow, JudgeScoreRow } from '../tables/voting.table';
import type { Executor } from './executor';

/** Ballots, judges and their scores, entries read, and published results. */
export class VotingRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Casts or replaces a voter's ballot in one statement: the unique constraint makes any number
   * of concurrent casts by one voter leave exactly one ballot (the last one written).
   */
  async castBallot(row: {
    challenge_id: number;
    category_id: string;
    voter_id: number;
    payload_json: string;
    now: string;
  }): Promise<void> {
    await this.db
      .insertInto('ballot')
      .values({
        challenge_id: row.challenge_id,
        category_id: row.category_id,
        voter_id: row.voter_id,
        payload_json: row.payload_json,
        created_at: row.now,
        updated_at: row.now,
      })
      .onConflict((oc) =>
        oc
          .columns(['challenge_id', 'category_id', 'voter_id'])
          .doUpdateSet({ payload_json: row.payload_json, updated_at: row.now }),
      )
      .execute();
  }

  async deleteBallot(challengeId: number, categoryId: string, voterId: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('ballot')
      .where('challenge_id', '=', challengeId)
      .where('category_id', '=', categoryId)
      .where('voter_id', '=', voterId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  listBallotsOf(challengeId: number, voterId: number): Promise<BallotRow[]> {
    return this.db
      .selectFrom('ballot')
      .selectAll()
      .where('challenge_id', '=', challengeId)
      .where('voter_id', '=', voterId)
      .execute();
  }

  /** Every ballot of a category, in id order (the tally does not depend on it). */
  listBallots(challengeId: number, categoryId: string): Promise<BallotRow[]> {
    return this.db
      .selectFrom('ballot')
      .selectAll()
      .where('challenge_id', '=', challengeId)
      .where('category_id', '=', categoryId)
      .orderBy('id')
      .execute();
  }

  async countVoters(challengeId: number): Promise<number> {
    const { n } = await this.db
      .selectFrom('ballot')
      .select((eb) => eb.fn.count<number | string>('voter_id').distinct().as('n'))
      .where('challenge_id', '=', challengeId)
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** The distinct voters of a challenge (to notify them when results are published). */
  async listVoterIds(challengeId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('ballot')
      .select('voter_id')
      .distinct()
      .where('challenge_id', '=', challengeId)
      .execute();
    return rows.map((row) => row.voter_id);
  }

  async isJudge(challengeId: number, userId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('challenge_judge')
      .select('user_id')
      .where('challenge_id', '=', challengeId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  listJudges(challengeId: number): Promise<{ user_id: number; name: string }[]> {
    return this.db
      .selectFrom('challenge_judge')
      .innerJoin('pseud', (join) =>
        join.onRef('pseud.user_id', '=', 'challenge_judge.user_id').on('pseud.is_default', '=', 1),
      )
      .select(['challenge_judge.user_id', 'pseud.name'])
      .where('challenge_judge.challenge_id', '=', challengeId)
      .orderBy('challenge_judge.created_at')
      .orderBy('challenge_judge.user_id')
      .execute();
  }

  async addJudge(challengeId: number, userId: number, now: string): Promise<void> {
    await this.db
      .insertInto('challenge_judge')
      .values({ challenge_id: challengeId, user_id: userId, created_at: now })
      .onConflict((oc) => oc.columns(['challenge_id', 'user_id']).doNothing())
      .execute();
  }

  async removeJudge(challengeId: number, userId: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('challenge_judge')
      .where('challenge_id', '=', challengeId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async saveJudgeScore(row: {
    challenge_id: number;
    entry_id: number;
    judge_id: number;
    scores_json: string;
    comment: string | null;
    now: string;
  }): Promise<void> {
    await this.db
      .insertInto('judge_score')
      .values({
        challenge_id: row.challenge_id,
        entry_id: row.entry_id,
        judge_id: row.judge_id,
        scores_json: row.scores_json,
        comment: row.comment,
        updated_at: row.now,
      })
      .onConflict((oc) =>
        oc.columns(['entry_id', 'judge_id']).doUpdateSet({
          scores_json: row.scores_json,
          comment: row.comment,
          updated_at: row.now,
        }),
      )
      .execute();
  }

  listJudgeScores(challengeId: number): Promise<JudgeScoreRow[]> {
    return this.db
      .selectFrom('judge_score')
      .selectAll()
      .where('challenge_id', '=', challengeId)
      .orderBy('id')
      .execute();
  }

  /** Records that a reader opened an entry (first time only). */
  async recordView(
    entryId: number,
    userId: number,
    challengeId: number,
    now: string,
  ): Promise<void> {
    await this.db
      .insertInto('entry_view')
      .values({
        entry_id: entryId,
        user_id: userId,
        challenge_id: challengeId,
        first_opened_at: now,
      })
      .onConflict((oc) => oc.columns(['entry_id', 'user_id']).doNothing())
      .execute();
  }

  async countViews(challengeId: number, userId: number): Promise<number> {
    const { n } = await this.db
      .selectFrom('entry_view')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('challenge_id', '=', challengeId)
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  async saveResult(challengeId: number, snapshotJson: string, now: string): Promise<void> {
    await this.db
      .insertInto('challenge_result')
      .values({ challenge_id: challengeId, snapshot_json: snapshotJson, published_at: now })
      .execute();
  }

  async findResult(
    challengeId: number,
  ): Promise<{ snapshot_json: string; published_at: string } | undefined> {
    return this.db
      .selectFrom('challenge_result')
      .select(['snapshot_json', 'published_at'])
      .where('challenge_id', '=', challengeId)
      .executeTakeFirst();
  }
}
