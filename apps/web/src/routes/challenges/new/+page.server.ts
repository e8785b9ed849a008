import { fail, redirect } from '@sveltejs/kit';
import { CreateChallengeRequestSchema } from '@ficathon/schema';
import {
  CHALLENGE_FIELDS,
  challengeFieldForPath,
  createChallengeInput,
  readChallengeForm,
} from '$lib/challenge-form';
import { issuesToFieldErrors } from '$lib/forms';
import { api } from '$lib/server/api';
import { apiFailure, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import { challengeFormOptions } from '$lib/server/organizer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  if (!event.locals.user) signInFirst(event);
  return { options: challengeFormOptions() };
};

export const actions: Actions = {
  default: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const values = readChallengeForm(await event.request.formData());

    const parsed = CreateChallengeRequestSchema.safeParse(createChallengeInput(values));
    if (!parsed.success) {
      return fail(400, {
        values,
        errors: issuesToFieldErrors(parsed.error.issues, CHALLENGE_FIELDS, challengeFieldForPath),
      });
    }

    let slug: string;
    try {
      slug = (await api(event).createChallenge(parsed.data)).slug;
    } catch (e) {
      signInIfSessionEnded(event, e);
      return apiFailure(e, CHALLENGE_FIELDS, values, challengeFieldForPath);
    }
    redirect(303, `/challenges/${encodeURIComponent(slug)}/manage?created=1`);
  },
};
