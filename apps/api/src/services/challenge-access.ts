import { challengePhase, isChallengeListed, phaseRank } from '@ficathon/core';
import type { ChallengeListRow, Repositories, Store, UserRow } from '@ficathon/db';
import type { ChallengePhase, ChallengeRole } from '@ficathon/schema';
import { AppError } from '../http/app-error';
import { scheduleOf } from '../serializers/challenge.serializer';
import type { Authenticated } from './auth.service';
import { isSlugShaped } from './slugs';

export interface ChallengeInContext {
  challenge: ChallengeListRow;
  phase: ChallengePhase;
  role: ChallengeRole | null;
}

const PHASE_WORDS: Record<ChallengePhase, string> = {
  draft: 'in draft',
  announced: 'announced',
  open: 'open for submissions',
  closed: 'closed for submissions',
  voting: 'in voting',
  results: 'showing results',
  archived: 'archived',
};

/** 409 naming the phases that allow an act and the phase the challenge is in. */
export function wrongPhase(act: string, allowed: readonly ChallengePhase[], phase: ChallengePhase) {
  const when = allowed.map((p) => PHASE_WORDS[p]).join(' or ');
  return AppError.conflict(
    'WRONG_PHASE',
    `You can ${act} only while the challenge is ${when}; it is ${PHASE_WORDS[phase]} now.`,
  );
}

export function requirePhase(
  context: ChallengeInContext,
  act: string,
  allowed: readonly ChallengePhase[],
): void {
  if (!allowed.includes(context.phase)) throw wrongPhase(act, allowed, context.phase);
}

/** Whether the phase has not yet reached `phase` (e.g. results are not out). */
export function isBefore(context: ChallengeInContext, phase: ChallengePhase): boolean {
  return phaseRank(context.phase) < phaseRank(phase);
}

/**
 * Who may do what with a challenge. Roles: the owner; co-organizers (invited, or moderators of
 * the hosting community), who run it but cannot delete it or remove the owner; and site admins,
 * who may do anything.
 */
export class ChallengeAccess {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
  ) {}

  async roleOf(
    repos: Repositories,
    challenge: ChallengeListRow,
    user: UserRow | null,
  ): Promise<ChallengeRole | null> {
    if (!user) return null;
    if (challenge.owner_id === user.id) return 'owner';
    // An admin may do anything, even when also invited as a co-organizer.
    if (user.is_admin === 1) return 'admin';
    if (await repos.organizers.isCoOrganizer(challenge.id, user.id)) return 'co_organizer';
    if (
      challenge.community_id !== null &&
      (await repos.organizers.isCommunityModerator(challenge.community_id, user.id))
    ) {
      return 'co_organizer';
    }
    return null;
  }

  /** The challenge as the viewer may see it; a draft is 404 to everyone but its organizers. */
  async load(
    slug: string,
    auth: Authenticated | null,
    repos: Repositories = this.store.repos,
  ): Promise<ChallengeInContext> {
    const challenge = isSlugShaped(slug)
      ? await repos.challenges.findBySlugWithOrganizer(slug)
      : undefined;
    if (!challenge) throw AppError.notFound('There is no challenge at this address.');
    const phase = challengePhase(scheduleOf(challenge), this.clock());
    const role = await this.roleOf(repos, challenge, auth?.user ?? null);
    if (!isChallengeListed(phase) && role === null) {
      throw AppError.notFound('There is no challenge at this address.');
    }
    return { challenge, phase, role };
  }

  /** For organizer acts: 401 for visitors, 404/403 for others, the context for organizers. */
  async loadAsOrganizer(
    slug: string,
    auth: Authenticated | null,
    options: { ownerOnly?: boolean; repos?: Repositories } = {},
  ): Promise<ChallengeInContext & { actor: UserRow }> {
    if (!auth) throw AppError.unauthenticated();
    const context = await this.load(slug, auth, options.repos);
    if (context.role === null) {
      throw AppError.forbidden(
        'NOT_ORGANIZER',
        'Only the organizers of this challenge can do this.',
      );
    }
    if (options.ownerOnly && context.role === 'co_organizer') {
      throw AppError.forbidden('NOT_OWNER', 'Only the challenge’s owner can do this.');
    }
    return { ...context, actor: auth.user };
  }
}
