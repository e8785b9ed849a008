import { countWords, normalizeRating } from '@ficathon/core';
import type { StoredEntryHeader } from '@ficathon/schema';
import { isUniqueViolation, type Repositories, type Store } from '@ficathon/db';
import { indexEntry } from '../services/index-entry';
import { insertAccount } from '../services/insert-account';
import {
  demoChallenge,
  demoEntries,
  demoOrganizer,
  demoPrompts,
  demoWriters,
} from './demo-content';

const DAY_MS = 24 * 60 * 60 * 1000;

// Demo accounts cannot sign in: this is not an argon2 hash, so every password check fails.
const UNUSABLE_PASSWORD_HASH = '!demo-account-cannot-sign-in';

/**
 * Seeds the demo challenge when the database has no users at all (a first start). Returns whether
 * it seeded. Safe when several processes start at once: the loser's transaction rolls back.
 */
export async function seedDemo(store: Store, now: Date): Promise<boolean> {
  if ((await store.repos.users.count()) > 0) return false;
  try {
    await store.transaction((repos) => insertDemo(repos, now));
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function insertDemo(repos: Repositories, now: Date): Promise<void> {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  const createdAt = now.toISOString();

  const addAccount = (account: { email: string; displayName: string }) =>
    insertAccount(repos, { ...account, passwordHash: UNUSABLE_PASSWORD_HASH, createdAt });

  const organizer = await addAccount(demoOrganizer);
  const writers = [];
  for (const writer of demoWriters) writers.push(await addAccount(writer));

  // A challenge in the middle of its submission window, so the demo looks alive whenever it starts.
  const challenge = await repos.challenges.insert({
    slug: demoChallenge.slug,
    title: demoChallenge.title,
    description: demoChallenge.description,
    owner_id: organizer.user.id,
    organizer_pseud_id: organizer.pseud.id,
    time_zone: demoChallenge.timeZone,
    announced_at: at(-14),
    opens_at: at(-7),
    closes_at: at(21),
    voting_opens_at: at(22),
    voting_closes_at: at(29),
    created_at: createdAt,
    updated_at: createdAt,
  });

  const prompts = [];
  for (const [index, prompt] of demoPrompts.entries()) {
    prompts.push(
      await repos.prompts.insert({
        challenge_id: challenge.id,
        position: index + 1,
        kind: 'lyrics',
        title: prompt.title,
        credit: prompt.credit,
        body: prompt.body,
        link: null,
        created_at: createdAt,
      }),
    );
  }

  for (const [index, demo] of demoEntries.entries()) {
    const writer = writers[demo.writer]!;
    const prompt = prompts[demo.prompt]!;
    const submittedAt = at(-5 + index);
    const rating = { raw: demo.rating, normalized: normalizeRating(demo.rating) };
    const header: StoredEntryHeader = {
      title: demo.title,
      rating,
      warningsNone: true,
      fandoms: ['Original Work'],
      characters: [...demo.characters],
      summary: demo.summary,
      notes: demo.notes,
    };
    const wordCount = countWords(demo.body);
    const entry = await repos.entries.insert({
      challenge_id: challenge.id,
      prompt_id: prompt.id,
      user_id: writer.user.id,
      pseud_id: writer.pseud.id,
      status: 'submitted',
      title: demo.title,
      rating_raw: rating.raw,
      rating: rating.normalized,
      summary: demo.summary,
      header_json: JSON.stringify(header),
      body: demo.body,
      body_format: 'text',
      word_count: wordCount,
      submitted_at: submittedAt,
      created_at: submittedAt,
      updated_at: submittedAt,
    });
    await indexEntry(repos, entry);
    await repos.entries.insertRevision({
      entry_id: entry.id,
      title: entry.title,
      header_json: entry.header_json,
      body: entry.body,
      body_format: entry.body_format,
      word_count: wordCount,
      created_at: submittedAt,
    });
  }
}
