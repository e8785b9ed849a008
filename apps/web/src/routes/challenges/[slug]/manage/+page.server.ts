import { fail } from '@sveltejs/kit';
import { DrawRequestSchema, ExtensionRequestSchema, PersonRefSchema } from '@ficathon/schema';
import { formString, issuesToFieldErrors, type FormErrors } from '$lib/forms';
import { zoneName } from '$lib/format';
import { ApiError, api, challengePath } from '$lib/server/api';
import { throwAsPageError } from '$lib/server/errors';
import { actionFailure, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import { loadManagedChallenge } from '$lib/server/organizer';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const challenge = await loadManagedChallenge(event);
  const client = api(event);
  try {
    const [dashboard, organizers, audit, revealPreview] = await Promise.all([
      client.dashboard(challenge.slug),
      client.listOrganizers(challenge.slug),
      client.auditLog(challenge.slug),
      // Only an anonymous challenge has anything to reveal.
      challenge.anonymous ? client.revealPreview(challenge.slug) : null,
    ]);
    return {
      challenge,
      dashboard,
      organizers,
      audit,
      revealPreview,
      now: new Date().toISOString(),
      // Where the visitor came from: a new draft, or saved settings (a redirect after POST).
      notice: event.url.searchParams.has('created')
        ? ('created' as const)
        : event.url.searchParams.has('saved')
          ? ('saved' as const)
          : null,
      exports: {
        csv: challengePath(challenge.slug, '/export.csv'),
        json: challengePath(challenge.slug, '/export.json'),
      },
    };
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
};

function requireUser(event: RequestEvent) {
  if (!event.locals.user) signInFirst(event);
}

const EXTEND_FIELDS = ['who', 'person', 'until'] as const;
const ORGANIZER_FIELDS = ['person'] as const;
const DRAW_FIELDS = ['seed', 'confirm'] as const;

export const actions: Actions = {
  announce: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    if (formString(data, 'confirm') !== 'yes') {
      return fail(400, {
        action: 'announce' as const,
        values: {},
        errors: {
          confirm: 'Tick the box to confirm you have checked the schedule and the prompts.',
        } as FormErrors<'confirm'>,
      });
    }
    try {
      await api(event).announceChallenge(event.params.slug);
    } catch (e) {
      signInIfSessionEnded(event, e);
      // Not ready (no dates, no prompts): every missing piece, not only the first.
      if (e instanceof ApiError && e.status === 400 && e.errors.length > 0) {
        return fail(400, {
          action: 'announce' as const,
          values: {},
          errors: {
            form: [e.detail, ...e.errors.map((error) => error.message)].join(' '),
          } as FormErrors<'confirm'>,
        });
      }
      return actionFailure('announce', e, ['confirm'], {});
    }
    return { action: 'announce' as const, message: 'The challenge is announced and public now.' };
  },

  extend: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    const values = {
      who: formString(data, 'who') === 'writer' ? 'writer' : 'everyone',
      person: formString(data, 'person'),
      until: formString(data, 'until'),
    };
    const parsed = ExtensionRequestSchema.safeParse({
      person: values.who === 'writer' ? values.person : null,
      until: values.until,
    });
    const errors = parsed.success
      ? ({} as FormErrors<(typeof EXTEND_FIELDS)[number]>)
      : issuesToFieldErrors(parsed.error.issues, EXTEND_FIELDS);
    // Clearer than the schema's messages for the two mistakes people make here.
    if (values.who === 'writer' && values.person.trim() === '') {
      errors.person = 'Name the writer by one of their pseuds or their email address.';
    }
    if (values.until.trim() === '') errors.until = 'Choose the new deadline.';
    if (!parsed.success || Object.keys(errors).length > 0) {
      return fail(400, { action: 'extend' as const, values, errors });
    }

    let zone: string;
    try {
      zone = (await api(event).extendDeadline(event.params.slug, parsed.data)).schedule.timeZone;
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('extend', e, EXTEND_FIELDS, values);
    }
    const until = `${values.until.replace('T', ' at ')} (${zoneName(zone)} time)`;
    return {
      action: 'extend' as const,
      message:
        parsed.data.person === null
          ? `Moved the deadline for everyone to ${until}.`
          : `${parsed.data.person} may now submit until ${until}.`,
    };
  },

  runDraw: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    const values = { seed: formString(data, 'seed') };
    const parsed = DrawRequestSchema.safeParse(
      values.seed.trim() === '' ? {} : { seed: values.seed },
    );
    const errors: FormErrors<(typeof DRAW_FIELDS)[number]> = parsed.success
      ? {}
      : issuesToFieldErrors(parsed.error.issues, DRAW_FIELDS);
    if (formString(data, 'confirm') !== 'yes') {
      errors.confirm = 'Tick the box to confirm: a draw cannot be undone or run again.';
    }
    if (!parsed.success || Object.keys(errors).length > 0) {
      return fail(400, { action: 'runDraw' as const, values, errors });
    }
    try {
      const outcome = await api(event).runDraw(event.params.slug, parsed.data);
      const writers = outcome.assignments.length;
      return {
        action: 'runDraw' as const,
        message: `The draw gave ${writers === 1 ? 'one writer a prompt' : `${writers} writers a prompt each`}, with the seed “${outcome.seed}”.`,
        outcome,
      };
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('runDraw', e, DRAW_FIELDS, values);
    }
  },

  addOrganizer: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    const values = { person: formString(data, 'person') };
    const parsed = PersonRefSchema.safeParse(values);
    if (!parsed.success) {
      return fail(400, {
        action: 'addOrganizer' as const,
        values,
        errors: issuesToFieldErrors(parsed.error.issues, ORGANIZER_FIELDS),
      });
    }
    try {
      const organizer = await api(event).addOrganizer(event.params.slug, parsed.data.person);
      return {
        action: 'addOrganizer' as const,
        message: `${organizer.name} is now a co-organizer.`,
      };
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('addOrganizer', e, ORGANIZER_FIELDS, values);
    }
  },

  removeOrganizer: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    const userId = Number(formString(data, 'userId'));
    const name = formString(data, 'name');
    if (!Number.isInteger(userId)) {
      return fail(400, {
        action: 'removeOrganizer' as const,
        values: {},
        errors: { form: 'Choose a co-organizer to remove.' } as FormErrors,
      });
    }
    try {
      await api(event).removeOrganizer(event.params.slug, userId);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('removeOrganizer', e, [], {});
    }
    return {
      action: 'removeOrganizer' as const,
      message: name ? `${name} is no longer a co-organizer.` : 'Removed the co-organizer.',
    };
  },
};
