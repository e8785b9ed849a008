import { isVotingOpen, publicEntryStatuses } from '@ficathon/core';
import type { Repositories, Store, UserRow } from '@ficathon/db';
import {
  VotingConfigSchema,
  type CastBallotRequest,
  type FieldError,
  type MyBallots,
  type VotingCategory,
  type VotingConfig,
} from '@ficathon/schema';
import { AppError } from '../http/app-error';
import { scheduleOf } from '../serializers/challenge.serializer';
import type { Authenticated } from './auth.service';
import { requirePhase, type ChallengeAccess, type ChallengeInContext } from './challenge-access';
import type { OrganizerService } from './organizer.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A challenge's voting config, re-read through the schema so defaults always apply. */
export function votingConfigOf(challenge: { voting_json: string }): VotingConfig {
  return VotingConfigSchema.parse(JSON.parse(challenge.voting_json));
}

/** Voters' and organizers' use cases before the count: the config, ballots, eligibility. */
export class VotingService {
  constructor(
    private readonly store: Store,
    private readonly access: ChallengeAccess,
    private readonly organizers: OrganizerService,
    private readonly clock: () => Date,
  ) {}

  async config(auth: Authenticated | null, slug: string): Promise<VotingConfig> {
    return votingConfigOf((await this.access.load(slug, auth)).challenge);
  }

