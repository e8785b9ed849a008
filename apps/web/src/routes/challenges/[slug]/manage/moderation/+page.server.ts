import { fail } from '@sveltejs/kit';
import { CHALLENGE_LIMITS, ModerationRequestSchema } from '@ficathon/schema';
import { formString, issuesToFieldErrors, type FormErrors } from '$lib/forms';
import { api } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import { actionFailure, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import { loadManagedChallenge } from '$lib/server/organizer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const challenge = await loadManagedChallenge(event);
  try {
    return {
      challenge: {
        slug: challenge.slug,
        title: challenge.title,
        moderated: challenge.moderated,
        anonymous: challenge.anonymous,
        organizersSeeAuthors: challenge.organizersSeeAuthors,
        timeZone: challenge.schedule.timeZone,
      },
      entries: await api(event).moderationQueue(challenge.slug),
      reasonMax: CHALLENGE_LIMITS.moderationNoteMax,
    };
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
};

const FIELDS = ['action', 'reason'] as const;

const DONE: Record<string, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  request_changes: 'Asked for changes to',
  disqualify: 'Disqualified',
};

export const actions: Actions = {
  moderate: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const data = await event.request.formData();
    const entryId = Number(formString(data, 'entryId'));
    const title = formString(data, 'title');
    const values = { action: formString(data, 'action'), reason: formString(data, 'reason') };

    const parsed = ModerationRequestSchema.safeParse(values);
    if (!parsed.success || !Number.isInteger(entryId)) {
      return fail(400, {
        entryId,
        values,
        errors: parsed.success
          ? { form: 'Choose an entry from the queue.' }
          : issuesToFieldErrors(parsed.error.issues, FIELDS),
      });
    }
    try {
      await api(event).moderateEntry(entryId, parsed.data);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('moderate', e, FIELDS, values, { entryId });
    }
    return { message: `${DONE[parsed.data.action]} “${title}”.` };
  },

  /** An organizer lets this entry break this one rule; the API logs it in the audit log. */
  except: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const data = await event.request.formData();
    const entryId = Number(formString(data, 'entryId'));
    const rule = formString(data, 'rule');
    const title = formString(data, 'title');
    // Same failure shape as the moderation form: the page shows either beside the entry.
    const values = { action: '', reason: '' };
    if (!Number.isInteger(entryId) || rule === '') {
      const errors: FormErrors<(typeof FIELDS)[number]> = { form: 'Choose a rule from the queue.' };
      return fail(400, { entryId, values, errors });
    }
    try {
      await api(event).grantException(entryId, rule);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('except', e, FIELDS, values, { entryId });
    }
    return { message: `“${title}” may now break that rule; the exception is in the audit log.` };
  },
};
