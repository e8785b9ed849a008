import {
  canViewEntry,
  countWords,
  evaluateEntryRules,
  ianaZoneOf,
  isChallengeListed,
  isSubmissionWindowOpen,
  isValidTimeZone,
  normalizeRating,
  submissionsCloseAt,
  type EntryCandidate,
} from '@ficathon/core';
import type { EntryRow, EntryStatus, Repositories, Store } from '@ficathon/db';
import {
  RuleIdSchema,
  type EntryDetail,
  type MyEntry,
  type RevisionDiff,
  type RevisionSummary,
  type RuleCheckResponse,
  type RuleViolation,
  type SaveEntryRequest,
  type StoredEntryHeader,
} from '@ficathon/schema';
import { diffLines } from 'diff';
import { AppError } from '../http/app-error';
import { rulesOf, scheduleOf } from '../serializers/challenge.serializer';
import { serializeEntryDetail } from '../serializers/entry.serializer';
import type { Authenticated } from './auth.service';
import { requirePhase, type ChallengeAccess, type ChallengeInContext } from './challenge-access';
import type { OrganizerService } from './organizer.service';
import { indexEntry } from './index-entry';
import { candidateOf } from './stored-entry-rules';

/** Statuses that count toward per-writer and per-prompt limits. */
const LIVE: readonly EntryStatus[] = ['submitted', 'approved'];

/** A draft can be written from the announcement until voting begins (extensions may follow closing). */
const DRAFT_PHASES = ['announced', 'open', 'closed'] as const;

/** The writer's use cases: drafts, submissions, edits, withdrawals, revisions. */
export class EntryService {
  constructor(
    private readonly store: Store,
    private readonly access: ChallengeAccess,
    private readonly organizers: OrganizerService,
    private readonly clock: () => Date,
  ) {}

  /** Creates an entry (a draft, or submitted at once when `input.submit`). */
  async create(
    auth: Authenticated,
    slug: string,
    input: SaveEntryRequest,
    viewerZone?: string,
  ): Promise<EntryDetail> {
    return this.store.transaction(async (repos) => {
      const context = await this.access.load(slug, auth, repos);
      requirePhase(context, 'start an entry', DRAFT_PHASES);
      await this.requireOwnPseud(repos, auth, input.pseudId);
      const fields = await this.prepare(repos, context, input);
      const now = this.now();
      const status: EntryStatus = input.submit ? 'submitted' : 'draft';
      if (input.submit) {
        await this.requireWindow(repos, context, auth, viewerZone);
        await this.requireRules(repos, context, auth, null, fields.candidate, []);
      }
      const entry = await repos.entries.insert({
        ...fields.row,
        challenge_id: context.challenge.id,
        user_id: auth.user.id,
        pseud_id: input.pseudId,
        status,
        submitted_at: input.submit ? now : null,
        created_at: now,
        updated_at: now,
      });
      await this.saveRevision(repos, entry);
      return this.detailOf(repos, entry.id, auth);
    });
  }

  /** Saves a new version (every save is kept). Submitting checks the rules and the deadline. */
  async update(
    auth: Authenticated,
    entryId: number,
    input: SaveEntryRequest,
    viewerZone?: string,
  ): Promise<EntryDetail> {
    return this.store.transaction(async (repos) => {
      const { entry, context } = await this.loadOwn(repos, auth, entryId);
      if (entry.status === 'withdrawn' || entry.status === 'rejected') {
        throw AppError.conflict(
          'WRONG_STATUS',
          `This entry was ${entry.status}; it cannot be changed.`,
        );
      }
      await this.requireOwnPseud(repos, auth, input.pseudId);
      const fields = await this.prepare(repos, context, input);
      const submitting = input.submit || entry.status !== 'draft';
      if (!submitting) requirePhase(context, 'change a draft', DRAFT_PHASES);
      if (submitting) {
        // Editing a submitted entry is allowed only while submissions are open for this writer.
        await this.requireWindow(repos, context, auth, viewerZone);
        const exceptions = await repos.entries.listExceptions(entry.id);
        await this.requireRules(repos, context, auth, entry.id, fields.candidate, exceptions);
      }
      const now = this.now();
      const status = statusAfterSave(entry.status, submitting, context.challenge.moderated === 1);
      const updated = await repos.entries.update(entry.id, {
        ...fields.row,
        pseud_id: input.pseudId,
        status,
        submitted_at: entry.submitted_at ?? (submitting ? now : null),
        updated_at: now,
      });
      await this.saveRevision(repos, updated);
      return this.detailOf(repos, entry.id, auth);
    });
  }

