import { emptyEntryValues } from '$lib/entry-form';
import { api } from '$lib/server/api';
import {
  autosavedDraft,
  entryFormActions,
  entryFormOptions,
  loadChallengeForEntry,
} from '$lib/server/entry-actions';
import { throwAsPageError } from '$lib/server/errors';
import { signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) signInFirst(event);
  const challenge = await loadChallengeForEntry(event, event.params.slug);
  let pseuds;
  try {
    pseuds = await api(event).listPseuds();
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
  const pseud = pseuds.find((p) => p.isDefault) ?? pseuds[0];
  const { phase, schedule } = challenge;
  return {
    challenge: {
      slug: challenge.slug,
      title: challenge.title,
      phase,
      opensAt: schedule.opensAt,
      timeZone: schedule.timeZone,
      extensionUntil: challenge.viewerExtensionUntil,
    },
    // Drafts can be started from the announcement until entries close (and later with an
    // extension); the API has the last word on each save.
    takesEntries:
      phase === 'announced' ||
      phase === 'open' ||
      (phase === 'closed' && challenge.viewerExtensionUntil !== null),
    options: entryFormOptions(challenge, pseuds, ''),
    values: emptyEntryValues({ pseudId: pseud ? String(pseud.id) : '' }),
  };
};

export const actions: Actions = entryFormActions(async (event, data) => {
  const slug = event.params.slug ?? '';
  // Once the form saved itself as a draft, its buttons update that draft.
  return (
    (await autosavedDraft(event, data, slug)) ?? {
      challenge: await loadChallengeForEntry(event, slug),
      entry: null,
    }
  );
});
