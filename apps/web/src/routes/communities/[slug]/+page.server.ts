import { fail } from '@sveltejs/kit';
import { PersonRefSchema, type CommunityDetail } from '@ficathon/schema';
import { groupCommunityChallenges } from '$lib/communities';
import { formString, issuesToFieldErrors, type FormErrors } from '$lib/forms';
import { api } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import { actionFailure, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  let community: CommunityDetail;
  try {
    community = await api(event).getCommunity(event.params.slug);
  } catch (e) {
    throwAsPageError(e);
  }
  const user = event.locals.user;
  const owner = community.moderators.find((moderator) => moderator.role === 'owner') ?? null;
  // The API lets the owner (and site admins) change the moderators.
  const canManageModerators = user !== null && (user.isAdmin || owner?.userId === user.id);

  // "Remove…" links here with ?remove=<userId>: the page then asks to confirm.
  const removeId = Number(event.url.searchParams.get('remove'));
  const removing = canManageModerators
    ? (community.moderators.find((m) => m.userId === removeId && m.role === 'moderator') ?? null)
    : null;

  return {
    community,
    groups: groupCommunityChallenges(community.challenges),
    canManageModerators,
    removing,
    created: event.url.searchParams.has('created'),
  };
};

function requireUser(event: RequestEvent) {
  if (!event.locals.user) signInFirst(event);
}

const MODERATOR_FIELDS = ['person'] as const;

export const actions: Actions = {
  addModerator: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    const values = { person: formString(data, 'person') };
    const parsed = PersonRefSchema.safeParse(values);
    if (!parsed.success) {
      return fail(400, {
        action: 'addModerator' as const,
        values,
        errors: issuesToFieldErrors(parsed.error.issues, MODERATOR_FIELDS),
      });
    }
    const client = api(event);
    try {
      const before = await client.getCommunity(event.params.slug);
      const after = await client.addCommunityModerator(event.params.slug, parsed.data.person);
      const known = new Set(before.moderators.map((m) => m.userId));
      const added = after.moderators.find((m) => !known.has(m.userId));
      return {
        action: 'addModerator' as const,
        message: `${added?.name ?? parsed.data.person} is now a moderator of ${after.name}.`,
      };
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('addModerator', e, MODERATOR_FIELDS, values);
    }
  },

  removeModerator: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    const userId = Number(formString(data, 'userId'));
    const name = formString(data, 'name');
    if (!Number.isInteger(userId) || formString(data, 'confirm') !== 'yes') {
      return fail(400, {
        action: 'removeModerator' as const,
        values: {},
        errors: { form: 'Choose a moderator to remove, and confirm.' } as FormErrors,
      });
    }
    try {
      await api(event).removeCommunityModerator(event.params.slug, userId);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('removeModerator', e, [], {});
    }
    return {
      action: 'removeModerator' as const,
      message: name ? `${name} no longer moderates this community.` : 'Removed the moderator.',
    };
  },
};