  async withdraw(auth: Authenticated, entryId: number): Promise<EntryDetail> {
    return this.store.transaction(async (repos) => {
      const { entry, context } = await this.loadOwn(repos, auth, entryId);
      requirePhase(context, 'withdraw an entry', ['announced', 'open', 'closed', 'voting']);
      if (entry.status === 'withdrawn')
        throw AppError.conflict('WRONG_STATUS', 'This entry is already withdrawn.');
      await repos.entries.setModeration(entry.id, {
        status: 'withdrawn',
        moderation_note: entry.moderation_note,
        updated_at: this.now(),
      });
      return this.detailOf(repos, entry.id, auth);
    });
  }

  /**
   * The entry as the viewer may see it. A signed-in reader opening someone else's public entry
   * is remembered (first time only): voting may require having read a number of entries.
   */
  async get(auth: Authenticated | null, entryId: number): Promise<EntryDetail> {
    const detail = await this.detailOf(this.store.repos, entryId, auth);
    if (auth && !detail.isMine && (detail.status === 'submitted' || detail.status === 'approved')) {
      const entry = await this.store.repos.entries.findById(entryId);
      if (entry)
        await this.store.repos.voting.recordView(
          entry.id,
          auth.user.id,
          entry.challenge_id,
          this.now(),
        );
    }
    return detail;
  }

  /**
   * An entry for download: the viewer's view of it (same visibility and anonymity as the page)
   * plus the story exactly as written, which the JSON view gives only to its writer.
   */
  async readForDownload(
    auth: Authenticated | null,
    entryId: number,
  ): Promise<{ detail: EntryDetail; body: string }> {
    const detail = await this.detailOf(this.store.repos, entryId, auth);
    const row = await this.store.repos.entries.findById(entryId);
    if (!row) throw AppError.notFound('There is no such entry.');
    return { detail, body: row.body };
  }

  /** The rules a draft would break, without saving anything: the form's live check. */
  async check(
    auth: Authenticated,
    slug: string,
    input: SaveEntryRequest,
    entryId: number | null,
  ): Promise<RuleCheckResponse> {
    const repos = this.store.repos;
    const context = await this.access.load(slug, auth, repos);
    const fields = await this.prepare(repos, context, input);
    // Only the writer's own entry lends its exceptions (and its place in the counts).
    const own = entryId === null ? undefined : await repos.entries.findById(entryId);
    if (own && own.user_id !== auth.user.id) throw AppError.notFound('There is no such entry.');
    const exceptions = own ? await repos.entries.listExceptions(own.id) : [];
    const violations = await this.violations(
      repos,
      context,
      auth.user.id,
      entryId,
      fields.candidate,
      exceptions,
    );
    return { wordCount: fields.row.word_count, violations };
  }

  async myEntries(auth: Authenticated): Promise<MyEntry[]> {
    const rows = await this.store.repos.entries.listByUser(auth.user.id);
    const result: MyEntry[] = [];
    for (const row of rows) {
      const context = await this.access.load(row.challenge_slug, auth);
      const exceptions = await this.store.repos.entries.listExceptions(row.id);
      result.push({
        id: row.id,
        title: row.title,
        status: row.status,
        challenge: { slug: row.challenge_slug, title: row.challenge_title },
        wordCount: row.word_count,
        updatedAt: row.updated_at,
        submittedAt: row.submitted_at,
        moderationNote: row.moderation_note,
        violations: await this.violations(
          this.store.repos,
          context,
          auth.user.id,
          row.id,
          candidateOf(row),
          exceptions,
        ),
      });
    }
    return result;
  }

