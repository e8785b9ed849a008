import type { ChallengeRow, EntryRow, EntryStatus, Store } from '@ficathon/db';
import { DAY_MS } from './test-app';

/** Challenge rows the API has no endpoint for yet, inserted straight through the repositories. */
export async function insertChallenge(
  store: Store,
  options: {
    slug: string;
    ownerId: number;
    now?: Date;
    title?: string;
    description?: string;
    /** Announced 14 days ago and open now unless false (a draft). */
    announced?: boolean;
    anonymous?: boolean;
    moderated?: boolean;
    resultsPublished?: boolean;
  },
): Promise<ChallengeRow> {
  const now = options.now ?? new Date();
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  const pseud = await store.repos.pseuds.findDefault(options.ownerId);
  if (!pseud) throw new Error(`user ${options.ownerId} has no default pseud`);
  const announced = options.announced ?? true;
  return store.repos.challenges.insert({
    slug: options.slug,
    title: options.title ?? `Challenge ${options.slug}`,
    description: options.description ?? 'A test challenge.',
    owner_id: options.ownerId,
    organizer_pseud_id: pseud.id,
    time_zone: 'UTC',
    anonymous: options.anonymous ? 1 : 0,
    moderated: options.moderated ? 1 : 0,
    announced_at: announced ? at(-14) : null,
    opens_at: at(-7),
    closes_at: options.resultsPublished ? at(-3) : at(21),
    voting_opens_at: options.resultsPublished ? at(-2) : at(22),
    voting_closes_at: options.resultsPublished ? at(-1) : at(29),
    results_published_at: options.resultsPublished ? at(-1) : null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
}

export async function insertEntry(
  store: Store,
  options: {
    challengeId: number;
    userId: number;
    title: string;
    status?: EntryStatus;
    pseudId?: number;
    body?: string;
  },
): Promise<EntryRow> {
  const pseudId = options.pseudId ?? (await store.repos.pseuds.findDefault(options.userId))?.id;
  if (pseudId === undefined) throw new Error(`user ${options.userId} has no default pseud`);
  const now = new Date().toISOString();
  const status = options.status ?? 'submitted';
  const body = options.body ?? 'Once upon a time.';
  return store.repos.entries.insert({
    challenge_id: options.challengeId,
    prompt_id: null,
    user_id: options.userId,
    pseud_id: pseudId,
    status,
    title: options.title,
    rating_raw: 'PG-13',
    rating: 'teen',
    summary: null,
    header_json: JSON.stringify({ title: options.title }),
    body,
    body_format: 'text',
    word_count: body.split(/\s+/).filter(Boolean).length,
    submitted_at: status === 'draft' ? null : now,
    created_at: now,
    updated_at: now,
  });
}
