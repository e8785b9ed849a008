import { fail, redirect } from '@sveltejs/kit';
import { UpdateChallengeRequestSchema } from '@ficathon/schema';
import {
  challengeErrorFields,
  challengeFieldForPath,
  challengeValuesFrom,
  readChallengeForm,
  updateChallengeInput,
} from '$lib/challenge-form';
import { issuesToFieldErrors } from '$lib/forms';
import { api } from '$lib/server/api';
import { customFieldStep, withNewField } from '$lib/server/challenge-actions';
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
    const current = await loadManagedChallenge(event);
    const data = await event.request.formData();
    const typed = { ...readChallengeForm(data), slug: current.slug };

    const step = customFieldStep(data, typed);
    if (step) return step;
    const withRow = withNewField(typed);
    if ('errors' in withRow) return fail(400, { values: typed, errors: withRow.errors });
    const { values } = withRow;
    const fields = challengeErrorFields(values);

    const parsed = UpdateChallengeRequestSchema.safeParse(updateChallengeInput(values));
    if (!parsed.success) {
      return fail(400, {
        values,
        errors: issuesToFieldErrors(parsed.error.issues, fields, challengeFieldForPath),
      });
    }
    try {
      await api(event).updateChallenge(current.slug, parsed.data);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return apiFailure(e, fields, values, challengeFieldForPath);
    }
    redirect(303, `/challenges/${encodeURIComponent(current.slug)}/manage?saved=1`);
  },
};