  async revisions(auth: Authenticated, entryId: number): Promise<RevisionSummary[]> {
    const { entry } = await this.loadOwn(this.store.repos, auth, entryId, { organizersToo: true });
    const rows = await this.store.repos.entries.listRevisions(entry.id);
    return rows.map(summaryOfRevision);
  }

  /** A line diff of the story between two saved versions (header changes shown as lines too). */
  async diff(
    auth: Authenticated,
    entryId: number,
    fromId: number,
    toId: number,
  ): Promise<RevisionDiff> {
    const repos = this.store.repos;
    const { entry } = await this.loadOwn(repos, auth, entryId, { organizersToo: true });
    const [from, to] = await Promise.all([
      repos.entries.findRevision(entry.id, fromId),
      repos.entries.findRevision(entry.id, toId),
    ]);
    if (!from || !to) throw AppError.notFound('There is no such version of this entry.');
    const changes = diffLines(revisionText(from), revisionText(to)).map((part) => ({
      kind: part.added
        ? ('added' as const)
        : part.removed
          ? ('removed' as const)
          : ('same' as const),
      text: part.value,
    }));
    return { from: summaryOfRevision(from), to: summaryOfRevision(to), changes };
  }

  /** An organizer lets one entry break one rule; the act is logged. */
  async grantException(auth: Authenticated, entryId: number, rule: string): Promise<EntryDetail> {
    const ruleId = RuleIdSchema.safeParse(rule);
    if (!ruleId.success)
      throw AppError.badRequest('VALIDATION_FAILED', 'There is no such rule.', [
        { path: 'rule', message: 'There is no such rule.' },
      ]);
    return this.store.transaction(async (repos) => {
      const entry = await repos.entries.findByIdWithPseud(entryId);
      const slug = entry && (await repos.challenges.findSlugById(entry.challenge_id));
      if (!entry || !slug || entry.status === 'draft')
        throw AppError.notFound('There is no such entry.');
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      await repos.entries.grantException(entry.id, ruleId.data, auth.user.id, this.now());
      await this.organizers.audit(repos, context.challenge.id, auth, 'entry.exception_granted', {
        entry: entry.title,
        entryId: entry.id,
        rule: ruleId.data,
      });
      return this.detailOf(repos, entry.id, auth);
    });
  }

