import { drawPrompts, parsePromptBlocks, parsePromptCsv } from '@ficathon/core';
import type { PromptListRow, Repositories, Store } from '@ficathon/db';
import {
  CHALLENGE_LIMITS,
  type DrawOutcome,
  PromptInputSchema,
  type FieldError,
  type ImportPromptsRequest,
  type Prompt,
  type PromptInput,
} from '@ficathon/schema';
import { randomBytes } from 'node:crypto';
import { AppError } from '../http/app-error';
import { serializePrompt } from '../serializers/challenge.serializer';
import type { Authenticated } from './auth.service';
import { requirePhase, type ChallengeAccess, type ChallengeInContext } from './challenge-access';
import type { OrganizerService } from './organizer.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Phases in which the prompt set may change: once writing has closed, it is part of the record. */
const EDITABLE_PHASES = ['draft', 'announced', 'open'] as const;

export class PromptService {
  constructor(
    private readonly store: Store,
    private readonly access: ChallengeAccess,
    private readonly organizers: OrganizerService,
    private readonly clock: () => Date,
  ) {}

  async list(slug: string, auth: Authenticated | null): Promise<Prompt[]> {
    const context = await this.access.load(slug, auth);
    return (await this.listRows(this.store.repos, context, auth)).map(serializePrompt);
  }

