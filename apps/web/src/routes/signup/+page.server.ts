import { fail, redirect } from '@sveltejs/kit';
import { ACCOUNT_LIMITS, SignupRequestSchema } from '@ficathon/schema';
import { formString, issuesToFieldErrors } from '$lib/forms';
import { safeRedirectTo } from '$lib/redirect';
import { api } from '$lib/server/api';
import { apiFailure, completeSignIn } from '$lib/server/form-actions';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['email', 'displayName', 'password'] as const;

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeRedirectTo(url.searchParams.get('redirectTo')));
  // Passed as data rather than imported by the page: importing any value from @ficathon/schema
  // in a component would ship all of zod to the browser.
  return { limits: ACCOUNT_LIMITS };
};

export const actions: Actions = {
  default: async (event) => {
    const data = await event.request.formData();
    const input = {
      email: formString(data, 'email'),
      displayName: formString(data, 'displayName'),
      password: formString(data, 'password'),
    };
    // Never send the password back to the page.
    const values = { email: input.email, displayName: input.displayName };

    const parsed = SignupRequestSchema.safeParse(input);
    if (!parsed.success) {
      return fail(400, { values, errors: issuesToFieldErrors(parsed.error.issues, FIELDS) });
    }

    let auth;
    try {
      auth = await api(event).signup(parsed.data);
    } catch (e) {
      return apiFailure(e, FIELDS, values);
    }
    completeSignIn(event, auth);
  },
};
