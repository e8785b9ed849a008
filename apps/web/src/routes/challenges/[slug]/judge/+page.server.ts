import { fail } from '@sveltejs/kit';
import { formString, type FormErrors } from '$lib/forms';
import { api, ApiError } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import { apiFormErrors, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) signInFirst(event);
  const client = api(event);
  try {
    const [challenge, sheet] = await Promise.all([
      client.getChallenge(event.params.slug),
      client.judgingSheet(event.params.slug),
    ]);
    return { challenge: { slug: challenge.slug, title: challenge.title }, sheet };
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
};

export const actions: Actions = {
  score: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const data = await event.request.formData();
    const entryId = Number(formString(data, 'entryId'));
    const title = formString(data, 'title');
    const values: Record<string, string> = { comment: formString(data, 'comment') };
    const scores: Record<string, number> = {};
    const errors: FormErrors = {};
    for (const [name, raw] of data) {
      if (!name.startsWith('score.') || typeof raw !== 'string') continue;
      const criterion = name.slice('score.'.length);
      values[`scores.${criterion}`] = raw;
      if (!/^\d+$/.test(raw.trim())) {
        errors[`scores.${criterion}`] = 'Give a whole-number score.';
        continue;
      }
      scores[criterion] = Number(raw.trim());
    }
    if (!Number.isInteger(entryId)) errors.form = 'Choose an entry from the sheet.';
    if (Object.keys(errors).length > 0) return fail(400, { entryId, values, errors });
    const comment = values.comment!.trim();
    try {
      await api(event).scoreEntry(event.params.slug, entryId, {
        scores,
        comment: comment === '' ? null : comment,
      });
    } catch (e) {
      signInIfSessionEnded(event, e);
      if (!(e instanceof ApiError)) throw e;
      const fields = [...Object.keys(values), 'comment'];
      return fail(e.status, {
        entryId,
        values,
        errors: apiFormErrors(e, fields, (p) => p.join('.')),
      });
    }
    return { entryId, message: `Your scores for “${title}” are saved.` };
  },
};
