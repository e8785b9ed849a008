import {
  blendResults,
  isVotingOpen,
  publicEntryStatuses,
  tallyApproval,
  tallyBorda,
  tallyInstantRunoff,
  tallyJudges,
  tallyPlurality,
  tallySchulze,
  tallyScore,
} from '@ficathon/core';
import type { Repositories, Store } from '@ficathon/db';
import {
  ResultsSchema,
  type CastBallotRequest,
  type CategoryResult,
  type Results,
  type TallyResult,
  type VotingCategory,
} from '@ficathon/schema';
import { AppError } from '../http/app-error';
import { scheduleOf } from '../serializers/challenge.serializer';
import type { Authenticated } from './auth.service';
import type { ChallengeAccess, ChallengeInContext } from './challenge-access';
import type { OrganizerService } from './organizer.service';
import { votingConfigOf } from './voting.service';

/** Counting the vote, the organizers' preview, publishing, and the published results. */
export class ResultsService {
  constructor(
    private readonly store: Store,
    private readonly access: ChallengeAccess,
    private readonly organizers: OrganizerService,
    private readonly clock: () => Date,
  ) {}

  /**
   * Exactly what publishing would make public, for the organizers. While voting is open the
   * running totals stay hidden, even from them, unless the challenge lets organizers see them.
   */
  async preview(auth: Authenticated, slug: string): Promise<Results> {
    const context = await this.access.loadAsOrganizer(slug, auth);
    this.requireCountable(context, 'preview the results');
    const stored = await this.store.repos.voting.findResult(context.challenge.id);
    if (stored) return ResultsSchema.parse(JSON.parse(stored.snapshot_json));
    return this.count(this.store.repos, context, null);
  }

