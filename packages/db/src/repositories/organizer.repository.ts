import type { AuditLogRow, CommunityRow, DeadlineExtensionRow } from '../tables/challenge.table';
import type { Timestamp } from '../tables/user.table';
import type { Executor } from './executor';

export interface OrganizerListRow {
  user_id: number;
  name: string;
  is_owner: boolean;
}

/** Who runs a challenge (co-organizers, community moderators), their extensions and audit log. */
export class OrganizerRepository {
  constructor(private readonly db: Executor) {}

  async isCoOrganizer(challengeId: number, userId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('challenge_organizer')
      .select('user_id')
      .where('challenge_id', '=', challengeId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Whether the user moderates the community: its owner, or a moderator they added. */
  async isCommunityModerator(communityId: number, userId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('community')
      .select('community.id')
      .where('community.id', '=', communityId)
      .where((eb) =>
        eb.or([
          eb('community.owner_id', '=', userId),
          eb.exists(
            eb
              .selectFrom('community_moderator')
              .select('community_moderator.user_id')
              .whereRef('community_moderator.community_id', '=', 'community.id')
              .where('community_moderator.user_id', '=', userId),
          ),
        ]),
      )
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The owner first, then co-organizers in the order they joined, with their default pseud. */
  async listForChallenge(challengeId: number): Promise<OrganizerListRow[]> {
    const owner = await this.db
      .selectFrom('challenge')
      .innerJoin('pseud', 'pseud.id', 'challenge.organizer_pseud_id')
      .select(['challenge.owner_id as user_id', 'pseud.name'])
      .where('challenge.id', '=', challengeId)
      .executeTakeFirstOrThrow();
    const others = await this.db
      .selectFrom('challenge_organizer')
      .innerJoin('pseud', (join) =>
        join
          .onRef('pseud.user_id', '=', 'challenge_organizer.user_id')
          .on('pseud.is_default', '=', 1),
      )
      .select(['challenge_organizer.user_id', 'pseud.name'])
      .where('challenge_organizer.challenge_id', '=', challengeId)
      .orderBy('challenge_organizer.created_at')
      .orderBy('challenge_organizer.user_id')
      .execute();
    return [{ ...owner, is_owner: true }, ...others.map((row) => ({ ...row, is_owner: false }))];
  }

  async addCoOrganizer(challengeId: number, userId: number, now: Timestamp): Promise<void> {
    await this.db
      .insertInto('challenge_organizer')
      .values({ challenge_id: challengeId, user_id: userId, created_at: now })
      .execute();
  }

  async removeCoOrganizer(challengeId: number, userId: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('challenge_organizer')
      .where('challenge_id', '=', challengeId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  findExtension(challengeId: number, userId: number): Promise<DeadlineExtensionRow | undefined> {
    return this.db
      .selectFrom('deadline_extension')
      .selectAll()
      .where('challenge_id', '=', challengeId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  listExtensions(challengeId: number): Promise<DeadlineExtensionRow[]> {
    return this.db
      .selectFrom('deadline_extension')
      .selectAll()
      .where('challenge_id', '=', challengeId)
      .execute();
  }

  /** Grants or replaces one writer's extension. */
  async upsertExtension(row: DeadlineExtensionRow): Promise<void> {
    await this.db
      .insertInto('deadline_extension')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['challenge_id', 'user_id']).doUpdateSet({
          until: row.until,
          granted_by: row.granted_by,
          created_at: row.created_at,
        }),
      )
      .execute();
  }

  async appendAudit(row: {
    challenge_id: number;
    actor_id: number | null;
    action: string;
    detail: Record<string, unknown>;
    created_at: Timestamp;
  }): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        challenge_id: row.challenge_id,
        actor_id: row.actor_id,
        action: row.action,
        detail_json: JSON.stringify(row.detail),
        created_at: row.created_at,
      })
      .execute();
  }

  /** The audit log, newest first, with each actor's default pseud. */
  listAudit(
    challengeId: number,
    limit = 200,
  ): Promise<(AuditLogRow & { actor_name: string | null })[]> {
    return this.db
      .selectFrom('audit_log')
      .leftJoin('pseud', (join) =>
        join.onRef('pseud.user_id', '=', 'audit_log.actor_id').on('pseud.is_default', '=', 1),
      )
      .selectAll('audit_log')
      .select('pseud.name as actor_name')
      .where('audit_log.challenge_id', '=', challengeId)
      .orderBy('audit_log.id', 'desc')
      .limit(limit)
      .execute();
  }

  insertCommunity(row: {
    slug: string;
    name: string;
    description: string;
    owner_id: number;
    created_at: Timestamp;
  }): Promise<CommunityRow> {
    return this.db.insertInto('community').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Communities with how many challenges each has hosted, by name. */
  async listCommunities(): Promise<(CommunityRow & { challenge_count: number })[]> {
    const rows = await this.db
      .selectFrom('community')
      .selectAll('community')
      .select((eb) =>
        eb
          .selectFrom('challenge')
          .select(eb.fn.countAll<number | string>().as('n'))
          .whereRef('challenge.community_id', '=', 'community.id')
          .where('challenge.announced_at', 'is not', null)
          .as('challenge_count'),
      )
      .orderBy('community.name')
      .execute();
    return rows.map((row) => ({ ...row, challenge_count: Number(row.challenge_count ?? 0) }));
  }

  /** The owner first, then moderators in the order they joined, with their default pseud. */
  async listCommunityModerators(
    community: CommunityRow,
  ): Promise<{ user_id: number; name: string; is_owner: boolean }[]> {
    const rows = await this.db
      .selectFrom('pseud')
      .select(['pseud.user_id', 'pseud.name'])
      .where('pseud.is_default', '=', 1)
      .where((eb) =>
        eb.or([
          eb('pseud.user_id', '=', community.owner_id),
          eb(
            'pseud.user_id',
            'in',
            eb
              .selectFrom('community_moderator')
              .select('community_moderator.user_id')
              .where('community_moderator.community_id', '=', community.id),
          ),
        ]),
      )
      .orderBy('pseud.user_id')
      .execute();
    return rows
      .map((row) => ({ ...row, is_owner: row.user_id === community.owner_id }))
      .sort((a, b) => Number(b.is_owner) - Number(a.is_owner));
  }

  async addCommunityModerator(communityId: number, userId: number, now: Timestamp): Promise<void> {
    await this.db
      .insertInto('community_moderator')
      .values({ community_id: communityId, user_id: userId, created_at: now })
      .execute();
  }

  async removeCommunityModerator(communityId: number, userId: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('community_moderator')
      .where('community_id', '=', communityId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  findCommunityBySlug(slug: string): Promise<CommunityRow | undefined> {
    return this.db.selectFrom('community').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  findCommunityById(id: number): Promise<CommunityRow | undefined> {
    return this.db.selectFrom('community').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
