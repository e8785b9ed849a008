import { entryValuesFrom } from '$lib/entry-form';
import { api } from '$lib/server/api';
import {
  entryFormActions,
  entryFormOptions,
  entryIdParam,
  loadOwnEntry,
} from '$lib/server/entry-actions';
import { throwAsPageError } from '$lib/server/errors';
import { signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) signInFirst(event);
  const { entry, challenge } = await loadOwnEntry(event, entryIdParam(event.params.id));
  let pseuds;
  try {
    pseuds = await api(event).listPseuds();
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
  const values = entryValuesFrom(entry);
  return {
    entry: {
      id: entry.id,
      title: entry.title,
      status: entry.status,
      canEdit: entry.canEdit,
      challenge: { slug: challenge.slug, title: challenge.title },
    },
    options: entryFormOptions(challenge, pseuds, values.promptId),
    values,
    violations: entry.violations,
    wordCount: entry.wordCount,
    // After "Save and preview": the story as the API renders it for readers.
    preview: event.url.searchParams.has('preview') ? entry.bodyHtml : null,
  };
};

export const actions: Actions = entryFormActions((event) =>
  loadOwnEntry(event, entryIdParam(event.params.id ?? '')),
);
