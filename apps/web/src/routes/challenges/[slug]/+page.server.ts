import { fail } from '@sveltejs/kit';
import { formString } from '$lib/forms';
import { adultAnthology, anthologyReady } from '$lib/server/anthology';
import { ApiError, api } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import { apiFormErrors, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  let challenge;
  try {
    challenge = await client.getChallenge(event.params.slug);
  } catch (e) {
    throwAsPageError(e);
  }
  return {
    challenge,
    signedIn: event.locals.user !== null,
    // The countdown's first render uses the server's clock, so the HTML and hydration agree.
    now: new Date().toISOString(),
    anthology: anthologyReady(challenge.phase)
      ? await adultAnthology(event, client, challenge)
      : null,
  };
};

/** Claim or release a prompt: the same form, two verbs. */
async function claimAction(event: RequestEvent, verb: 'claim' | 'unclaim') {
  if (!event.locals.user) signInFirst(event);
  const data = await event.request.formData();
  const promptId = Number(formString(data, 'promptId'));
  const title = formString(data, 'title');
  if (!Number.isInteger(promptId)) {
    return fail(400, { promptId: null, error: 'Choose a prompt.' });
  }
  try {
    const client = api(event);
    if (verb === 'claim') await client.claimPrompt(event.params.slug, promptId);
    else await client.unclaimPrompt(event.params.slug, promptId);
  } catch (e) {
    signInIfSessionEnded(event, e);
    if (!(e instanceof ApiError)) throw e;
    return fail(e.status, { promptId, error: apiFormErrors(e, []).form ?? e.detail });
  }
  return {
    promptId,
    message:
      verb === 'claim' ? `You claimed “${title}”.` : `You released your claim on “${title}”.`,
  };
}

/** Enter or leave the prompt draw. */
async function drawAction(event: RequestEvent, join: boolean) {
  if (!event.locals.user) signInFirst(event);
  try {
    const client = api(event);
    if (join) await client.joinDraw(event.params.slug);
    else await client.leaveDraw(event.params.slug);
  } catch (e) {
    signInIfSessionEnded(event, e);
    if (!(e instanceof ApiError)) throw e;
    return fail(e.status, { draw: true, error: apiFormErrors(e, []).form ?? e.detail });
  }
  return {
    draw: true,
    message: join
      ? 'You are in the prompt draw. Your prompt will appear here once the organizers run it.'
      : 'You left the prompt draw.',
  };
}

export const actions: Actions = {
  claim: (event) => claimAction(event, 'claim'),
  unclaim: (event) => claimAction(event, 'unclaim'),
  joinDraw: (event) => drawAction(event, true),
  leaveDraw: (event) => drawAction(event, false),
};
