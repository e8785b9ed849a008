import { redirect } from '@sveltejs/kit';
import type { ChallengeDetail } from '@ficathon/schema';
import { ADULT_COOKIE, needsAdultGate, warningsText } from '$lib/entry-text';
import { ratingLabel } from '$lib/format';
import { api, entryPath } from '$lib/server/api';
import { entryIdParam } from '$lib/server/entry-actions';
import { throwAsPageError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
  draft: 'Saved your draft. Only you can see it.',
  submitted: 'Your entry is submitted.',
  updated: 'Saved your changes. Readers now see this version.',
  withdrawn: 'Your entry is withdrawn. Readers no longer see it.',
};

export const load: PageServerLoad = async (event) => {
  const id = entryIdParam(event.params.id);
  const client = api(event);
  let entry;
  try {
    entry = await client.getEntry(id);
  } catch (e) {
    throwAsPageError(e);
  }

  // The writer and the organizers (the only viewers who get rule problems) pass the gate.
  const privileged = entry.isMine || entry.violations !== null;
  const adult = !privileged && needsAdultGate(entry.rating.normalized);
  if (adult && event.cookies.get(ADULT_COOKIE) !== 'yes') {
    // Only what the notice names: not the story.
    return {
      gate: {
        id: entry.id,
        title: entry.title,
        rating: ratingLabel(entry.rating),
        warnings: warningsText(entry.header),
        challenge: { slug: entry.challenge.slug, title: entry.challenge.title },
      },
      entry: null,
    };
  }

  let challenge: ChallengeDetail | null = null;
  try {
    challenge = await client.getChallenge(entry.challenge.slug);
  } catch {
    // Labels of the organizers' questions and the challenge's zone are niceties: show the entry.
  }
  const saved = event.url.searchParams.get('saved');
  const query = adult ? '?confirmAdult=true' : '';
  return {
    gate: null,
    entry,
    privileged,
    timeZone: challenge?.schedule.timeZone ?? 'UTC',
    moderated: challenge?.moderated ?? false,
    customFields: challenge?.rules.customFields ?? [],
    notice: event.url.searchParams.has('withdrawn')
      ? NOTICES.withdrawn
      : saved
        ? (NOTICES[saved] ?? null)
        : null,
    downloads: (['txt', 'html', 'epub'] as const).map((format) => ({
      format,
      href: `${entryPath(entry.id, `/download.${format}`)}${query}`,
    })),
  };
};

export const actions: Actions = {
  /** The reader chose to see adult-rated work: remembered until the browser closes. */
  proceed: async (event) => {
    const id = entryIdParam(event.params.id);
    event.cookies.set(ADULT_COOKIE, 'yes', {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: event.url.protocol === 'https:',
    });
    redirect(303, `/entries/${id}`);
  },
};
