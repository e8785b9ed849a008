import { api } from '$lib/server/api';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const user = event.locals.user;
  if (!user) return { user: null };
  // Only what the header needs: every page's data is serialized into its HTML. The inbox's
  // unread count is a nicety; without it the header still links to the inbox.
  let unread: number | null = null;
  try {
    unread = (await api(event).unreadNotifications()).unread;
  } catch {
    unread = null;
  }
  return { user: { displayName: user.displayName, unread } };
};
