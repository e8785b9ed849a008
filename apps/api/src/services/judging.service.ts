import { publicEntryStatuses } from '@ficathon/core';
import type { Store } from '@ficathon/db';
import type { FieldError, JudgeScoreRequest } from '@ficathon/schema';
import { AppError } from '../http/app-error';
import type { Authenticated } from './auth.service';
import { requirePhase, type ChallengeAccess } from './challenge-access';
import type { OrganizerService } from './organizer.service';
import { findPerson } from './people';
import { votingConfigOf } from './voting.service';

export interface JudgingSheet {
  rubric: ReturnType<typeof votingConfigOf>['rubric'];
  entries: {
    id: number;
    title: string;
    wordCount: number;
    /** The judge's scores so far (null: not scored yet). */
    scores: Record<string, number> | null;
    comment: string | null;
  }[];
}

/** Judges score entries against the organizers' rubric; organizers appoint them. */
export class JudgingService {
  constructor(
    private readonly store: Store,
    private readonly access: ChallengeAccess,
    private readonly organizers: OrganizerService,
    private readonly clock: () => Date,
  ) {}

  async listJudges(auth: Authenticated, slug: string): Promise<{ userId: number; name: string }[]> {
    const context = await this.access.loadAsOrganizer(slug, auth);
    const rows = await this.store.repos.voting.listJudges(context.challenge.id);
    return rows.map((row) => ({ userId: row.user_id, name: row.name }));
  }

  async addJudge(
    auth: Authenticated,
    slug: string,
    person: string,
  ): Promise<{ userId: number; name: string }[]> {
    await this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'appoint judges', ['draft', 'announced', 'open', 'closed', 'voting']);
      const judge = await findPerson(repos, person, 'person');
      await repos.voting.addJudge(context.challenge.id, judge.id, this.clock().toISOString());
      const name = (await repos.pseuds.findDefault(judge.id))?.name ?? '';
      await this.organizers.audit(repos, context.challenge.id, auth, 'judge.added', {
        judge: name,
      });
    });
    return this.listJudges(auth, slug);
  }

  async removeJudge(auth: Authenticated, slug: string, userId: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'remove judges', ['draft', 'announced', 'open', 'closed', 'voting']);
      if (!(await repos.voting.removeJudge(context.challenge.id, userId))) {
        throw AppError.notFound('They are not a judge of this challenge.');
      }
      await this.organizers.audit(repos, context.challenge.id, auth, 'judge.removed', { userId });
    });
  }

  /** The judge's sheet: every public entry (by title; authors never shown) with their scores. */
  async sheet(auth: Authenticated, slug: string): Promise<JudgingSheet> {
    const repos = this.store.repos;
    const context = await this.access.load(slug, auth, repos);
    if (!(await repos.voting.isJudge(context.challenge.id, auth.user.id))) {
      throw AppError.forbidden('NOT_JUDGE', 'Only the judges of this challenge can do this.');
    }
    const [entries, scores] = await Promise.all([
      repos.entries.listByChallenge(
        context.challenge.id,
        publicEntryStatuses(context.challenge.moderated === 1),
      ),
      repos.voting.listJudgeScores(context.challenge.id),
    ]);
    const mine = new Map(
      scores.filter((s) => s.judge_id === auth.user.id).map((s) => [s.entry_id, s]),
    );
    return {
      rubric: votingConfigOf(context.challenge).rubric,
      entries: entries
        .filter((entry) => entry.user_id !== auth.user.id)
        .sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id)
        .map((entry) => {
          const score = mine.get(entry.id);
          return {
            id: entry.id,
            title: entry.title,
            wordCount: entry.word_count,
            scores: score ? (JSON.parse(score.scores_json) as Record<string, number>) : null,
            comment: score?.comment ?? null,
          };
        }),
    };
  }

  /** A judge scores one entry on every criterion of the rubric (after submissions close). */
  async score(
    auth: Authenticated,
    slug: string,
    entryId: number,
    input: JudgeScoreRequest,
  ): Promise<JudgingSheet> {
    await this.store.transaction(async (repos) => {
      const context = await this.access.load(slug, auth, repos);
      if (!(await repos.voting.isJudge(context.challenge.id, auth.user.id))) {
        throw AppError.forbidden('NOT_JUDGE', 'Only the judges of this challenge can do this.');
      }
      requirePhase(context, 'score entries', ['closed', 'voting']);
      const entry = await repos.entries.findById(entryId);
      const visible = publicEntryStatuses(context.challenge.moderated === 1);
      if (
        !entry ||
        entry.challenge_id !== context.challenge.id ||
        !visible.includes(entry.status)
      ) {
        throw AppError.notFound('There is no such entry in this challenge.');
      }
      if (entry.user_id === auth.user.id)
        throw new AppError(422, 'OWN_ENTRY', 'Judges do not score their own entries.');
      const { rubric } = votingConfigOf(context.challenge);
      const errors: FieldError[] = [];
      for (const criterion of rubric) {
        const value = input.scores[criterion.id];
        if (value === undefined || value < 1 || value > criterion.scale) {
          errors.push({
            path: `scores.${criterion.id}`,
            message: `Score “${criterion.label}” from 1 to ${criterion.scale}.`,
          });
        }
      }
      for (const key of Object.keys(input.scores)) {
        if (!rubric.some((criterion) => criterion.id === key))
          errors.push({ path: `scores.${key}`, message: 'The rubric has no such criterion.' });
      }
      if (errors.length > 0)
        throw AppError.badRequest('VALIDATION_FAILED', errors[0]!.message, errors);
      await repos.voting.saveJudgeScore({
        challenge_id: context.challenge.id,
        entry_id: entry.id,
        judge_id: auth.user.id,
        scores_json: JSON.stringify(input.scores),
        comment: input.comment,
        now: this.clock().toISOString(),
      });
    });
    return this.sheet(auth, slug);
  }
}
