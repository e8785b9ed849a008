import { error, fail, redirect } from '@sveltejs/kit';
import { PROMPT_FIELDS, promptValuesFrom } from '$lib/prompt-form';
import { api } from '$lib/server/api';
import { apiFailure, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import { loadManagedChallenge } from '$lib/server/organizer';
import { PROMPT_FORM_LIMITS, readPromptSubmission } from '$lib/server/prompt-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const challenge = await loadManagedChallenge(event);
  const prompt = challenge.prompts.find((p) => String(p.id) === event.params.id);
  if (!prompt) error(404, 'This challenge has no such prompt. It may have been deleted.');
  return {
    challenge: { slug: challenge.slug, title: challenge.title },
    prompt: { id: prompt.id, title: prompt.title },
    values: promptValuesFrom(prompt),
    limits: PROMPT_FORM_LIMITS,
  };
};

export const actions: Actions = {
  default: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const id = Number(event.params.id);
    if (!Number.isInteger(id)) error(404, 'This challenge has no such prompt.');
    const { values, input, errors } = readPromptSubmission(await event.request.formData());
    if (!input) {
      return Object.keys(errors).length > 0 ? fail(400, { values, errors }) : { values, errors };
    }
    try {
      await api(event).updatePrompt(event.params.slug, id, input);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return apiFailure(e, PROMPT_FIELDS, values);
    }
    redirect(
      303,
      `/challenges/${encodeURIComponent(event.params.slug)}/manage/prompts?notice=saved`,
    );
  },
};
