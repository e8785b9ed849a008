import { isValidTimeZone, submissionsCloseAt, toUtcInstant } from '@ficathon/core';
import {
  isUniqueViolation,
  type ChallengeRowUpdate,
  type Repositories,
  type Store,
} from '@ficathon/db';
import type {
  AuditEvent,
  ChallengeDetail,
  CreateChallengeRequest,
  ExtensionRequest,
  Organizer,
  UpdateChallengeRequest,
} from '@ficathon/schema';
import { AppError } from '../http/app-error';
import { slugTaken } from './slugs';
import { rulesOf, scheduleOf } from '../serializers/challenge.serializer';
import type { Authenticated } from './auth.service';
import { requirePhase, type ChallengeAccess, type ChallengeInContext } from './challenge-access';
import type { ChallengeService } from './challenge.service';
import { findPerson } from './people';
import { resolveSchedule } from './schedule-input';

/** The organizer's use cases for running a challenge. Every act is written to the audit log. */
export class OrganizerService {
  constructor(
    private readonly store: Store,
    private readonly access: ChallengeAccess,
    private readonly challenges: ChallengeService,
    private readonly clock: () => Date,
  ) {}

  async create(auth: Authenticated, input: CreateChallengeRequest): Promise<ChallengeDetail> {
    const schedule = resolveSchedule(input.schedule);
    const now = this.clock().toISOString();
    try {
      return await this.store.transaction(async (repos) => {
        if (await repos.challenges.findBySlug(input.slug)) throw slugTaken(input.slug);
        const communityId = await this.communityFor(repos, auth, input.communitySlug);
        const pseud = await repos.pseuds.findDefault(auth.user.id);
        if (!pseud) throw new Error(`user ${auth.user.id} has no default pseud`);
        const created = await repos.challenges.insert({
          slug: input.slug,
          title: input.title,
          description: input.description,
          owner_id: auth.user.id,
          organizer_pseud_id: pseud.id,
          community_id: communityId,
          anonymous: input.anonymous ? 1 : 0,
          moderated: input.moderated ? 1 : 0,
          organizers_see_authors: input.organizersSeeAuthors ? 1 : 0,
          claim_expiry_days: input.claimExpiryDays,
          rules_json: JSON.stringify(input.rules),
          ...schedule,
          created_at: now,
          updated_at: now,
        });
        await this.audit(repos, created.id, auth, 'challenge.created', { title: input.title });
        return this.detailOf(repos, input.slug, auth);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken(input.slug);
      throw error;
    }
  }

  async update(
    auth: Authenticated,
    slug: string,
    input: UpdateChallengeRequest,
  ): Promise<ChallengeDetail> {
    return this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'change the settings', [
        'draft',
        'announced',
        'open',
        'closed',
        'voting',
      ]);
      const { challenge } = context;
      const patch: ChallengeRowUpdate = {};
      if (input.title !== undefined) patch.title = input.title;
      if (input.description !== undefined) patch.description = input.description;
      if (input.moderated !== undefined) patch.moderated = input.moderated ? 1 : 0;
      if (input.organizersSeeAuthors !== undefined) {
        patch.organizers_see_authors = input.organizersSeeAuthors ? 1 : 0;
      }
      if (input.claimExpiryDays !== undefined) patch.claim_expiry_days = input.claimExpiryDays;
      if (input.rules !== undefined) patch.rules_json = JSON.stringify(input.rules);
      if (input.anonymous !== undefined && input.anonymous !== (challenge.anonymous === 1)) {
        // Switching anonymity once writers have seen the terms would expose or hide them unasked.
        requirePhase(context, 'change anonymity', ['draft']);
        patch.anonymous = input.anonymous ? 1 : 0;
      }
      if (input.schedule !== undefined) Object.assign(patch, resolveSchedule(input.schedule));
      const changed = Object.keys(patch);
      if (changed.length > 0) {
        await repos.challenges.update(challenge.id, {
          ...patch,
          updated_at: this.clock().toISOString(),
        });
        await this.audit(repos, challenge.id, auth, 'challenge.updated', { fields: changed });
      }
      return this.detailOf(repos, slug, auth);
    });
  }

  /** Deletes a challenge still in draft; only its owner (or an admin) may. */
  async delete(auth: Authenticated, slug: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { ownerOnly: true, repos });
      requirePhase(context, 'delete a challenge', ['draft']);
      await repos.challenges.delete(context.challenge.id);
    });
  }

  /** Makes a draft public. Its schedule must say when submissions open and close. */
  async announce(auth: Authenticated, slug: string): Promise<ChallengeDetail> {
    return this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'announce a challenge', ['draft']);
      const { challenge } = context;
      const errors = [];
      if (challenge.opens_at === null) {
        errors.push({
          path: 'schedule.opensAt',
          message: 'Set when submissions open before announcing.',
        });
      }
      if (challenge.closes_at === null) {
        errors.push({
          path: 'schedule.closesAt',
          message: 'Set when submissions close before announcing.',
        });
      }
      if (
        rulesOf(challenge).promptRequired &&
        (await repos.prompts.countByChallenge(challenge.id)) === 0
      ) {
        errors.push({
          path: 'prompts',
          message: 'Entries must use a prompt, but there are no prompts yet.',
        });
      }
      if (errors.length > 0) {
        throw AppError.badRequest('NOT_READY', 'The challenge is not ready to announce.', errors);
      }
      const now = this.clock().toISOString();
      await repos.challenges.update(challenge.id, { announced_at: now, updated_at: now });
      await this.audit(repos, challenge.id, auth, 'challenge.announced', {});
      return this.detailOf(repos, slug, auth);
    });
  }

  /**
   * Extends the deadline: for everyone (the deadline itself moves, before voting opens) or for one
   * writer (their own later deadline, kept beside the schedule).
   */
  async extend(
    auth: Authenticated,
    slug: string,
    input: ExtensionRequest,
  ): Promise<ChallengeDetail> {
    return this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'extend the deadline', ['announced', 'open', 'closed']);
      const { challenge } = context;
      const until = this.instant(input.until, challenge.time_zone, 'until');
      const closesAt = submissionsCloseAt(scheduleOf(challenge));
      if (closesAt !== null && Date.parse(until) <= closesAt.getTime()) {
        throw fieldError('until', 'An extension must end after the current deadline.');
      }
      if (challenge.voting_opens_at !== null && until > challenge.voting_opens_at) {
        throw fieldError(
          'until',
          'An extension must end before voting opens; move the vote first.',
        );
      }
      if (input.person === null) {
        await repos.challenges.update(challenge.id, {
          closes_at: until,
          updated_at: this.clock().toISOString(),
        });
        await this.audit(repos, challenge.id, auth, 'deadline.extended', { until });
      } else {
        const writer = await findPerson(repos, input.person, 'person');
        await repos.organizers.upsertExtension({
          challenge_id: challenge.id,
          user_id: writer.id,
          until,
          granted_by: auth.user.id,
          created_at: this.clock().toISOString(),
        });
        await this.audit(repos, challenge.id, auth, 'extension.granted', {
          writer: await this.nameOf(repos, writer.id),
          until,
        });
      }
      return this.detailOf(repos, slug, auth);
    });
  }

  async listOrganizers(auth: Authenticated, slug: string): Promise<Organizer[]> {
    const context = await this.access.loadAsOrganizer(slug, auth);
    return this.organizersOf(this.store.repos, context);
  }

  async addOrganizer(auth: Authenticated, slug: string, person: string): Promise<Organizer> {
    return this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'add organizers', ['draft', 'announced', 'open', 'closed', 'voting']);
      const user = await findPerson(repos, person, 'person');
      const current = await this.organizersOf(repos, context);
      if (current.some((organizer) => organizer.userId === user.id)) {
        throw AppError.conflict('ALREADY_ORGANIZER', 'They already organize this challenge.', [
          { path: 'person', message: 'They already organize this challenge.' },
        ]);
      }
      await repos.organizers.addCoOrganizer(
        context.challenge.id,
        user.id,
        this.clock().toISOString(),
      );
      const name = await this.nameOf(repos, user.id);
      await this.audit(repos, context.challenge.id, auth, 'organizer.added', { organizer: name });
      return { userId: user.id, name, role: 'co_organizer' };
    });
  }

  /** Removes a co-organizer. The owner cannot be removed by anyone. */
  async removeOrganizer(auth: Authenticated, slug: string, userId: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'remove organizers', [
        'draft',
        'announced',
        'open',
        'closed',
        'voting',
      ]);
      if (userId === context.challenge.owner_id) {
        throw AppError.forbidden('CANNOT_REMOVE_OWNER', 'The challenge’s owner cannot be removed.');
      }
      const name = await this.nameOf(repos, userId);
      if (!(await repos.organizers.removeCoOrganizer(context.challenge.id, userId))) {
        throw AppError.notFound('They are not a co-organizer of this challenge.');
      }
      await this.audit(repos, context.challenge.id, auth, 'organizer.removed', { organizer: name });
    });
  }

  async auditLog(auth: Authenticated, slug: string): Promise<AuditEvent[]> {
    const context = await this.access.loadAsOrganizer(slug, auth);
    const rows = await this.store.repos.organizers.listAudit(context.challenge.id);
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      actor: row.actor_name,
      detail: JSON.parse(row.detail_json) as Record<string, unknown>,
      createdAt: row.created_at,
    }));
  }

  /** Writes one organizer act to the challenge's audit log (inside the act's transaction). */
  async audit(
    repos: Repositories,
    challengeId: number,
    auth: Authenticated,
    action: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await repos.organizers.appendAudit({
      challenge_id: challengeId,
      actor_id: auth.user.id,
      action,
      detail,
      created_at: this.clock().toISOString(),
    });
  }

  private async detailOf(repos: Repositories, slug: string, auth: Authenticated) {
    return this.challenges.detail(await this.access.load(slug, auth, repos), auth, repos);
  }

  private async organizersOf(
    repos: Repositories,
    context: ChallengeInContext,
  ): Promise<Organizer[]> {
    const rows = await repos.organizers.listForChallenge(context.challenge.id);
    return rows.map((row) => ({
      userId: row.user_id,
      name: row.name,
      role: row.is_owner ? 'owner' : 'co_organizer',
    }));
  }

  private async nameOf(repos: Repositories, userId: number): Promise<string> {
    return (await repos.pseuds.findDefault(userId))?.name ?? `user ${userId}`;
  }

  private async communityFor(
    repos: Repositories,
    auth: Authenticated,
    communitySlug: string | null,
  ): Promise<number | null> {
    if (communitySlug === null) return null;
    const community = await repos.organizers.findCommunityBySlug(communitySlug);
    if (!community) throw fieldError('communitySlug', 'There is no community at this address.');
    const allowed =
      auth.user.is_admin === 1 ||
      (await repos.organizers.isCommunityModerator(community.id, auth.user.id));
    if (!allowed) {
      throw AppError.forbidden(
        'NOT_COMMUNITY_MODERATOR',
        'Only the community’s moderators can host challenges in it.',
      );
    }
    return community.id;
  }

  private instant(value: string, zone: string, field: string): string {
    const instant = isValidTimeZone(zone) ? toUtcInstant(value, zone) : null;
    if (instant === null) throw fieldError(field, 'This is not a real date and time.');
    return instant;
  }
}

function fieldError(path: string, message: string): AppError {
  return AppError.badRequest('VALIDATION_FAILED', message, [{ path, message }]);
}
