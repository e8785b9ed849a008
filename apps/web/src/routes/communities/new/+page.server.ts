import { fail, redirect } from '@sveltejs/kit';
import { CreateCommunityRequestSchema, SlugSchema } from '@ficathon/schema';
import { COMMUNITY_FIELDS, type CommunityFormValues } from '$lib/communities';
import { formString, issuesToFieldErrors } from '$lib/forms';
import { api } from '$lib/server/api';
import { apiFailure, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  if (!event.locals.user) signInFirst(event);
  // As data, so the page needs no schema (zod stays out of the browser).
  const { name, description } = CreateCommunityRequestSchema.shape;
  return {
    limits: {
      slugMax: SlugSchema.maxLength ?? undefined,
      nameMax: name.maxLength ?? undefined,
      descriptionMax: description.unwrap().maxLength ?? undefined,
    },
  };
};

export const actions: Actions = {
  default: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const data = await event.request.formData();
    const values: CommunityFormValues = {
      name: formString(data, 'name'),
      slug: formString(data, 'slug'),
      description: formString(data, 'description'),
    };

    const parsed = CreateCommunityRequestSchema.safeParse(values);
    if (!parsed.success) {
      const errors = issuesToFieldErrors(parsed.error.issues, COMMUNITY_FIELDS);
      // The shared slug rules speak of a challenge; an empty address here is a community's.
      if (values.slug.trim() === '') errors.slug = 'Choose an address for the community.';
      return fail(400, { values, errors });
    }

    let slug: string;
    try {
      slug = (await api(event).createCommunity(parsed.data)).slug;
    } catch (e) {
      signInIfSessionEnded(event, e);
      return apiFailure(e, COMMUNITY_FIELDS, values);
    }
    redirect(303, `/communities/${encodeURIComponent(slug)}?created=1`);
  },
};
