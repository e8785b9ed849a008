import { redirect } from '@sveltejs/kit';
import { ApiError, api } from '$lib/server/api';
import { clearSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is only ever a POST; a visit to /logout just goes home.
export const load: PageServerLoad = () => {
  redirect(303, '/');
};

export const actions: Actions = {
  default: async (event) => {
    try {
      await api(event).logout();
    } catch (e) {
      // An expired session is as good as signed out; anything else is logged, but the visitor
      // still gets signed out of this browser.
      if (!(e instanceof ApiError && e.status === 401)) console.error('Logout failed', e);
    }
    clearSessionCookie(event.cookies, event.url);
    redirect(303, '/');
  },
};