  /** Sets the categories, eligibility and rubric; fixed once voting opens. */
  async setConfig(auth: Authenticated, slug: string, config: VotingConfig): Promise<VotingConfig> {
    return this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'change how voting works', ['draft', 'announced', 'open', 'closed']);
      await repos.challenges.update(context.challenge.id, {
        voting_json: JSON.stringify(config),
        updated_at: this.clock().toISOString(),
      });
      await this.organizers.audit(repos, context.challenge.id, auth, 'voting.configured', {
        categories: config.categories.map((c) => c.name),
      });
      return config;
    });
  }

  async myBallots(auth: Authenticated, slug: string): Promise<MyBallots> {
    const repos = this.store.repos;
    const context = await this.access.load(slug, auth, repos);
    const rows = await repos.voting.listBallotsOf(context.challenge.id, auth.user.id);
    const reason = await this.ineligibility(repos, context, auth.user);
    return {
      ballots: Object.fromEntries(
        rows.map((row) => [row.category_id, JSON.parse(row.payload_json) as CastBallotRequest]),
      ),
      eligible: reason === null,
      reason,
    };
  }

  /** Casts (or replaces) the voter's ballot in one category, after every check the vote has. */
  async cast(
    auth: Authenticated,
    slug: string,
    categoryId: string,
    ballot: CastBallotRequest,
  ): Promise<MyBallots> {
    await this.store.transaction(async (repos) => {
      const context = await this.access.load(slug, auth, repos);
      const category = this.category(context, categoryId);
      if (!isVotingOpen(scheduleOf(context.challenge), this.clock())) {
        throw AppError.conflict('WRONG_PHASE', 'Votes are taken only while voting is open.');
      }
      const reason = await this.ineligibility(repos, context, auth.user);
      if (reason !== null) throw AppError.forbidden('NOT_ELIGIBLE', reason);
      if (category.source === 'judges') {
        throw AppError.conflict('JUDGES_ONLY', 'This category is decided by the judges.');
      }
      const payload = await this.validate(repos, context, category, ballot, auth.user.id);
      await repos.voting.castBallot({
        challenge_id: context.challenge.id,
        category_id: category.id,
        voter_id: auth.user.id,
        payload_json: JSON.stringify(payload),
        now: this.clock().toISOString(),
      });
    });
    return this.myBallots(auth, slug);
  }

  async retract(auth: Authenticated, slug: string, categoryId: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      const context = await this.access.load(slug, auth, repos);
      this.category(context, categoryId);
      if (!isVotingOpen(scheduleOf(context.challenge), this.clock())) {
        throw AppError.conflict('WRONG_PHASE', 'Votes can be changed only while voting is open.');
      }
      if (!(await repos.voting.deleteBallot(context.challenge.id, categoryId, auth.user.id))) {
        throw AppError.notFound('You have no vote in this category.');
      }
    });
  }

  private category(context: ChallengeInContext, categoryId: string): VotingCategory {
    const category = votingConfigOf(context.challenge).categories.find((c) => c.id === categoryId);
    if (!category) throw AppError.notFound('This challenge has no such voting category.');
    return category;
  }

  /** Why this person may not vote in this challenge, or null if they may. */
  private async ineligibility(
    repos: Repositories,
    context: ChallengeInContext,
    user: UserRow,
  ): Promise<string | null> {
    const { eligibility } = votingConfigOf(context.challenge);
    const challengeId = context.challenge.id;
    if (eligibility.voters === 'entrants') {
      const own = await repos.entries.countOthers(
        challengeId,
        publicEntryStatuses(context.challenge.moderated === 1),
        null,
        { userId: user.id },
      );
      if (own === 0) return 'Only writers with an entry in this challenge may vote.';
    }
    if (eligibility.minAccountAgeDays !== null) {
      const ageDays = (this.clock().getTime() - Date.parse(user.created_at)) / DAY_MS;
      if (ageDays < eligibility.minAccountAgeDays) {
        return `Accounts may vote once they are ${eligibility.minAccountAgeDays} days old.`;
      }
    }
    if (eligibility.minEntriesRead !== null && eligibility.minEntriesRead > 0) {
      const read = await repos.voting.countViews(challengeId, user.id);
      if (read < eligibility.minEntriesRead) {
        return `Read at least ${eligibility.minEntriesRead} entries of this challenge before voting (you have opened ${read}).`;
      }
    }
    return null;
  }

  /**
   * The ballot checked against its category: the right shape for the method, only public
   * entries of this challenge, nothing twice, within the cap and the scale (400 naming the
   * field), and never the voter's own entry (422).
   */
  private async validate(
    repos: Repositories,
    context: ChallengeInContext,
    category: VotingCategory,
    ballot: CastBallotRequest,
    voterId: number,
  ): Promise<CastBallotRequest> {
    const entries = await repos.entries.listByChallenge(
      context.challenge.id,
      publicEntryStatuses(context.challenge.moderated === 1),
    );
    const authorOf = new Map(entries.map((entry) => [entry.id, entry.user_id]));
    const errors: FieldError[] = [];
    const checkEntry = (id: number, path: string) => {
      if (!authorOf.has(id))
        errors.push({ path, message: 'This is not an entry of this challenge.' });
    };
    const wrongShape = (field: string) =>
      AppError.badRequest('VALIDATION_FAILED', `This category takes a ballot with “${field}”.`, [
        { path: field, message: `Give “${field}” for this category.` },
      ]);

    let ids: number[];
    switch (category.method) {
      case 'plurality':
        if (!('choice' in ballot)) throw wrongShape('choice');
        checkEntry(ballot.choice, 'choice');
        ids = [ballot.choice];
        break;
      case 'approval':
        if (!('approved' in ballot)) throw wrongShape('approved');
        ballot.approved.forEach((id, i) => checkEntry(id, `approved.${i}`));
        duplicates(ballot.approved).forEach((i) =>
          errors.push({ path: `approved.${i}`, message: 'This entry is approved twice.' }),
        );
        if (category.approvalCap !== null && ballot.approved.length > category.approvalCap) {
          errors.push({
            path: 'approved',
            message: `Approve at most ${category.approvalCap} entries.`,
          });
        }
        ids = ballot.approved;
        break;
      case 'ranked':
        if (!('ranking' in ballot)) throw wrongShape('ranking');
        ballot.ranking.forEach((id, i) => checkEntry(id, `ranking.${i}`));
        duplicates(ballot.ranking).forEach((i) =>
          errors.push({ path: `ranking.${i}`, message: 'This entry is ranked twice.' }),
        );
        ids = ballot.ranking;
        break;
      case 'score':
        if (!('scores' in ballot)) throw wrongShape('scores');
        ids = [];
        for (const [key, score] of Object.entries(ballot.scores)) {
          const id = Number(key);
          if (ids.includes(id))
            errors.push({ path: `scores.${key}`, message: 'This entry is scored twice.' });
          checkEntry(id, `scores.${key}`);
          if (!Number.isInteger(score) || score < 1 || score > category.scoreScale) {
            errors.push({
              path: `scores.${key}`,
              message: `Give a whole score from 1 to ${category.scoreScale}.`,
            });
          }
          ids.push(id);
        }
        if (ids.length === 0) errors.push({ path: 'scores', message: 'Score at least one entry.' });
        break;
    }
    if (errors.length > 0)
      throw AppError.badRequest('VALIDATION_FAILED', errors[0]!.message, errors);
    if (ids.some((id) => authorOf.get(id) === voterId)) {
      throw new AppError(422, 'OWN_ENTRY', 'You cannot vote for your own entry.');
    }
    return ballot;
  }
}

/** Positions of values that already appeared earlier in the list. */
function duplicates(values: readonly number[]): number[] {
  const seen = new Set<number>();
  return values.flatMap((value, index) => (seen.has(value) ? [index] : (seen.add(value), [])));
}
