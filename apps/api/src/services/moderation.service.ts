import type { EntryListRow, EntryStatus, Store } from '@ficathon/db';
import type { ModerationQueueItem, ModerationRequest, RuleViolation } from '@ficathon/schema';
import { AppError } from '../http/app-error';
import { authorVisibleTo } from '../serializers/challenge.serializer';
import type { Authenticated } from './auth.service';
import { requirePhase, type ChallengeAccess, type ChallengeInContext } from './challenge-access';
import type { OrganizerService } from './organizer.service';
import { violationsOfStoredEntries } from './stored-entry-rules';

/** What each moderation act does: which statuses it applies to, and the status it leaves. */
const ACTS: Record<
  ModerationRequest['action'],
  { from: EntryStatus[]; to: EntryStatus; audit: string; verb: string }
> = {
  approve: {
    from: ['submitted', 'rejected'],
    to: 'approved',
    audit: 'entry.approved',
    verb: 'approve',
  },
  reject: { from: ['submitted'], to: 'rejected', audit: 'entry.rejected', verb: 'reject' },
  // The entry goes back to its writer as a draft, with the organizers' note on what to change.
  request_changes: {
    from: ['submitted'],
    to: 'draft',
    audit: 'entry.changes_requested',
    verb: 'ask for changes to',
  },
  disqualify: {
    from: ['approved', 'submitted'],
    to: 'rejected',
    audit: 'entry.disqualified',
    verb: 'disqualify',
  },
};

/** What the writer is told of each decision (the organizers' reason included). */
const MODERATION_NOTICE: Record<
  ModerationRequest['action'],
  (title: string, note: string | null) => string
> = {
  approve: (title) => `“${title}” was approved and is now public.`,
  reject: (title, note) => `“${title}” was not accepted: ${note}`,
  request_changes: (title, note) => `The organizers asked for changes to “${title}”: ${note}`,
  disqualify: (title, note) => `“${title}” was disqualified: ${note}`,
};

export class ModerationService {
  constructor(
    private readonly store: Store,
    private readonly access: ChallengeAccess,
    private readonly organizers: OrganizerService,
    private readonly clock: () => Date,
  ) {}

  /** Entries waiting for a decision, oldest first, each with the rules it breaks. */
  async queue(auth: Authenticated, slug: string): Promise<ModerationQueueItem[]> {
    const context = await this.access.loadAsOrganizer(slug, auth);
    const entries = await this.store.repos.entries.listByChallenge(context.challenge.id, [
      'submitted',
    ]);
    const violations = await this.violations(context, entries);
    return entries.map((entry) =>
      this.serialize(context, auth, entry, violations.get(entry.id) ?? []),
    );
  }

  async moderate(
    auth: Authenticated,
    entryId: number,
    input: ModerationRequest,
  ): Promise<ModerationQueueItem> {
    return this.store.transaction(async (repos) => {
      const entry = await repos.entries.findByIdWithPseud(entryId);
      const slug = entry && (await repos.challenges.findSlugById(entry.challenge_id));
      if (!entry || !slug || entry.status === 'draft')
        throw AppError.notFound('There is no such entry.');
      const context = await this.access.loadAsOrganizer(slug, auth, { repos });
      const act = ACTS[input.action];
      requirePhase(
        context,
        `${act.verb} entries`,
        input.action === 'disqualify' ? ['open', 'closed', 'voting'] : ['open', 'closed'],
      );
      if (!act.from.includes(entry.status)) {
        throw AppError.conflict(
          'WRONG_STATUS',
          `You cannot ${act.verb} an entry that is ${entry.status}.`,
        );
      }
      const note = input.action === 'approve' ? null : input.reason;
      const now = this.clock().toISOString();
      await repos.entries.setModeration(entry.id, {
        status: act.to,
        moderation_note: note,
        updated_at: now,
      });
      await repos.feedback.notify({
        user_id: entry.user_id,
        kind: 'moderation',
        entry_id: entry.id,
        challenge_id: context.challenge.id,
        text: MODERATION_NOTICE[input.action](entry.title, note),
        created_at: now,
      });
      await this.organizers.audit(repos, context.challenge.id, auth, act.audit, {
        entry: entry.title,
        entryId: entry.id,
        ...(note ? { reason: note } : {}),
      });
      const updated = { ...entry, status: act.to, moderation_note: note };
      return this.serialize(context, auth, updated, []);
    });
  }

  private async violations(
    context: ChallengeInContext,
    entries: EntryListRow[],
  ): Promise<Map<number, RuleViolation[]>> {
    const repos = this.store.repos;
    const all = await repos.entries.listByChallenge(context.challenge.id, [
      'submitted',
      'approved',
    ]);
    const [prompts, claims] = await Promise.all([
      repos.prompts.listByChallenge(context.challenge.id),
      repos.prompts.listLiveClaims(context.challenge.id, this.clock().toISOString()),
    ]);
    const found = violationsOfStoredEntries(context.challenge, all, prompts, claims);
    return new Map(entries.map((entry) => [entry.id, found.get(entry.id) ?? []]));
  }

  private serialize(
    context: ChallengeInContext,
    auth: Authenticated,
    entry: EntryListRow,
    violations: RuleViolation[],
  ): ModerationQueueItem {
    const viewer = { userId: auth.user.id, role: context.role };
    return {
      id: entry.id,
      title: entry.title,
      author: authorVisibleTo(context.challenge, context.phase, viewer, entry.user_id)
        ? entry.pseud_name
        : null,
      status: entry.status,
      wordCount: entry.word_count,
      submittedAt: entry.submitted_at,
      moderationNote: entry.moderation_note,
      violations,
    };
  }
}