  /** The entry as this viewer may see it; 404 when they may not see it at all. */
  async detailOf(
    repos: Repositories,
    entryId: number,
    auth: Authenticated | null,
  ): Promise<EntryDetail> {
    const entry = await repos.entries.findByIdWithPseud(entryId);
    const slug = entry && (await repos.challenges.findSlugById(entry.challenge_id));
    const context = slug
      ? await this.access.load(slug, auth, repos).catch(() => undefined)
      : undefined;
    const isMine = !!entry && auth?.user.id === entry.user_id;
    if (
      !entry ||
      !context ||
      !canViewEntry({
        status: entry.status,
        moderated: context.challenge.moderated === 1,
        challengeListed: isChallengeListed(context.phase),
        viewerIsAuthor: isMine,
        viewerIsOrganizer: context.role !== null,
      })
    ) {
      throw AppError.notFound('There is no such entry.');
    }
    const prompt =
      entry.prompt_id === null
        ? undefined
        : await repos.prompts.findInChallenge(context.challenge.id, entry.prompt_id);
    const privileged = isMine || context.role !== null;
    const violations = privileged
      ? await this.violations(
          repos,
          context,
          entry.user_id,
          entry.id,
          candidateOf(entry),
          await repos.entries.listExceptions(entry.id),
        )
      : [];
    const extension = isMine
      ? await repos.organizers.findExtension(context.challenge.id, entry.user_id)
      : undefined;
    const canEdit =
      isMine &&
      entry.status !== 'withdrawn' &&
      entry.status !== 'rejected' &&
      (entry.status === 'draft'
        ? ['announced', 'open', 'closed'].includes(context.phase)
        : isSubmissionWindowOpen(
            scheduleOf(context.challenge),
            this.clock(),
            extension?.until ?? null,
          ));
    return serializeEntryDetail({
      entry,
      challenge: context.challenge,
      phase: context.phase,
      viewer: { userId: auth?.user.id ?? null, role: context.role },
      prompt,
      violations,
      canEdit,
    });
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /** The row fields and the rule-check view of what the writer sent. */
  private async prepare(repos: Repositories, context: ChallengeInContext, input: SaveEntryRequest) {
    if (
      input.promptId !== null &&
      !(await repos.prompts.findInChallenge(context.challenge.id, input.promptId))
    ) {
      throw AppError.badRequest('VALIDATION_FAILED', 'Choose one of this challenge’s prompts.', [
        { path: 'promptId', message: 'Choose one of this challenge’s prompts.' },
      ]);
    }
    const { rating: ratingRaw, ...rest } = input.header;
    const rawRating = ratingRaw && ratingRaw.trim() !== '' ? ratingRaw.trim() : null;
    const normalized = rawRating === null ? 'not_rated' : normalizeRating(rawRating);
    const header: StoredEntryHeader = {
      ...rest,
      ...(rawRating !== null ? { rating: { raw: rawRating, normalized } } : {}),
      ...(Object.keys(input.custom).length > 0 ? { custom: input.custom } : {}),
    };
    const wordCount = countWords(input.body);
    const candidate: EntryCandidate = {
      body: input.body,
      rating: rawRating === null ? null : normalized,
      fields: header,
      promptId: input.promptId,
      customValues: input.custom,
    };
    return {
      candidate,
      row: {
        prompt_id: input.promptId,
        title: input.header.title,
        rating_raw: rawRating,
        rating: normalized,
        summary: input.header.summary?.trim() ? input.header.summary : null,
        header_json: JSON.stringify(header),
        body: input.body,
        body_format: input.bodyFormat,
        word_count: wordCount,
      },
    };
  }

  private async violations(
    repos: Repositories,
    context: ChallengeInContext,
    writerId: number,
    entryId: number | null,
    candidate: EntryCandidate,
    exceptions: readonly string[],
  ): Promise<RuleViolation[]> {
    const now = this.now();
    const [otherEntriesByWriter, otherEntriesOnPrompt] = await Promise.all([
      repos.entries.countOthers(context.challenge.id, LIVE, entryId, { userId: writerId }),
      candidate.promptId === null
        ? 0
        : repos.entries.countOthers(context.challenge.id, LIVE, entryId, {
            promptId: candidate.promptId,
          }),
    ]);
    const prompt =
      candidate.promptId === null
        ? undefined
        : await repos.prompts.findInChallenge(context.challenge.id, candidate.promptId);
    const claim =
      candidate.promptId === null
        ? undefined
        : await repos.prompts.findLiveClaim(candidate.promptId, writerId, now);
    return evaluateEntryRules(rulesOf(context.challenge), candidate, {
      prompt: prompt ? { kind: prompt.kind, body: prompt.body } : null,
      writerHasClaim: claim !== undefined,
      otherEntriesByWriter,
      otherEntriesOnPrompt,
    }).filter((violation) => !exceptions.includes(violation.rule));
  }

  /** 422 listing every broken rule, unless an organizer has excepted it for this entry. */
  private async requireRules(
    repos: Repositories,
    context: ChallengeInContext,
    auth: Authenticated,
    entryId: number | null,
    candidate: EntryCandidate,
    exceptions: readonly string[],
  ) {
    const violations = await this.violations(
      repos,
      context,
      auth.user.id,
      entryId,
      candidate,
      exceptions,
    );
    if (violations.length > 0) {
      throw new AppError(
        422,
        'RULES_BROKEN',
        violations.map((v) => v.message).join(' '),
        violations.map((v) => ({ path: v.field, message: v.message, rule: v.rule })),
      );
    }
  }

  /** 409 after the deadline, naming it in the writer's time zone, unless they have an extension. */
  private async requireWindow(
    repos: Repositories,
    context: ChallengeInContext,
    auth: Authenticated,
    viewerZone?: string,
  ) {
    const extension = await repos.organizers.findExtension(context.challenge.id, auth.user.id);
    const schedule = scheduleOf(context.challenge);
    if (isSubmissionWindowOpen(schedule, this.clock(), extension?.until ?? null)) return;
    if (context.phase === 'announced') requirePhase(context, 'submit entries', ['open']);
    const deadline = extension ? new Date(extension.until) : submissionsCloseAt(schedule);
    const zone =
      viewerZone && isValidTimeZone(viewerZone) ? viewerZone : context.challenge.time_zone;
    // Intl refuses dateStyle together with timeZoneName, so the parts are named one by one.
    const when = deadline
      ? new Intl.DateTimeFormat('en-GB', {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZone: ianaZoneOf(zone),
          timeZoneName: 'short',
        }).format(deadline)
      : 'already';
    throw AppError.conflict(
      'DEADLINE_PASSED',
      `Submissions closed on ${when}. Nothing was changed; ask the organizers for an extension.`,
    );
  }

  private async requireOwnPseud(repos: Repositories, auth: Authenticated, pseudId: number) {
    const pseuds = await repos.pseuds.listByUser(auth.user.id);
    if (!pseuds.some((p) => p.id === pseudId)) {
      throw AppError.forbidden('NOT_YOUR_PSEUD', 'Post under one of your own pseuds.');
    }
  }

  private async loadOwn(
    repos: Repositories,
    auth: Authenticated,
    entryId: number,
    options: { organizersToo?: boolean } = {},
  ) {
    const entry = await repos.entries.findByIdWithPseud(entryId);
    const slug = entry && (await repos.challenges.findSlugById(entry.challenge_id));
    if (!entry || !slug) throw AppError.notFound('There is no such entry.');
    const context = await this.access.load(slug, auth, repos);
    if (entry.user_id !== auth.user.id) {
      if (options.organizersToo && context.role !== null && entry.status !== 'draft')
        return { entry, context };
      // Someone else's draft does not exist for them; anything else is visibly not theirs.
      if (entry.status === 'draft') throw AppError.notFound('There is no such entry.');
      throw AppError.forbidden('NOT_YOUR_ENTRY', 'Only its writer can change this entry.');
    }
    return { entry, context };
  }

  /** Keeps every saved version, and brings the entry's tags and search index up to date. */
  private async saveRevision(repos: Repositories, entry: EntryRow): Promise<void> {
    await indexEntry(repos, entry);
    await repos.entries.insertRevision({
      entry_id: entry.id,
      title: entry.title,
      header_json: entry.header_json,
      body: entry.body,
      body_format: entry.body_format,
      word_count: entry.word_count,
      created_at: entry.updated_at,
    });
  }
}

/**
 * The status after a save: a save that is not a submission keeps a draft; submitting a draft
 * submits it; and in a moderated challenge a changed approved entry goes back to the queue,
 * because the approval was for the old text.
 */
function statusAfterSave(
  current: EntryStatus,
  submitting: boolean,
  moderated: boolean,
): EntryStatus {
  if (!submitting) return 'draft';
  if (current === 'draft') return 'submitted';
  if (current === 'approved' && moderated) return 'submitted';
  return current;
}

function summaryOfRevision(revision: {
  id: number;
  title: string;
  word_count: number;
  created_at: string;
}): RevisionSummary {
  return {
    id: revision.id,
    title: revision.title,
    wordCount: revision.word_count,
    createdAt: revision.created_at,
  };
}

/** A version as one text to diff: its header fields as lines, then the story. */
function revisionText(revision: { title: string; header_json: string; body: string }): string {
  const header = JSON.parse(revision.header_json) as Record<string, unknown>;
  const lines = [`Title: ${revision.title}`];
  for (const [key, value] of Object.entries(header)) {
    if (key === 'title' || key === 'lines' || value === undefined) continue;
    lines.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return `${lines.join('\n')}\n\n${revision.body}${revision.body.endsWith('\n') ? '' : '\n'}`;
}
