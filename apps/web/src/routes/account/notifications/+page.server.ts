import { api } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import { actionFailure, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) signInFirst(event);
  try {
    const { notifications, unread } = await api(event).notifications();
    return {
      // Newest first, whatever order the API keeps.
      notifications: [...notifications].sort(
        (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id,
      ),
      unread,
    };
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
};

export const actions: Actions = {
  markAllRead: async (event) => {
    if (!event.locals.user) signInFirst(event);
    try {
      await api(event).markNotificationsRead();
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('markAllRead', e, [], {});
    }
    return { action: 'markAllRead' as const, marked: true };
  },
};
