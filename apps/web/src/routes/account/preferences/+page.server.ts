import { fail } from '@sveltejs/kit';
import { ReaderPreferencesSchema, type ReaderPreferences } from '@ficathon/schema';
import { joinList, splitList } from '$lib/entry-form';
import { formBoolean, formString, formStrings, issuesToFieldErrors } from '$lib/forms';
import { api } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import { apiFailure, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['skipAdultGate', 'hiddenRatings', 'hiddenWarnings', 'hiddenTags'] as const;

/** The form's values: the two lists of words as text, one per line or separated by commas. */
interface PreferenceValues {
  skipAdultGate: boolean;
  hiddenRatings: string[];
  hiddenWarnings: string;
  hiddenTags: string;
}

function formValues(preferences: ReaderPreferences): PreferenceValues {
  return {
    skipAdultGate: preferences.skipAdultGate,
    hiddenRatings: preferences.hiddenRatings,
    hiddenWarnings: joinList(preferences.hiddenWarnings),
    hiddenTags: joinList(preferences.hiddenTags),
  };
}

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) signInFirst(event);
  try {
    return { values: formValues(await api(event).preferences()) };
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
};

export const actions: Actions = {
  default: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const data = await event.request.formData();
    const values: PreferenceValues = {
      skipAdultGate: formBoolean(data, 'skipAdultGate'),
      hiddenRatings: formStrings(data, 'hiddenRatings'),
      hiddenWarnings: formString(data, 'hiddenWarnings'),
      hiddenTags: formString(data, 'hiddenTags'),
    };
    const parsed = ReaderPreferencesSchema.safeParse({
      skipAdultGate: values.skipAdultGate,
      hiddenRatings: values.hiddenRatings,
      hiddenWarnings: splitList(values.hiddenWarnings),
      hiddenTags: splitList(values.hiddenTags),
    });
    if (!parsed.success) {
      return fail(400, { values, errors: issuesToFieldErrors(parsed.error.issues, FIELDS) });
    }
    try {
      const saved = await api(event).savePreferences(parsed.data);
      return { saved: true, values: formValues(saved) };
    } catch (e) {
      signInIfSessionEnded(event, e);
      return apiFailure(e, FIELDS, values);
    }
  },
};
