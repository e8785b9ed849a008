import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { ballotErrors, ballotFromForm } from '$lib/ballot-form';
import { apiFormErrors, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import { api, ApiError } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import { allEntries } from '$lib/server/voting';
import { formString } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const slug = event.params.slug;
  try {
    const [challenge, config] = await Promise.all([
      client.getChallenge(slug),
      client.votingConfig(slug),
    ]);
    const signedIn = !!event.locals.user;
    const [entries, mine] = await Promise.all([
      allEntries(client, slug),
      signedIn ? client.myBallots(slug) : Promise.resolve(null),
    ]);
    const closesAt = challenge.schedule.votingClosesAt;
    const open =
      challenge.phase === 'voting' && (closesAt === null || Date.parse(closesAt) > Date.now());
    return {
      challenge: {
        slug: challenge.slug,
        title: challenge.title,
        phase: challenge.phase,
        anonymous: challenge.anonymous,
        timeZone: challenge.schedule.timeZone,
        votingOpensAt: challenge.schedule.votingOpensAt,
        votingClosesAt: closesAt,
      },
      categories: config.categories
        .filter((c) => c.source !== 'judges')
        .map((c) => ({
          id: c.id,
          name: c.name,
          description: c.description,
          method: c.method,
          approvalCap: c.approvalCap,
          scoreScale: c.scoreScale,
        })),
      entries,
      open,
      signedIn,
      ballots: mine?.ballots ?? {},
      eligible: mine?.eligible ?? false,
      reason: mine?.reason ?? null,
    };
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
};

/** The category and entries a vote form is about, from the API (never from the form alone). */
async function categoryOf(event: RequestEvent<{ slug: string }>, categoryId: string) {
  const client = api(event);
  const [config, entries] = await Promise.all([
    client.votingConfig(event.params.slug),
    allEntries(client, event.params.slug),
  ]);
  const category = config.categories.find((c) => c.id === categoryId);
  if (!category) error(404, 'There is no such category in this vote.');
  return { category, entries };
}

export const actions: Actions = {
  vote: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const data = await event.request.formData();
    const categoryId = formString(data, 'category');
    let found: Awaited<ReturnType<typeof categoryOf>>;
    try {
      found = await categoryOf(event, categoryId);
    } catch (e) {
      signInIfSessionEnded(event, e);
      throw e;
    }
    const { category, entries } = found;
    const titles = new Map(entries.map((e) => [e.id, e.title]));
    const read = ballotFromForm(
      category.method,
      data,
      entries.map((e) => e.id),
      titles,
    );
    if (!read.ok) {
      return fail(400, { action: 'vote' as const, category: categoryId, ...read });
    }
    try {
      await api(event).castBallot(event.params.slug, categoryId, read.ballot);
    } catch (e) {
      signInIfSessionEnded(event, e);
      if (!(e instanceof ApiError)) throw e;
      const errors =
        e.status === 400 ? ballotErrors(e, read.ballot) : apiFormErrors(e, [] as string[]);
      return fail(e.status, {
        action: 'vote' as const,
        category: categoryId,
        values: read.values,
        errors,
      });
    }
    return {
      action: 'vote' as const,
      category: categoryId,
      message: `Your vote in “${category.name}” is saved. You can change it until voting closes.`,
    };
  },

  withdraw: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const data = await event.request.formData();
    const categoryId = formString(data, 'category');
    const name = formString(data, 'name');
    try {
      await api(event).withdrawBallot(event.params.slug, categoryId);
    } catch (e) {
      signInIfSessionEnded(event, e);
      if (!(e instanceof ApiError)) throw e;
      return fail(e.status, {
        action: 'withdraw' as const,
        category: categoryId,
        values: {} as Record<string, string>,
        errors: apiFormErrors(e, [] as string[]),
      });
    }
    return {
      action: 'withdraw' as const,
      category: categoryId,
      message: name ? `Your vote in “${name}” is taken back.` : 'Your vote is taken back.',
    };
  },
};
