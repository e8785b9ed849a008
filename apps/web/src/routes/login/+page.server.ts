import { fail, redirect } from '@sveltejs/kit';
import { LoginRequestSchema } from '@ficathon/schema';
import { formString, issuesToFieldErrors } from '$lib/forms';
import { safeRedirectTo } from '$lib/redirect';
import { api } from '$lib/server/api';
import { apiFailure, completeSignIn } from '$lib/server/form-actions';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['email', 'password'] as const;

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeRedirectTo(url.searchParams.get('redirectTo')));
};

export const actions: Actions = {
  default: async (event) => {
    const data = await event.request.formData();
    const input = { email: formString(data, 'email'), password: formString(data, 'password') };
    const values = { email: input.email };

    const parsed = LoginRequestSchema.safeParse(input);
    if (!parsed.success) {
      return fail(400, { values, errors: issuesToFieldErrors(parsed.error.issues, FIELDS) });
    }

    let auth;
    try {
      auth = await api(event).login(parsed.data);
    } catch (e) {
      // INVALID_CREDENTIALS carries no field errors on purpose (it must not reveal which of the
      // two was wrong), so it becomes the form-level message.
      return apiFailure(e, FIELDS, values);
    }
    completeSignIn(event, auth);
  },
};
