import { redirect } from '@sveltejs/kit';
import type { EntryPage, ReaderPreferences } from '@ficathon/schema';
import { filterParams, narrowed, queryString, readFilters } from '$lib/entry-filters';
import type { FormErrors } from '$lib/forms';
import { ApiError, api, challengePath } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import { apiFormErrors } from '$lib/server/form-actions';
import type { PageServerLoad } from './$types';

/** The filter form's fields, in form order, as the API names its parameters. */
const FIELDS = [
  'q',
  'rating',
  'excludeRating',
  'excludeWarning',
  'fandom',
  'pairing',
  'character',
  'prompt',
  'minWords',
  'maxWords',
  'sort',
] as const;

interface Listing {
  page: EntryPage | null;
  errors: FormErrors<(typeof FIELDS)[number]> | null;
}

export const load: PageServerLoad = async (event) => {
  const { url, params } = event;
  const filters = readFilters(url.searchParams);
  const cursor = url.searchParams.get('cursor')?.trim() || null;

  // One address per filter state: a form sent without JavaScript also sends its empty fields.
  const canonical = queryString(filterParams(filters, cursor));
  if (canonical !== url.search) redirect(302, `${url.pathname}${canonical}`);

  const client = api(event);
  let challenge, listing, preferences: ReaderPreferences | null;
  try {
    [challenge, listing, preferences] = await Promise.all([
      client.getChallenge(params.slug),
      client.listEntries(params.slug, filterParams(filters, cursor)).then(
        (page): Listing => ({ page, errors: null }),
        (e: unknown): Listing => {
          // Filters the API cannot take (a tampered URL, an old page link) are named next to
          // their fields, and the form is still there to fix them.
          if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 404) {
            return { page: null, errors: apiFormErrors(e, FIELDS) };
          }
          throw e;
        },
      ),
      // Only to say what the reader's own preferences hide; the API applies them.
      event.locals.user ? client.preferences().catch(() => null) : null,
    ]);
  } catch (e) {
    throwAsPageError(e);
  }
  const { page, errors } = listing;

  const hidden =
    preferences &&
    (preferences.hiddenRatings.length > 0 ||
      preferences.hiddenWarnings.length > 0 ||
      preferences.hiddenTags.length > 0)
      ? {
          ratings: preferences.hiddenRatings,
          warnings: preferences.hiddenWarnings,
          tags: preferences.hiddenTags,
        }
      : null;

  return {
    challenge: {
      slug: challenge.slug,
      title: challenge.title,
      phase: challenge.phase,
      anonymous: challenge.anonymous,
      entryCount: challenge.entryCount,
    },
    filters,
    narrowed: narrowed(filters),
    paged: cursor !== null,
    page,
    errors,
    hidden,
    firstPageQuery: queryString(filterParams(filters)),
    nextPageQuery: page?.nextCursor ? queryString(filterParams(filters, page.nextCursor)) : null,
    feedHref: challengePath(challenge.slug, '/feed.atom'),
  };
};
