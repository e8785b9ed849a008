import { fail, type RequestEvent } from '@sveltejs/kit';
import { PersonRefSchema, VotingConfigSchema, type Results } from '@ficathon/schema';
import { formString, issuesToFieldErrors, type FormErrors } from '$lib/forms';
import { api, ApiError } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import {
  actionFailure,
  apiFormErrors,
  signInFirst,
  signInIfSessionEnded,
} from '$lib/server/form-actions';
import { loadManagedChallenge } from '$lib/server/organizer';
import {
  readVotingForm,
  votingConfigInput,
  votingErrorFields,
  votingFieldForPath,
  votingValuesFrom,
  type VotingFormValues,
} from '$lib/voting-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const challenge = await loadManagedChallenge(event);
  const client = api(event);
  try {
    const [config, judges] = await Promise.all([
      client.votingConfig(challenge.slug),
      client.listJudges(challenge.slug),
    ]);
    let preview: Results | null = null;
    let previewNote: string | null = null;
    if (challenge.phase === 'voting' || challenge.phase === 'results') {
      try {
        preview =
          challenge.phase === 'results'
            ? await client.results(challenge.slug)
            : await client.resultsPreview(challenge.slug);
      } catch (e) {
        if (!(e instanceof ApiError) || (e.status !== 409 && e.status !== 404)) throw e;
        previewNote = e.detail;
      }
    }
    const closesAt = challenge.schedule.votingClosesAt;
    return {
      challenge: {
        slug: challenge.slug,
        title: challenge.title,
        phase: challenge.phase,
        anonymous: challenge.anonymous,
        timeZone: challenge.schedule.timeZone,
        votingOpensAt: challenge.schedule.votingOpensAt,
        votingClosesAt: closesAt,
      },
      // The setup can change until voting opens; ballots are taken until it closes.
      configLocked: challenge.phase === 'voting' || challenge.phase === 'results',
      votingOpen:
        challenge.phase === 'voting' && (closesAt === null || Date.parse(closesAt) > Date.now()),
      values: votingValuesFrom(config),
      judges,
      preview,
      previewNote,
    };
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
};

function requireUser(event: RequestEvent) {
  if (!event.locals.user) signInFirst(event);
}

/** Applies a row's "Remove" button, if that is what was pressed. */
function applyRemove(values: VotingFormValues, remove: string): VotingFormValues {
  const [kind, index] = remove.split('.');
  const i = Number(index);
  if (kind === 'category')
    return { ...values, categories: values.categories.filter((_, j) => j !== i) };
  if (kind === 'criterion') return { ...values, rubric: values.rubric.filter((_, j) => j !== i) };
  return values;
}

const JUDGE_FIELDS = ['person'] as const;

export const actions: Actions = {
  /** Saves the setup; "Add" and "Remove" buttons only redraw the form with the change. */
  saveConfig: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    const intent = formString(data, 'intent');
    const remove = formString(data, 'remove');
    const values = applyRemove(readVotingForm(data), remove);
    if (remove !== '' || intent === 'add') {
      return { action: 'saveConfig' as const, values, edited: true };
    }
    const fields = Object.keys(votingErrorFields(values));
    const body = votingConfigInput(values);
    const parsed = VotingConfigSchema.safeParse(body);
    if (!parsed.success) {
      return fail(400, {
        action: 'saveConfig' as const,
        values,
        errors: issuesToFieldErrors(parsed.error.issues, fields, votingFieldForPath),
      });
    }
    try {
      await api(event).saveVotingConfig(event.params.slug, parsed.data);
    } catch (e) {
      signInIfSessionEnded(event, e);
      if (!(e instanceof ApiError)) throw e;
      return fail(e.status, {
        action: 'saveConfig' as const,
        values,
        errors: apiFormErrors(e, fields, votingFieldForPath),
      });
    }
    return { action: 'saveConfig' as const, message: 'The voting setup is saved.' };
  },

  addJudge: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    const values = { person: formString(data, 'person') };
    const parsed = PersonRefSchema.safeParse(values);
    if (!parsed.success) {
      return fail(400, {
        action: 'addJudge' as const,
        values,
        errors: issuesToFieldErrors(parsed.error.issues, JUDGE_FIELDS),
      });
    }
    try {
      await api(event).addJudge(event.params.slug, parsed.data.person);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('addJudge', e, JUDGE_FIELDS, values);
    }
    return { action: 'addJudge' as const, message: `${parsed.data.person} is now a judge.` };
  },

  removeJudge: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    const userId = Number(formString(data, 'userId'));
    const name = formString(data, 'name');
    if (!Number.isInteger(userId)) {
      return fail(400, {
        action: 'removeJudge' as const,
        values: {},
        errors: { form: 'Choose a judge to remove.' } as FormErrors,
      });
    }
    try {
      await api(event).removeJudge(event.params.slug, userId);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('removeJudge', e, [], {});
    }
    return {
      action: 'removeJudge' as const,
      message: name ? `${name} is no longer a judge.` : 'Removed the judge.',
    };
  },

  publish: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    if (formString(data, 'confirm') !== 'yes') {
      return fail(400, {
        action: 'publish' as const,
        values: {},
        errors: {
          confirm: 'Tick the box to confirm: publishing cannot be undone.',
        } as FormErrors,
      });
    }
    try {
      await api(event).publishResults(event.params.slug);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('publish', e, ['confirm'], {});
    }
    return {
      action: 'publish' as const,
      message: 'The results are published: authors are revealed and writers and voters notified.',
    };
  },
};
