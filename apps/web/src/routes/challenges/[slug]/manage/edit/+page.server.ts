import { fail, redirect } from '@sveltejs/kit';
import { UpdateChallengeRequestSchema } from '@ficathon/schema';
import {
  CHALLENGE_FIELDS,
  challengeFieldForPath,
  challengeValuesFrom,
  readChallengeForm,
  updateChallengeInput,
} from '$lib/challenge-form';
import { issuesToFieldErrors } from '$lib/forms';
import { api } from '$lib/server/api';
import { apiFailure, signInIfSessionEnded } from '$lib/server/form-actions';
import { challengeFormOptions, loadManagedChallenge } from '$lib/server/organizer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const challenge = await loadManagedChallenge(event);
  return {
    challenge: { slug: challenge.slug, title: challenge.title, phase: challenge.phase },
    values: challengeValuesFrom(challenge),
    options: challengeFormOptions([challenge.schedule.timeZone]),
  };
};

export const actions: Actions = {
  default: async (event) => {
    // Loaded again for the parts of the rules this form does not edit (custom fields), which a
    // PATCH of `rules` would otherwise wipe.
    const current = await loadManagedChallenge(event);
    const values = { ...readChallengeForm(await event.request.formData()), slug: current.slug };

    const parsed = UpdateChallengeRequestSchema.safeParse(
      updateChallengeInput(values, current.rules.customFields),
    );
    if (!parsed.success) {
      return fail(400, {
        values,
        errors: issuesToFieldErrors(parsed.error.issues, CHALLENGE_FIELDS, challengeFieldForPath),
      });
    }
    try {
      await api(event).updateChallenge(current.slug, parsed.data);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return apiFailure(e, CHALLENGE_FIELDS, values, challengeFieldForPath);
    }
    redirect(303, `/challenges/${encodeURIComponent(current.slug)}/manage?saved=1`);
  },
};
