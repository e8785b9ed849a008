import { fail, redirect } from '@sveltejs/kit';
import { CreatePseudRequestSchema, PSEUD_LIMITS } from '@ficathon/schema';
import { formString, issuesToFieldErrors } from '$lib/forms';
import { ApiError, api } from '$lib/server/api';
import { apiFailure } from '$lib/server/form-actions';
import { throwAsPageError } from '$lib/server/errors';
import { clearSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const FIELDS = ['name'] as const;

function signInFirst(event: RequestEvent): never {
  redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname)}`);
}

export const load: PageServerLoad = async (event) => {
  const user = event.locals.user;
  if (!user) signInFirst(event);
  try {
    const client = api(event);
    const [pseuds, organizing] = await Promise.all([client.listPseuds(), client.myChallenges()]);
    return {
      account: { email: user.email, displayName: user.displayName },
      pseuds,
      organizing,
      deleted: event.url.searchParams.has('deleted'),
      // As data, not an import in the page, so zod stays out of the browser bundle.
      pseudNameMax: PSEUD_LIMITS.nameMax,
    };
  } catch (e) {
    // The session ended between the hook's check and this call.
    if (e instanceof ApiError && e.status === 401) {
      clearSessionCookie(event.cookies, event.url);
      signInFirst(event);
    }
    throwAsPageError(e);
  }
};

export const actions: Actions = {
  addPseud: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const data = await event.request.formData();
    const values = { name: formString(data, 'name') };

    const parsed = CreatePseudRequestSchema.safeParse(values);
    if (!parsed.success) {
      return fail(400, { values, errors: issuesToFieldErrors(parsed.error.issues, FIELDS) });
    }
    try {
      const pseud = await api(event).createPseud(parsed.data);
      return { created: pseud.name };
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) signInFirst(event);
      return apiFailure(e, FIELDS, values);
    }
  },
};
