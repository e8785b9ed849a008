import { fail } from '@sveltejs/kit';
import { CHALLENGE_LIMITS, ImportPromptsRequestSchema } from '@ficathon/schema';
import { formString, formStrings, issuesToFieldErrors } from '$lib/forms';
import { PROMPT_FIELDS, emptyPromptValues, isPromptKind } from '$lib/prompt-form';
import { api } from '$lib/server/api';
import { actionFailure, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import { loadManagedChallenge } from '$lib/server/organizer';
import { PROMPT_FORM_LIMITS, readPromptSubmission } from '$lib/server/prompt-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const challenge = await loadManagedChallenge(event);
  const notice = event.url.searchParams.get('notice');
  return {
    challenge: { slug: challenge.slug, title: challenge.title, phase: challenge.phase },
    prompts: [...challenge.prompts].sort((a, b) => a.position - b.position),
    limits: { ...PROMPT_FORM_LIMITS, importMax: CHALLENGE_LIMITS.importMax },
    // Set by the edit and delete pages when they send the organizer back here.
    notice: notice === 'saved' || notice === 'deleted' ? notice : null,
  };
};

const IMPORT_FIELDS = ['format', 'kind', 'text'] as const;

export const actions: Actions = {
  add: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const { values, input, errors } = readPromptSubmission(await event.request.formData());
    if (!input) {
      // No errors: the visitor (without JavaScript) only chose another kind.
      return Object.keys(errors).length > 0
        ? fail(400, { action: 'add' as const, values, errors })
        : { action: 'add' as const, values, errors };
    }
    try {
      const prompt = await api(event).createPrompt(event.params.slug, input);
      return {
        action: 'add' as const,
        message: `Added the prompt “${prompt.title}”.`,
        // A fresh form for the next prompt, of the same kind.
        values: emptyPromptValues(prompt.kind),
      };
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('add', e, PROMPT_FIELDS, values);
    }
  },

  reorder: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const data = await event.request.formData();
    const promptIds = formStrings(data, 'promptIds').map(Number);
    const moved = formString(data, 'moved');
    const direction = formString(data, 'direction') === 'up' ? 'up' : 'down';
    if (promptIds.length === 0 || promptIds.some((id) => !Number.isInteger(id))) {
      return fail(400, {
        action: 'reorder' as const,
        values: {},
        errors: { form: 'The order was not understood. Reload the page and try again.' },
      });
    }
    try {
      await api(event).reorderPrompts(event.params.slug, promptIds);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('reorder', e, [], {});
    }
    return { action: 'reorder' as const, message: `Moved “${moved}” ${direction}.` };
  },

  import: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const data = await event.request.formData();
    const values = {
      format: formString(data, 'format') === 'csv' ? 'csv' : 'text',
      kind: isPromptKind(formString(data, 'kind')) ? formString(data, 'kind') : 'lyrics',
      text: formString(data, 'text'),
    };
    const parsed = ImportPromptsRequestSchema.safeParse(values);
    if (!parsed.success) {
      return fail(400, {
        action: 'import' as const,
        values,
        errors: issuesToFieldErrors(parsed.error.issues, IMPORT_FIELDS),
      });
    }
    try {
      const created = await api(event).importPrompts(event.params.slug, parsed.data);
      return {
        action: 'import' as const,
        message: `Imported ${created.length === 1 ? 'one prompt' : `${created.length} prompts`}.`,
      };
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('import', e, IMPORT_FIELDS, values);
    }
  },
};
