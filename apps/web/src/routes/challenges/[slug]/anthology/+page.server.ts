import { redirect } from '@sveltejs/kit';
import { phaseLabel } from '$lib/format';
import { rememberAdultChoice } from '$lib/server/adult-gate';
import { adultAnthology, anthologyReady } from '$lib/server/anthology';
import { api } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

/** The way to the anthology: the adult-content notice when it is needed, then the file. */
export const load: PageServerLoad = async (event) => {
  const client = api(event);
  let challenge;
  try {
    challenge = await client.getChallenge(event.params.slug);
  } catch (e) {
    throwAsPageError(e);
  }
  const ready = anthologyReady(challenge.phase);
  return {
    challenge: { slug: challenge.slug, title: challenge.title },
    phase: phaseLabel(challenge.phase),
    anthology: ready ? await adultAnthology(event, client, challenge) : null,
  };
};

export const actions: Actions = {
  /** The same choice as an entry's notice: remembered until the browser closes. */
  proceed: async (event) => {
    rememberAdultChoice(event);
    redirect(303, `/challenges/${encodeURIComponent(event.params.slug)}/anthology`);
  },
};
