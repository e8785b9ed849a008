import { api } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import { signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) signInFirst(event);
  try {
    const entries = await api(event).myEntries();
    // Most recently changed first: the one being worked on is the one wanted.
    entries.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
    return { entries };
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
};
