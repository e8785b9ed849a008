import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../database';
import type {
  NewPromptRow,
  PromptClaimRow,
  PromptRow,
  PromptRowUpdate,
} from '../tables/challenge.table';
import type { Timestamp } from '../tables/user.table';
import { isPostgres, type Executor } from './executor';

export interface PromptListRow extends PromptRow {
  claim_count: number;
  claimed_by_viewer: boolean;
}

/**
 * A claim holds while it is not released and either has not expired or has been answered: a
 * claim "expires after D days if no entry follows", so an entry on the prompt keeps it.
 */
function isLiveClaim(eb: ExpressionBuilder<Database, 'prompt_claim'>, now: Timestamp) {
  return eb.and([
    eb('prompt_claim.released_at', 'is', null),
    eb.or([
      eb('prompt_claim.expires_at', 'is', null),
      eb('prompt_claim.expires_at', '>', now),
      eb.exists(
        eb
          .selectFrom('entry')
          .select('entry.id')
          .whereRef('entry.prompt_id', '=', 'prompt_claim.prompt_id')
          .whereRef('entry.user_id', '=', 'prompt_claim.user_id')
          .where('entry.status', 'not in', ['withdrawn', 'rejected']),
      ),
    ]),
  ]);
}

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

  /** Prompts in order with their live claim counts, and whether `viewerId` holds a claim. */
  async listWithClaims(
    challengeId: number,
    now: Timestamp,
    viewerId: number | null,
  ): Promise<PromptListRow[]> {
    const rows = await this.db
      .selectFrom('prompt')
      .selectAll('prompt')
      .select((eb) => [
        eb
          .selectFrom('prompt_claim')
          .select(eb.fn.countAll<number | string>().as('n'))
          .whereRef('prompt_claim.prompt_id', '=', 'prompt.id')
          .where((claim) => isLiveClaim(claim, now))
          .as('claim_count'),
        eb
          .selectFrom('prompt_claim')
          .select(eb.fn.countAll<number | string>().as('n'))
          .whereRef('prompt_claim.prompt_id', '=', 'prompt.id')
          .where('prompt_claim.user_id', '=', viewerId ?? -1)
          .where((claim) => isLiveClaim(claim, now))
          .as('viewer_claims'),
      ])
      .where('prompt.challenge_id', '=', challengeId)
      .orderBy('prompt.position')
      .orderBy('prompt.id')
      .execute();
    return rows.map(({ viewer_claims, claim_count, ...prompt }) => ({
      ...prompt,
      claim_count: Number(claim_count ?? 0),
      claimed_by_viewer: Number(viewer_claims ?? 0) > 0,
    }));
  }

  findInChallenge(challengeId: number, promptId: number): Promise<PromptRow | undefined> {
    return this.db
      .selectFrom('prompt')
      .selectAll()
      .where('challenge_id', '=', challengeId)
      .where('id', '=', promptId)
      .executeTakeFirst();
  }

  /** Holds the prompt's row until the transaction ends, so concurrent claims queue up. */
  async lockForUpdate(id: number): Promise<void> {
    // PostgreSQL runs transactions side by side, so a read-then-write use case must lock the row
    // it decides on; our SQLite connection runs one transaction at a time (and has no FOR UPDATE).
    if (!isPostgres(this.db)) return;
    await this.db.selectFrom('prompt').select('id').where('id', '=', id).forUpdate().execute();
  }

  async countByChallenge(challengeId: number): Promise<number> {
    const { count } = await this.db
      .selectFrom('prompt')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('challenge_id', '=', challengeId)
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  async maxPosition(challengeId: number): Promise<number> {
    const row = await this.db
      .selectFrom('prompt')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('challenge_id', '=', challengeId)
      .executeTakeFirst();
    return Number(row?.max ?? 0);
  }

  insert(row: NewPromptRow): Promise<PromptRow> {
    return this.db.insertInto('prompt').values(row).returningAll().executeTakeFirstOrThrow();
  }

  update(id: number, patch: PromptRowUpdate): Promise<PromptRow> {
    return this.db
      .updateTable('prompt')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('prompt').where('id', '=', id).execute();
  }

  async setPosition(id: number, position: number): Promise<void> {
    await this.db.updateTable('prompt').set({ position }).where('id', '=', id).execute();
  }

  async countLiveClaims(promptId: number, now: Timestamp): Promise<number> {
    const { count } = await this.db
      .selectFrom('prompt_claim')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('prompt_claim.prompt_id', '=', promptId)
      .where((eb) => isLiveClaim(eb, now))
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  findLiveClaim(
    promptId: number,
    userId: number,
    now: Timestamp,
  ): Promise<PromptClaimRow | undefined> {
    return this.db
      .selectFrom('prompt_claim')
      .selectAll()
      .where('prompt_claim.prompt_id', '=', promptId)
      .where('prompt_claim.user_id', '=', userId)
      .where((eb) => isLiveClaim(eb, now))
      .executeTakeFirst();
  }

  /** Releases every unreleased claim of a writer on a prompt (live or lapsed). */
  async releaseClaims(promptId: number, userId: number, now: Timestamp): Promise<number> {
    const result = await this.db
      .updateTable('prompt_claim')
      .set({ released_at: now })
      .where('prompt_id', '=', promptId)
      .where('user_id', '=', userId)
      .where('released_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async insertClaim(row: {
    prompt_id: number;
    challenge_id: number;
    user_id: number;
    claimed_at: Timestamp;
    expires_at: Timestamp | null;
  }): Promise<void> {
    await this.db.insertInto('prompt_claim').values(row).execute();
  }

  /** Every live claim in a challenge: who holds which prompt. */
  listLiveClaims(
    challengeId: number,
    now: Timestamp,
  ): Promise<{ prompt_id: number; user_id: number }[]> {
    return this.db
      .selectFrom('prompt_claim')
      .select(['prompt_claim.prompt_id', 'prompt_claim.user_id'])
      .where('prompt_claim.challenge_id', '=', challengeId)
      .where((eb) => isLiveClaim(eb, now))
      .execute();
  }

  async addDrawSignup(challengeId: number, userId: number, now: Timestamp): Promise<void> {
    await this.db
      .insertInto('prompt_draw_signup')
      .values({ challenge_id: challengeId, user_id: userId, created_at: now })
      .onConflict((oc) => oc.columns(['challenge_id', 'user_id']).doNothing())
      .execute();
  }

  async removeDrawSignup(challengeId: number, userId: number): Promise<void> {
    await this.db
      .deleteFrom('prompt_draw_signup')
      .where('challenge_id', '=', challengeId)
      .where('user_id', '=', userId)
      .execute();
  }

  /** How many writers have signed up for the draw, and whether `userId` is one of them. */
  async drawSignupStatus(
    challengeId: number,
    userId: number | null,
  ): Promise<{ signedUp: number; viewerSignedUp: boolean }> {
    const rows = await this.db
      .selectFrom('prompt_draw_signup')
      .select('user_id')
      .where('challenge_id', '=', challengeId)
      .execute();
    return { signedUp: rows.length, viewerSignedUp: rows.some((row) => row.user_id === userId) };
  }

  /** Writers signed up for the draw, with their default pseud, in user-id order. */
  listDrawSignups(challengeId: number): Promise<{ user_id: number; name: string }[]> {
    return this.db
      .selectFrom('prompt_draw_signup')
      .innerJoin('pseud', (join) =>
        join
          .onRef('pseud.user_id', '=', 'prompt_draw_signup.user_id')
          .on('pseud.is_default', '=', 1),
      )
      .select(['prompt_draw_signup.user_id', 'pseud.name'])
      .where('prompt_draw_signup.challenge_id', '=', challengeId)
      .orderBy('prompt_draw_signup.user_id')
      .execute();
  }
}
