import type { RevisionDiff } from '@ficathon/schema';
import { formatInZone } from '$lib/format';
import { api } from '$lib/server/api';
import { entryIdParam } from '$lib/server/entry-actions';
import { throwAsPageError } from '$lib/server/errors';
import { signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import type { PageServerLoad } from './$types';

/** A version chosen in the query, if it is one of the entry's. */
function chosen(raw: string | null, ids: readonly number[]): number | null {
  const id = raw !== null && /^\d{1,16}$/.test(raw) ? Number(raw) : null;
  return id !== null && ids.includes(id) ? id : null;
}

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) signInFirst(event);
  const id = entryIdParam(event.params.id);
  const client = api(event);
  try {
    const [entry, revisions] = await Promise.all([client.getEntry(id), client.entryRevisions(id)]);
    const timeZone = await client
      .getChallenge(entry.challenge.slug)
      .then((challenge) => challenge.schedule.timeZone)
      .catch(() => 'UTC');

    const ids = revisions.map((revision) => revision.id);
    const query = event.url.searchParams;
    const asked = query.has('from') || query.has('to');
    // Without a choice, the last change: the version before the latest, and the latest.
    const from = chosen(query.get('from'), ids) ?? (ids.length >= 2 ? ids.at(-2)! : null);
    const to = chosen(query.get('to'), ids) ?? ids.at(-1) ?? null;
    let diff: RevisionDiff | null = null;
    if (from !== null && to !== null && from !== to) diff = await client.entryDiff(id, from, to);

    return {
      entry: {
        id: entry.id,
        title: entry.title,
        isMine: entry.isMine,
        canEdit: entry.canEdit,
        challenge: { slug: entry.challenge.slug, title: entry.challenge.title },
      },
      timeZone,
      revisions: revisions.map((revision, index) => ({
        ...revision,
        number: index + 1,
        label: `Version ${index + 1}, ${formatInZone(revision.createdAt, timeZone)}`,
      })),
      from,
      to,
      asked,
      diff,
    };
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
};
