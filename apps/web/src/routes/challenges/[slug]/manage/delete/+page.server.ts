import { fail, redirect } from '@sveltejs/kit';
import { ApiError, api } from '$lib/server/api';
import { apiFormErrors, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import { loadManagedChallenge } from '$lib/server/organizer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const challenge = await loadManagedChallenge(event);
  return {
    challenge: { slug: challenge.slug, title: challenge.title, phase: challenge.phase },
    promptCount: challenge.prompts.length,
    isOwner: challenge.viewerRole === 'owner' || challenge.viewerRole === 'admin',
  };
};

export const actions: Actions = {
  default: async (event) => {
    if (!event.locals.user) signInFirst(event);
    try {
      await api(event).deleteChallenge(event.params.slug);
    } catch (e) {
      signInIfSessionEnded(event, e);
      if (!(e instanceof ApiError)) throw e;
      return fail(e.status, { errors: apiFormErrors(e, []) });
    }
    redirect(303, '/account?deleted=1');
  },
};
