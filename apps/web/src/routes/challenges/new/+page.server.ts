import { fail, redirect } from '@sveltejs/kit';
import { CreateChallengeRequestSchema } from '@ficathon/schema';
import {
  challengeErrorFields,
  challengeFieldForPath,
  createChallengeInput,
  emptyChallengeValues,
  readChallengeForm,
} from '$lib/challenge-form';
import { issuesToFieldErrors } from '$lib/forms';
import { ApiError, api } from '$lib/server/api';
import { customFieldStep, withNewField } from '$lib/server/challenge-actions';
import { apiFailure, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import { challengeFormOptions } from '$lib/server/organizer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  if (!event.locals.user) signInFirst(event);
  // "Start a challenge here" on a community's page fills in the community.
  const community = event.url.searchParams.get('community') ?? '';
  return {
    options: challengeFormOptions(),
    values: { ...emptyChallengeValues(), communitySlug: community.slice(0, 100) },
  };
};

export const actions: Actions = {
  default: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const data = await event.request.formData();
    const typed = readChallengeForm(data);

    const step = customFieldStep(data, typed);
    if (step) return step;
    const withRow = withNewField(typed);
    if ('errors' in withRow) return fail(400, { values: typed, errors: withRow.errors });
    const { values } = withRow;
    const fields = challengeErrorFields(values);

    const parsed = CreateChallengeRequestSchema.safeParse(createChallengeInput(values));
    if (!parsed.success) {
      return fail(400, {
        values,
        errors: issuesToFieldErrors(parsed.error.issues, fields, challengeFieldForPath),
      });
    }

    let slug: string;
    try {
      slug = (await api(event).createChallenge(parsed.data)).slug;
    } catch (e) {
      signInIfSessionEnded(event, e);
      // A community the organizer does not moderate: said beside the community's field.
      if (e instanceof ApiError && e.code === 'NOT_COMMUNITY_MODERATOR') {
        return fail(e.status, { values, errors: { communitySlug: e.detail } });
      }
      return apiFailure(e, fields, values, challengeFieldForPath);
    }
    redirect(303, `/challenges/${encodeURIComponent(slug)}/manage?created=1`);
  },
};