  /**
   * Publishes the results: freezes the count, reveals authors (the challenge's phase becomes
   * `results`), and tells writers and voters. Only once voting has closed.
   */
  async publish(auth: Authenticated, slug: string): Promise<Results> {
    return this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      await repos.challenges.lockForUpdate(context.challenge.id);
      if (await repos.voting.findResult(context.challenge.id)) {
        throw AppError.conflict('ALREADY_PUBLISHED', 'The results are already published.');
      }
      if (context.phase !== 'voting' && context.phase !== 'closed') {
        throw AppError.conflict(
          'WRONG_PHASE',
          'Results can be published once submissions have closed.',
        );
      }
      if (isVotingOpen(scheduleOf(context.challenge), this.clock())) {
        throw AppError.conflict('WRONG_PHASE', 'Results can be published once voting has closed.');
      }
      const now = this.clock().toISOString();
      const results = await this.count(repos, context, now);
      await repos.voting.saveResult(context.challenge.id, JSON.stringify(results), now);
      await repos.challenges.update(context.challenge.id, {
        results_published_at: now,
        updated_at: now,
      });
      const writers = new Set(
        (
          await repos.entries.listByChallenge(
            context.challenge.id,
            publicEntryStatuses(context.challenge.moderated === 1),
          )
        ).map((e) => e.user_id),
      );
      const voters = await repos.voting.listVoterIds(context.challenge.id);
      for (const userId of new Set([...writers, ...voters])) {
        await repos.feedback.notify({
          user_id: userId,
          kind: 'results',
          entry_id: null,
          challenge_id: context.challenge.id,
          text: `The results of “${context.challenge.title}” are published.`,
          created_at: now,
        });
      }
      await this.organizers.audit(repos, context.challenge.id, auth, 'results.published', {});
      return results;
    });
  }

  /** The published results; before publication nothing, not even a hint (404). */
  async results(auth: Authenticated | null, slug: string): Promise<Results> {
    const context = await this.access.load(slug, auth);
    const stored = await this.store.repos.voting.findResult(context.challenge.id);
    if (!stored) throw AppError.notFound('There are no published results for this challenge.');
    return ResultsSchema.parse(JSON.parse(stored.snapshot_json));
  }

  private requireCountable(context: ChallengeInContext, act: string): void {
    if (
      context.phase !== 'voting' &&
      context.phase !== 'closed' &&
      context.phase !== 'results' &&
      context.phase !== 'archived'
    ) {
      throw AppError.conflict('WRONG_PHASE', `You can ${act} once submissions have closed.`);
    }
    const config = votingConfigOf(context.challenge);
    if (isVotingOpen(scheduleOf(context.challenge), this.clock()) && !config.organizersSeeTotals) {
      throw AppError.conflict(
        'TOTALS_HIDDEN',
        'Running totals stay hidden until voting closes (the challenge does not let organizers see them).',
      );
    }
  }

  /** Counts every category from the ballots and judges' scores as they stand. */
  private async count(
    repos: Repositories,
    context: ChallengeInContext,
    publishedAt: string | null,
  ): Promise<Results> {
    const { challenge } = context;
    const config = votingConfigOf(challenge);
    const entries = await repos.entries.listByChallenge(
      challenge.id,
      publicEntryStatuses(challenge.moderated === 1),
    );
    const candidates = entries.map((entry) => entry.id);
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    // The seed is public knowledge (the challenge's address and when voting closed), so anyone
    // can rerun a tie-breaking draw.
    const seed = `${challenge.slug}:${challenge.voting_closes_at ?? challenge.closes_at ?? ''}`;
    const scoresheets = (await repos.voting.listJudgeScores(challenge.id)).map((row) => ({
      judge: row.judge_id,
      entry: row.entry_id,
      scores: JSON.parse(row.scores_json) as Record<string, number>,
    }));
    const judges = () => tallyJudges(candidates, config.rubric, scoresheets);

    const categories: CategoryResult[] = [];
    for (const category of config.categories) {
      const ballots = (await repos.voting.listBallots(challenge.id, category.id)).map(
        (row) => JSON.parse(row.payload_json) as CastBallotRequest,
      );
      const publicTally = () =>
        tallyCategory(category, candidates, ballots, `${seed}:${category.id}`);
      let tally: TallyResult;
      let judgesTally: TallyResult | null = null;
      if (category.source === 'judges') tally = judges();
      else if (category.source === 'blend') {
        judgesTally = judges();
        tally = blendResults(publicTally(), judgesTally, category.judgeWeight);
      } else tally = publicTally();
      categories.push({
        id: category.id,
        name: category.name,
        description: category.description,
        method: category.method,
        source: category.source,
        placings: tally.ranking.map((row) => {
          const entry = byId.get(row.candidate);
          return {
            entryId: row.candidate,
            title: entry?.title ?? '',
            author: entry?.pseud_name ?? '',
            place: row.place,
            value: row.value,
          };
        }),
        tally,
        judgesTally,
      });
    }
    const comments = new Map<number, string[]>();
    for (const row of await repos.voting.listJudgeScores(challenge.id)) {
      if (row.comment)
        comments.set(row.entry_id, [...(comments.get(row.entry_id) ?? []), row.comment]);
    }
    return {
      challenge: { slug: challenge.slug, title: challenge.title },
      seed,
      publishedAt,
      voters: await repos.voting.countVoters(challenge.id),
      categories,
      judgesComments: [...comments].map(([entryId, list]) => ({ entryId, comments: list })),
    };
  }
}

/** One category's public count, by its method. */
function tallyCategory(
  category: VotingCategory,
  candidates: number[],
  ballots: CastBallotRequest[],
  seed: string,
): TallyResult {
  const pick = <K extends string>(key: K) =>
    ballots.filter((b): b is Extract<CastBallotRequest, Record<K, unknown>> => key in b);
  switch (category.method) {
    case 'plurality':
      return tallyPlurality(candidates, pick('choice'));
    case 'approval':
      return tallyApproval(candidates, pick('approved'));
    case 'ranked': {
      const ranked = pick('ranking');
      if (category.rankedCount === 'borda') return tallyBorda(candidates, ranked);
      if (category.rankedCount === 'schulze') return tallySchulze(candidates, ranked);
      return tallyInstantRunoff(candidates, ranked, { seed });
    }
    case 'score':
      return tallyScore(
        candidates,
        pick('scores').map((b) => ({
          scores: Object.fromEntries(Object.entries(b.scores).map(([id, s]) => [Number(id), s])),
        })),
        { min: 1, max: category.scoreScale, minimumScores: category.minimumScores },
      );
  }
}
