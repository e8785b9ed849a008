import { ianaZoneOf } from '@ficathon/core';
import type { EntryListRow, Store } from '@ficathon/db';
import type { Dashboard, RevealPreview } from '@ficathon/schema';
import { stringify } from 'csv-stringify/sync';
import { authorVisibleTo } from '../serializers/challenge.serializer';
import { headerOf, headerWithoutAuthor } from '../serializers/stored-header';
import type { Authenticated } from './auth.service';
import type { ChallengeAccess, ChallengeInContext } from './challenge-access';
import { violationsOfStoredEntries } from './stored-entry-rules';

// Drafts belong to their writers until submitted: organizers never see them.
const VISIBLE_TO_ORGANIZERS = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;

/** Header fields exported as their own columns, in this order; the rest stay in `header`. */
const EXPORT_FIELDS = [
  'summary',
  'warnings',
  'fandoms',
  'pairings',
  'characters',
  'spoilers',
  'disclaimer',
  'archive',
  'notes',
] as const;

export interface ExportedEntry {
  id: number;
  title: string;
  author: string | null;
  status: string;
  rating: string;
  ratingRaw: string | null;
  wordCount: number;
  prompt: string | null;
  submittedAt: string | null;
  header: Record<string, unknown>;
}

export class DashboardService {
  constructor(
    private readonly store: Store,
    private readonly access: ChallengeAccess,
    private readonly clock: () => Date,
  ) {}

  async dashboard(auth: Authenticated, slug: string): Promise<Dashboard> {
    const context = await this.access.loadAsOrganizer(slug, auth);
    const { challenge } = context;
    const repos = this.store.repos;
    const [entries, prompts, claims] = await Promise.all([
      repos.entries.listByChallenge(challenge.id, VISIBLE_TO_ORGANIZERS),
      repos.prompts.listByChallenge(challenge.id),
      repos.prompts.listLiveClaims(challenge.id, this.clock().toISOString()),
    ]);
    const live = entries.filter((e) => e.status === 'submitted' || e.status === 'approved');
    const violations = violationsOfStoredEntries(challenge, live, prompts, claims);

    const entriesByStatus: Record<string, number> = {};
    for (const entry of entries)
      entriesByStatus[entry.status] = (entriesByStatus[entry.status] ?? 0) + 1;

    const perDay = new Map<string, number>();
    const day = new Intl.DateTimeFormat('en-CA', {
      timeZone: ianaZoneOf(challenge.time_zone),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (const entry of live) {
      if (entry.submitted_at === null) continue;
      const date = day.format(new Date(entry.submitted_at));
      perDay.set(date, (perDay.get(date) ?? 0) + 1);
    }

    return {
      entriesByStatus,
      totalWords: live.reduce((sum, e) => sum + e.word_count, 0),
      claimsPerPrompt: prompts.map((prompt) => ({
        promptId: prompt.id,
        title: prompt.title,
        claims: claims.filter((c) => c.prompt_id === prompt.id).length,
        entries: live.filter((e) => e.prompt_id === prompt.id).length,
      })),
      lateEntries: live
        .filter(
          (e) =>
            e.submitted_at !== null &&
            challenge.closes_at !== null &&
            e.submitted_at > challenge.closes_at,
        )
        .map((e) => ({ id: e.id, title: e.title, submittedAt: e.submitted_at! })),
      ruleBreakingEntries: live
        .map((e) => ({
          id: e.id,
          title: e.title,
          rules: (violations.get(e.id) ?? []).map((v) => v.rule),
        }))
        .filter((e) => e.rules.length > 0),
      submissionsPerDay: [...perDay.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([date, count]) => ({ date, count })),
    };
  }

  /**
   * What the reveal will make public: each public entry and the pseud that will be shown on it
   * (itself hidden here unless the challenge lets organizers see authors before the reveal).
   */
  async revealPreview(auth: Authenticated, slug: string): Promise<RevealPreview> {
    const context = await this.access.loadAsOrganizer(slug, auth);
    const { challenge, phase } = context;
    const entries = await this.store.repos.entries.listByChallenge(challenge.id, [
      'submitted',
      'approved',
    ]);
    const viewer = { userId: auth.user.id, role: context.role };
    return {
      anonymous: challenge.anonymous === 1,
      revealed: phase === 'results' || phase === 'archived',
      organizersSeeAuthors: challenge.organizers_see_authors === 1,
      entries: entries.map((entry) => ({
        id: entry.id,
        title: entry.title,
        author: authorVisibleTo(challenge, phase, viewer, entry.user_id) ? entry.pseud_name : null,
        status: entry.status,
      })),
    };
  }

  /** Every entry organizers may see, with its header fields; authors as the anonymity policy allows. */
  async exportEntries(auth: Authenticated, slug: string): Promise<ExportedEntry[]> {
    const context = await this.access.loadAsOrganizer(slug, auth);
    const repos = this.store.repos;
    const [entries, prompts] = await Promise.all([
      repos.entries.listByChallenge(context.challenge.id, VISIBLE_TO_ORGANIZERS),
      repos.prompts.listByChallenge(context.challenge.id),
    ]);
    const promptTitle = new Map(prompts.map((p) => [p.id, p.title]));
    return entries.map((entry) => this.exported(context, auth, entry, promptTitle));
  }

  async exportCsv(auth: Authenticated, slug: string): Promise<string> {
    const rows = await this.exportEntries(auth, slug);
    const cell = (value: unknown) =>
      spreadsheetSafe(
        value === undefined || value === null
          ? ''
          : Array.isArray(value)
            ? value.join('; ')
            : typeof value === 'object'
              ? JSON.stringify(value)
              : String(value),
      );
    return stringify(
      rows.map((row) => ({
        id: row.id,
        title: cell(row.title),
        author: cell(row.author ?? '(anonymous)'),
        status: row.status,
        rating: row.rating,
        rating_raw: cell(row.ratingRaw),
        word_count: row.wordCount,
        prompt: cell(row.prompt),
        submitted_at: row.submittedAt ?? '',
        ...Object.fromEntries(EXPORT_FIELDS.map((field) => [field, cell(row.header[field])])),
      })),
      {
        header: true,
        columns: [
          'id',
          'title',
          'author',
          'status',
          'rating',
          'rating_raw',
          'word_count',
          'prompt',
          'submitted_at',
          ...EXPORT_FIELDS,
        ],
      },
    );
  }

  private exported(
    context: ChallengeInContext,
    auth: Authenticated,
    entry: EntryListRow,
    promptTitle: Map<number, string>,
  ): ExportedEntry {
    const viewer = { userId: auth.user.id, role: context.role };
    const showAuthor = authorVisibleTo(context.challenge, context.phase, viewer, entry.user_id);
    const header = headerOf(entry);
    return {
      id: entry.id,
      title: entry.title,
      author: showAuthor ? entry.pseud_name : null,
      status: entry.status,
      rating: entry.rating,
      ratingRaw: entry.rating_raw,
      wordCount: entry.word_count,
      prompt: entry.prompt_id === null ? null : (promptTitle.get(entry.prompt_id) ?? null),
      submittedAt: entry.submitted_at,
      header: showAuthor ? header : headerWithoutAuthor(header),
    };
  }
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as a
 * formula: a writer's title could then fetch URLs or run code on an organizer's machine (OWASP
 * "CSV injection"). A leading apostrophe makes such a cell plain text.
 */
function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
