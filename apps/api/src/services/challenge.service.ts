import { challengePhase, isChallengeListed, publicEntryStatuses } from '@ficathon/core';
import type {
  ChallengeDetail,
  ChallengePhase,
  ChallengeShelf,
  ChallengeSummary,
} from '@ficathon/schema';
import type { ChallengeListRow, Repositories, Store } from '@ficathon/db';
import {
  scheduleOf,
  serializeChallengeDetail,
  serializeChallengeSummary,
} from '../serializers/challenge.serializer';
import type { Authenticated } from './auth.service';
import type { ChallengeAccess, ChallengeInContext } from './challenge-access';

/** What readers see of challenges: lists and the public page. */
export class ChallengeService {
  constructor(
    private readonly store: Store,
    private readonly access: ChallengeAccess,
    private readonly clock: () => Date,
  ) {}

  /** Every challenge the viewer may see, newest first, with public entry counts. */
  /** Listed challenges on one shelf (or all), with how many each shelf holds. */
  async browseChallenges(
    auth: Authenticated | null,
    shelf: ChallengeShelf | undefined,
  ): Promise<{ challenges: ChallengeSummary[]; shelves: Record<ChallengeShelf, number> }> {
    const all = await this.listChallenges(auth);
    const shelves: Record<ChallengeShelf, number> = {
      upcoming: 0,
      open: 0,
      closed: 0,
      voting: 0,
      results: 0,
      archive: 0,
    };
    for (const challenge of all) {
      const on = shelfOf(challenge.phase);
      if (on) shelves[on] += 1;
    }
    return { challenges: shelf ? all.filter((c) => shelfOf(c.phase) === shelf) : all, shelves };
  }

  async listChallenges(auth: Authenticated | null): Promise<ChallengeSummary[]> {
    const now = this.clock();
    // Drafts are listed for the people who organize them (owner, co-organizers, moderators).
    const organized = new Set(
      auth
        ? (await this.store.repos.challenges.listOrganizedBy(auth.user.id)).map((c) => c.id)
        : [],
    );
    const visible = (await this.store.repos.challenges.listWithOrganizer())
      .map((challenge) => ({ challenge, phase: challengePhase(scheduleOf(challenge), now) }))
      .filter(({ challenge, phase }) => isChallengeListed(phase) || organized.has(challenge.id));
    return this.summarize(visible);
  }

  /** A community's challenges; drafts only for its moderators. */
  async listByCommunity(communityId: number, includeDrafts: boolean): Promise<ChallengeSummary[]> {
    const now = this.clock();
    const rows = await this.store.repos.challenges.listByCommunity(communityId);
    return this.summarize(
      rows
        .map((challenge) => ({ challenge, phase: challengePhase(scheduleOf(challenge), now) }))
        .filter(({ phase }) => includeDrafts || isChallengeListed(phase)),
    );
  }

  /** The challenges the user organizes, drafts included. */
  async listOrganizedBy(auth: Authenticated): Promise<ChallengeSummary[]> {
    const now = this.clock();
    const rows = await this.store.repos.challenges.listOrganizedBy(auth.user.id);
    return this.summarize(
      rows.map((challenge) => ({ challenge, phase: challengePhase(scheduleOf(challenge), now) })),
    );
  }

  /** One challenge with its prompts and the entries readers may see. */
  async getChallenge(slug: string, auth: Authenticated | null): Promise<ChallengeDetail> {
    return this.detail(await this.access.load(slug, auth), auth);
  }

  /** The full view of a loaded challenge for this viewer (also the answer to organizer acts). */
  async detail(
    context: ChallengeInContext,
    auth: Authenticated | null,
    repos: Repositories = this.store.repos,
  ): Promise<ChallengeDetail> {
    const { challenge, phase, role } = context;
    const userId = auth?.user.id ?? null;
    const [prompts, entries, community, extension, draw] = await Promise.all([
      repos.prompts.listWithClaims(challenge.id, this.clock().toISOString(), userId),
      repos.entries.listByChallenge(challenge.id, publicEntryStatuses(challenge.moderated === 1)),
      challenge.community_id === null
        ? undefined
        : repos.organizers.findCommunityById(challenge.community_id),
      userId === null ? undefined : repos.organizers.findExtension(challenge.id, userId),
      repos.prompts.drawSignupStatus(challenge.id, userId),
    ]);
    const viewerIsJudge = userId !== null && (await repos.voting.isJudge(challenge.id, userId));
    return serializeChallengeDetail({
      challenge,
      phase,
      viewer: { userId, role },
      community,
      prompts,
      entries,
      viewerExtensionUntil: extension?.until ?? null,
      draw,
      viewerIsJudge,
    });
  }

  private async summarize(
    items: { challenge: ChallengeListRow; phase: ChallengeSummary['phase'] }[],
  ): Promise<ChallengeSummary[]> {
    const challenges = items.map(({ challenge }) => challenge);
    const rows = await this.store.repos.entries.countByChallengeAndStatus(
      challenges.map((c) => c.id),
    );
    const moderated = new Map(challenges.map((c) => [c.id, c.moderated === 1]));
    const counts = new Map<number, number>();
    for (const row of rows) {
      if (publicEntryStatuses(moderated.get(row.challengeId) ?? true).includes(row.status)) {
        counts.set(row.challengeId, (counts.get(row.challengeId) ?? 0) + row.count);
      }
    }
    return items.map(({ challenge, phase }) =>
      serializeChallengeSummary(challenge, phase, counts.get(challenge.id) ?? 0),
    );
  }
}

/** The shelf a challenge sits on; drafts are on none (only their organizers see them). */
function shelfOf(phase: ChallengePhase): ChallengeShelf | null {
  const shelves: Record<ChallengePhase, ChallengeShelf | null> = {
    draft: null,
    announced: 'upcoming',
    open: 'open',
    closed: 'closed',
    voting: 'voting',
    results: 'results',
    archived: 'archive',
  };
  return shelves[phase];
}
