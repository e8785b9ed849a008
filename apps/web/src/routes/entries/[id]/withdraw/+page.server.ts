import { fail, redirect } from '@sveltejs/kit';
import { ApiError, api } from '$lib/server/api';
import { entryIdParam, loadOwnEntry } from '$lib/server/entry-actions';
import { apiFormErrors, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) signInFirst(event);
  const { entry } = await loadOwnEntry(event, entryIdParam(event.params.id));
  return {
    entry: {
      id: entry.id,
      title: entry.title,
      status: entry.status,
      challenge: { slug: entry.challenge.slug, title: entry.challenge.title },
    },
  };
};

export const actions: Actions = {
  default: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const id = entryIdParam(event.params.id);
    try {
      await api(event).withdrawEntry(id);
    } catch (e) {
      signInIfSessionEnded(event, e);
      if (!(e instanceof ApiError)) throw e;
      return fail(e.status, { errors: apiFormErrors(e, []) });
    }
    redirect(303, `/entries/${id}?withdrawn=1`);
  },
};
