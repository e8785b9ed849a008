import { fail } from '@sveltejs/kit';
import { CHALLENGE_LIMITS, ModerationRequestSchema } from '@ficathon/schema';
import { formString, issuesToFieldErrors } from '$lib/forms';
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
};