  async add(auth: Authenticated, slug: string, input: PromptInput): Promise<Prompt> {
    return this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'add prompts', EDITABLE_PHASES);
      await this.ensureRoom(repos, context, 1);
      const position = (await repos.prompts.maxPosition(context.challenge.id)) + 1;
      const prompt = await repos.prompts.insert({
        ...toRow(input),
        challenge_id: context.challenge.id,
        position,
        created_at: this.now(),
      });
      await this.organizers.audit(repos, context.challenge.id, auth, 'prompt.added', {
        title: prompt.title,
      });
      return this.findServed(repos, context, auth, prompt.id);
    });
  }

  async update(
    auth: Authenticated,
    slug: string,
    promptId: number,
    input: PromptInput,
  ): Promise<Prompt> {
    return this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'edit prompts', EDITABLE_PHASES);
      await this.requirePrompt(repos, context, promptId);
      const prompt = await repos.prompts.update(promptId, toRow(input));
      await this.organizers.audit(repos, context.challenge.id, auth, 'prompt.updated', {
        title: prompt.title,
      });
      return this.findServed(repos, context, auth, promptId);
    });
  }

  async remove(auth: Authenticated, slug: string, promptId: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'remove prompts', EDITABLE_PHASES);
      const prompt = await this.requirePrompt(repos, context, promptId);
      await repos.prompts.delete(promptId);
      await this.organizers.audit(repos, context.challenge.id, auth, 'prompt.removed', {
        title: prompt.title,
      });
    });
  }

  /** Puts the prompts in the given order; the list must name each prompt exactly once. */
  async reorder(auth: Authenticated, slug: string, promptIds: number[]): Promise<Prompt[]> {
    return this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'reorder prompts', EDITABLE_PHASES);
      const current = await repos.prompts.listByChallenge(context.challenge.id);
      const given = new Set(promptIds);
      if (
        given.size !== promptIds.length ||
        given.size !== current.length ||
        current.some((p) => !given.has(p.id))
      ) {
        throw AppError.badRequest(
          'VALIDATION_FAILED',
          'List every prompt of the challenge exactly once.',
          [{ path: 'promptIds', message: 'List every prompt of the challenge exactly once.' }],
        );
      }
      for (const [index, id] of promptIds.entries()) await repos.prompts.setPosition(id, index + 1);
      await this.organizers.audit(repos, context.challenge.id, auth, 'prompt.reordered', {});
      return (await this.listRows(repos, context, auth)).map(serializePrompt);
    });
  }

  /** Adds prompts from pasted blocks or CSV: all of them, or none if any is invalid. */
  async import(auth: Authenticated, slug: string, input: ImportPromptsRequest): Promise<Prompt[]> {
    const parsed =
      input.format === 'csv'
        ? parsePromptCsv(input.text, input.kind)
        : parsePromptBlocks(input.text, input.kind);
    const unit = input.format === 'csv' ? 'Row' : 'Prompt';
    const errors: FieldError[] = parsed.problems.map((p) => ({
      path: 'text',
      message: `${unit} ${p.item}: ${p.message}`,
    }));
    const valid: PromptInput[] = [];
    parsed.prompts.forEach((candidate, index) => {
      const result = PromptInputSchema.safeParse(candidate);
      // Rows are numbered as the organizer sees them: CSV data starts on row 2, under the header.
      const number = input.format === 'csv' ? index + 2 : index + 1;
      if (result.success) valid.push(result.data);
      else
        for (const issue of result.error.issues) {
          errors.push({
            path: 'text',
            message: `${unit} ${number}, ${issue.path.join('.') || 'prompt'}: ${issue.message}`,
          });
        }
    });
    if (errors.length === 0 && valid.length === 0)
      errors.push({ path: 'text', message: 'No prompts were found in the text.' });
    if (errors.length > 0)
      throw AppError.badRequest(
        'VALIDATION_FAILED',
        'Some prompts could not be read; nothing was imported.',
        errors,
      );

    return this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'add prompts', EDITABLE_PHASES);
      await this.ensureRoom(repos, context, valid.length);
      let position = await repos.prompts.maxPosition(context.challenge.id);
      const ids: number[] = [];
      for (const prompt of valid) {
        position += 1;
        const row = await repos.prompts.insert({
          ...toRow(prompt),
          challenge_id: context.challenge.id,
          position,
          created_at: this.now(),
        });
        ids.push(row.id);
      }
      await this.organizers.audit(repos, context.challenge.id, auth, 'prompt.imported', {
        count: ids.length,
      });
      const rows = await this.listRows(repos, context, auth);
      return rows.filter((row) => ids.includes(row.id)).map(serializePrompt);
    });
  }

  /** A writer claims a prompt, while there is room on it; claims lapse after the set days. */
  async claim(auth: Authenticated, slug: string, promptId: number): Promise<Prompt> {
    return this.store.transaction(async (repos) => {
      const context = await this.access.load(slug, auth, repos);
      requirePhase(context, 'claim prompts', ['announced', 'open']);
      const prompt = await this.requirePrompt(repos, context, promptId);
      // Claims are counted, then added: concurrent claims on one prompt must take turns.
      await repos.prompts.lockForUpdate(promptId);
      const now = this.now();
      if (await repos.prompts.findLiveClaim(promptId, auth.user.id, now)) {
        throw AppError.conflict('ALREADY_CLAIMED', 'You have already claimed this prompt.');
      }
      if (
        prompt.max_claims !== null &&
        (await repos.prompts.countLiveClaims(promptId, now)) >= prompt.max_claims
      ) {
        throw AppError.conflict(
          'PROMPT_FULL',
          `This prompt has been claimed by the most writers it takes (${prompt.max_claims}).`,
        );
      }
      // A lapsed claim of the same writer stays as history, released now.
      await repos.prompts.releaseClaims(promptId, auth.user.id, now);
      const days = context.challenge.claim_expiry_days;
      await repos.prompts.insertClaim({
        prompt_id: promptId,
        challenge_id: context.challenge.id,
        user_id: auth.user.id,
        claimed_at: now,
        expires_at:
          days === null ? null : new Date(this.clock().getTime() + days * DAY_MS).toISOString(),
      });
      return this.findServed(repos, context, auth, promptId);
    });
  }

  async unclaim(auth: Authenticated, slug: string, promptId: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const context = await this.access.load(slug, auth, repos);
      requirePhase(context, 'give up a claim', ['announced', 'open', 'closed']);
      await this.requirePrompt(repos, context, promptId);
      if ((await repos.prompts.releaseClaims(promptId, auth.user.id, this.now())) === 0) {
        throw AppError.notFound('You have no claim on this prompt.');
      }
    });
  }

  async signUpForDraw(auth: Authenticated, slug: string, join: boolean): Promise<void> {
    await this.store.transaction(async (repos) => {
      const context = await this.access.load(slug, auth, repos);
      requirePhase(context, join ? 'sign up for the prompt draw' : 'leave the prompt draw', [
        'announced',
        'open',
      ]);
      if (context.challenge.draw_seed !== null) {
        throw AppError.conflict('DRAW_DONE', 'The prompts have already been drawn.');
      }
      if (join) await repos.prompts.addDrawSignup(context.challenge.id, auth.user.id, this.now());
      else await repos.prompts.removeDrawSignup(context.challenge.id, auth.user.id);
    });
  }

  /** Gives each signed-up writer a distinct prompt as a claim; the seed is published. */
  async draw(auth: Authenticated, slug: string, seed: string | undefined): Promise<DrawOutcome> {
    return this.store.transaction(async (repos) => {
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      requirePhase(context, 'run the prompt draw', ['announced', 'open']);
      // Two organizers drawing at once: the second waits here, then sees the first one's seed.
      await repos.challenges.lockForUpdate(context.challenge.id);
      if ((await repos.challenges.findBySlug(slug))?.draw_seed != null) {
        throw AppError.conflict('DRAW_DONE', 'The prompts have already been drawn.');
      }
      const signups = await repos.prompts.listDrawSignups(context.challenge.id);
      // A prompt already claimed by as many writers as it takes is not in the draw.
      const prompts = (await this.listRows(repos, context, auth)).filter(
        (prompt) => prompt.max_claims === null || prompt.claim_count < prompt.max_claims,
      );
      if (signups.length === 0)
        throw AppError.conflict('NOBODY_SIGNED_UP', 'Nobody has signed up for the draw yet.');
      const usedSeed = seed ?? randomBytes(9).toString('base64url');
      const result = drawPrompts(
        usedSeed,
        signups.map((s) => s.user_id),
        prompts.map((p) => p.id),
      );
      const now = this.now();
      for (const { writerId, promptId } of result.assignments) {
        await repos.prompts.releaseClaims(promptId, writerId, now);
        await repos.prompts.insertClaim({
          prompt_id: promptId,
          challenge_id: context.challenge.id,
          user_id: writerId,
          claimed_at: now,
          expires_at: null,
        });
      }
      await repos.challenges.update(context.challenge.id, { draw_seed: usedSeed, updated_at: now });
      await this.organizers.audit(repos, context.challenge.id, auth, 'draw.run', {
        seed: usedSeed,
        assigned: result.assignments.length,
      });
      const nameOf = new Map(signups.map((s) => [s.user_id, s.name]));
      const titleOf = new Map(prompts.map((p) => [p.id, p.title]));
      return {
        seed: usedSeed,
        assignments: result.assignments.map(({ writerId, promptId }) => ({
          promptId,
          promptTitle: titleOf.get(promptId) ?? '',
          pseud: nameOf.get(writerId) ?? '',
        })),
        unassigned: result.unassigned.map((id) => nameOf.get(id) ?? ''),
      };
    });
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private listRows(
    repos: Repositories,
    context: ChallengeInContext,
    auth: Authenticated | null,
  ): Promise<PromptListRow[]> {
    return repos.prompts.listWithClaims(context.challenge.id, this.now(), auth?.user.id ?? null);
  }

  private async findServed(
    repos: Repositories,
    context: ChallengeInContext,
    auth: Authenticated,
    promptId: number,
  ): Promise<Prompt> {
    const row = (await this.listRows(repos, context, auth)).find((p) => p.id === promptId);
    if (!row) throw AppError.notFound('There is no such prompt in this challenge.');
    return serializePrompt(row);
  }

  private async requirePrompt(repos: Repositories, context: ChallengeInContext, promptId: number) {
    const prompt = await repos.prompts.findInChallenge(context.challenge.id, promptId);
    if (!prompt) throw AppError.notFound('There is no such prompt in this challenge.');
    return prompt;
  }

  private async ensureRoom(
    repos: Repositories,
    context: ChallengeInContext,
    adding: number,
  ): Promise<void> {
    const count = await repos.prompts.countByChallenge(context.challenge.id);
    if (count + adding > CHALLENGE_LIMITS.promptsMax) {
      throw AppError.conflict(
        'TOO_MANY_PROMPTS',
        `A challenge can have at most ${CHALLENGE_LIMITS.promptsMax} prompts.`,
      );
    }
  }
}

function toRow(input: PromptInput) {
  return {
    kind: input.kind,
    title: input.title,
    credit: input.credit,
    body: input.body,
    link: input.link,
    image_alt: input.imageAlt,
    max_claims: input.maxClaims,
  };
}
