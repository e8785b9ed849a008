import type { RequestEvent } from '@sveltejs/kit';
import type { ChallengeDetail, ChallengePhase } from '@ficathon/schema';
import { needsAdultGate } from '$lib/entry-text';
import { RATINGS, ratingLabel } from '$lib/format';
import { adultContentConfirmed } from './adult-gate';
import { challengePath, type ApiClient } from './api';

/** The anthology exists once the results are out (the API answers 409 before). */
export function anthologyReady(phase: ChallengePhase): boolean {
  return phase === 'results' || phase === 'archived';
}

export interface AnthologyLink {
  /** The EPUB through the /api proxy, or null while the reader must confirm adult content first. */
  fileHref: string | null;
  /** The adult ratings among the challenge's entries, in words, when there are any. */
  adultRatings: string[];
}

/**
 * How the reader gets the anthology: straight to the file, or through the adult-content notice
 * when its entries include mature, explicit or unrated work that the reader has not yet chosen
 * to see (the API refuses such a download without `confirmAdult=true`).
 */
export async function adultAnthology(
  event: Pick<RequestEvent, 'cookies' | 'locals'>,
  client: ApiClient,
  challenge: Pick<ChallengeDetail, 'slug' | 'entries'>,
): Promise<AnthologyLink> {
  const present = new Set(challenge.entries.map((entry) => entry.rating.normalized));
  const adultRatings = RATINGS.filter(
    (rating) => present.has(rating) && needsAdultGate(rating),
  ).map((normalized) => ratingLabel({ raw: null, normalized }));
  const file = challengePath(challenge.slug, '/anthology.epub');
  if (adultRatings.length === 0) return { fileHref: file, adultRatings };
  const confirmed = await adultContentConfirmed(event, client);
  return { fileHref: confirmed ? `${file}?confirmAdult=true` : null, adultRatings };
}
