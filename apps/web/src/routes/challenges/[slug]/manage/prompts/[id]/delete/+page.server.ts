import { error, fail, redirect } from '@sveltejs/kit';
import { ApiError, api } from '$lib/server/api';
import { apiFormErrors, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import { loadManagedChallenge } from '$lib/server/organizer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const challenge = await loadManagedChallenge(event);
  const prompt = challenge.prompts.find((p) => String(p.id) === event.params.id);
  if (!prompt) error(404, 'This challenge has no such prompt. It may have been deleted already.');
  return {
    challenge: { slug: challenge.slug, title: challenge.title },
    prompt: { id: prompt.id, title: prompt.title, claimCount: prompt.claimCount },
  };
};

export const actions: Actions = {
  default: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const id = Number(event.params.id);
    if (!Number.isInteger(id)) error(404, 'This challenge has no such prompt.');
    try {
      await api(event).deletePrompt(event.params.slug, id);
    } catch (e) {
      signInIfSessionEnded(event, e);
      if (!(e instanceof ApiError)) throw e;
      return fail(e.status, { errors: apiFormErrors(e, []) });
    }
    redirect(
      303,
      `/challenges/${encodeURIComponent(event.params.slug)}/manage/prompts?notice=deleted`,
    );
  },
};
