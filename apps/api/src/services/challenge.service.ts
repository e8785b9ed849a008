import { challengePhase, isChallengeListed, publicEntryStatuses } from '@ficathon/core';
import type { ChallengeDetail, ChallengeSummary } from '@ficathon/schema';
import type { ChallengeListRow, Store } from '@ficathon/db';
import { AppError } from '../http/app-error';
import {
  scheduleOf,
  serializeChallengeSummary,
  serializeEntrySummary,
  serializePrompt,
  type Viewer,
} from '../serializers/challenge.serializer';

export class ChallengeService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
  ) {}

  /** Every challenge the viewer may see, newest first, with public entry counts. */
  async listChallenges(viewer: Viewer): Promise<ChallengeSummary[]> {
    const now = this.clock();
    const visible = (await this.store.repos.challenges.listWithOrganizer())
      .map((challenge) => ({ challenge, phase: challengePhase(scheduleOf(challenge), now) }))
      .filter(({ challenge, phase }) => isChallengeListed(phase) || isOwner(challenge, viewer));
    const counts = await this.publicEntryCounts(visible.map(({ challenge }) => challenge));
    return visible.map(({ challenge, phase }) =>
      serializeChallengeSummary(challenge, phase, counts.get(challenge.id) ?? 0),
    );
  }

  /** One challenge with its prompts and the entries readers may see. */
  async getChallenge(slug: string, viewer: Viewer): Promise<ChallengeDetail> {
    const challenge = await this.store.repos.challenges.findBySlugWithOrganizer(slug);
    const phase = challenge && challengePhase(scheduleOf(challenge), this.clock());
    // A draft is not announced yet: to anyone but its organizer it does not exist.
    if (!challenge || !phase || (!isChallengeListed(phase) && !isOwner(challenge, viewer))) {
      throw AppError.notFound('There is no challenge at this address.');
    }
    const [prompts, entries] = await Promise.all([
      this.store.repos.prompts.listByChallenge(challenge.id),
      this.store.repos.entries.listByChallenge(
        challenge.id,
        publicEntryStatuses(challenge.moderated === 1),
      ),
    ]);
    const context = { anonymous: challenge.anonymous === 1, phase, viewer };
    return {
      ...serializeChallengeSummary(challenge, phase, entries.length),
      prompts: prompts.map(serializePrompt),
      entries: entries.map((entry) => serializeEntrySummary(entry, context)),
    };
  }

  private async publicEntryCounts(challenges: ChallengeListRow[]): Promise<Map<number, number>> {
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
    return counts;
  }
}

function isOwner(challenge: ChallengeListRow, viewer: Viewer): boolean {
  return viewer.userId !== null && viewer.userId === challenge.owner_id;
}
