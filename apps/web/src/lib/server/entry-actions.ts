import { error, fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import {
  ENTRY_LIMITS,
  SaveEntryRequestSchema,
  type ChallengeDetail,
  type CustomField,
  type EntryDetail,
  type Pseud,
  type RuleViolation,
} from '@ficathon/schema';
import {
  applyParsed,
  entryErrorKeys,
  entryFieldForPath,
  filledFieldCount,
  importMediaType,
  readEntryForm,
  ruleCheckInput,
  saveEntryInput,
  type EntryFormOptions,
  type EntryFormResult,
  type EntryFormValues,
  type PromptChoice,
} from '$lib/entry-form';
import { countLabel, ratingLabel } from '$lib/format';
import { issuesToFieldErrors, type FormErrors } from '$lib/forms';
import { ApiError, api } from './api';
import { throwAsPageError } from './errors';
import { apiFormErrors, signInIfSessionEnded } from './form-actions';

type Event = Pick<RequestEvent, 'cookies' | 'getClientAddress' | 'locals' | 'url'>;

/** The entry a form saves to: a new one in a challenge, or an existing one of the writer's. */
export interface EntryTarget {
  challenge: ChallengeDetail;
  /** null for a new entry. */
  entry: EntryDetail | null;
}

/** The id in an `/entries/[id]` URL, or a 404 for anything that is not one. */
export function entryIdParam(raw: string): number {
  if (!/^[1-9]\d{0,15}$/.test(raw)) error(404, 'There is no such entry.');
  return Number(raw);
}

/** A challenge for the submit form; API failures become the matching error page. */
export async function loadChallengeForEntry(event: Event, slug: string): Promise<ChallengeDetail> {
  try {
    return await api(event).getChallenge(slug);
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
}

/** One of the viewer's own entries with its challenge; anyone else's is a 403 page. */
export async function loadOwnEntry(
  event: Event,
  id: number,
): Promise<EntryTarget & { entry: EntryDetail }> {
  const client = api(event);
  try {
    const entry = await client.getEntry(id);
    if (!entry.isMine) error(403, 'Only the writer of this entry can change it.');
    return { entry, challenge: await client.getChallenge(entry.challenge.slug) };
  } catch (e) {
    signInIfSessionEnded(event, e);
    throwAsPageError(e);
  }
}

function promptLabel(prompt: ChallengeDetail['prompts'][number]): string {
  return prompt.credit ? `${prompt.title} (${prompt.credit})` : prompt.title;
}

/**
 * The prompts the form offers: all of them, or only those the writer claimed when the challenge
 * asks for a claim (plus the one the entry already uses, so an edit never drops it silently).
 */
export function promptChoices(challenge: ChallengeDetail, currentPromptId: string): PromptChoice[] {
  const { rules } = challenge;
  const offered = challenge.prompts.filter(
    (prompt) => !rules.claimRequired || prompt.claimedByMe || String(prompt.id) === currentPromptId,
  );
  return [
    { value: '', label: rules.promptRequired ? 'Choose a prompt' : 'No prompt' },
    ...offered.map((prompt) => ({
      value: String(prompt.id),
      label: promptLabel(prompt),
      title: prompt.title,
    })),
  ];
}

const RATING_SYSTEMS =
  'Type it as in your header, in any system: G, PG, PG-13, R, NC-17; K to MA; or General, Teen, Mature, Explicit.';

export function entryFormOptions(
  challenge: ChallengeDetail,
  pseuds: readonly Pseud[],
  currentPromptId: string,
): EntryFormOptions {
  const { rules } = challenge;
  const prompts = promptChoices(challenge, currentPromptId);
  const claimed = challenge.prompts.filter((prompt) => prompt.claimedByMe).length;
  let promptHint: string;
  if (rules.claimRequired) {
    promptHint =
      claimed === 0
        ? 'You have not claimed a prompt yet: claim one on the challenge page first.'
        : `Only the prompts you claimed are listed (${countLabel(claimed, 'claim')}).`;
  } else {
    promptHint = rules.promptRequired
      ? 'Every entry must be written for one of the prompts.'
      : 'Optional: the prompt your story answers, if any.';
  }
  const allowed = rules.allowedRatings
    ? ` This challenge accepts: ${rules.allowedRatings
        .map((normalized) => ratingLabel({ raw: null, normalized }))
        .join(', ')}.`
    : '';
  return {
    slug: challenge.slug,
    pseuds: pseuds.map((pseud) => ({ value: String(pseud.id), label: pseud.name })),
    prompts,
    promptHint,
    customFields: rules.customFields,
    requiredFields: rules.requiredFields,
    ratingHint: `${RATING_SYSTEMS}${allowed}`,
    limits: { titleMax: ENTRY_LIMITS.titleMax, fieldMax: ENTRY_LIMITS.fieldMax },
  };
}

function result(
  action: EntryFormResult['action'],
  values: EntryFormValues,
  parts: Partial<Omit<EntryFormResult, 'action' | 'values'>> = {},
): EntryFormResult {
  return {
    action,
    values,
    errors: {},
    violations: null,
    blocked: false,
    wordCount: null,
    parseWarnings: [],
    notice: null,
    filled: null,
    ...parts,
  };
}

const SIGNED_OUT =
  'You are signed out, so nothing was saved. Sign in again in another tab, then come back and press the button again: your text is still here.';

/** Custom answers of a form whose challenge could not be loaded: every `custom.*` field as text. */
function customFieldsIn(data: FormData): Pick<CustomField, 'id' | 'kind'>[] {
  return [...new Set(data.keys())]
    .filter((name) => name.startsWith('custom.'))
    .map((name) => ({ id: name.slice('custom.'.length), kind: 'text' as const }));
}

interface Submission {
  data: FormData;
  target: EntryTarget;
  values: EntryFormValues;
  customFields: CustomField[];
  keys: string[];
}

/** Which entry a submission saves to; `data` is the submitted form. */
type ResolveTarget = (event: RequestEvent, data: FormData) => Promise<EntryTarget>;

/**
 * The draft an automatic save of a new entry's form created (its `draftId` field), so that the
 * form's own buttons update that draft instead of starting a second entry. Only a draft of the
 * viewer's own, in the same challenge, counts; anything else is ignored.
 */
export async function autosavedDraft(
  event: Event,
  data: FormData,
  slug: string,
): Promise<(EntryTarget & { entry: EntryDetail }) | null> {
  const raw = data.get('draftId');
  if (typeof raw !== 'string' || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const target = await loadOwnEntry(event, Number(raw));
  return target.entry.status === 'draft' && target.challenge.slug === slug ? target : null;
}

type Outcome = EntryFormResult | ActionFailure<EntryFormResult>;
type Step<T> = { ok: true; value: T } | { ok: false; failure: ActionFailure<EntryFormResult> };

/**
 * Reads the submitted form against its challenge. A visitor whose session ended gets the form
 * back with everything they typed (a redirect to sign in would lose the story).
 */
async function begin(
  event: RequestEvent,
  action: EntryFormResult['action'],
  resolveTarget: ResolveTarget,
): Promise<Step<Submission>> {
  const data = await event.request.formData();
  if (!event.locals.user) {
    const values = readEntryForm(data, customFieldsIn(data));
    return {
      ok: false,
      failure: fail(401, result(action, values, { errors: { form: SIGNED_OUT } })),
    };
  }
  const target = await resolveTarget(event, data);
  const customFields = target.challenge.rules.customFields;
  return {
    ok: true,
    value: {
      data,
      target,
      values: readEntryForm(data, customFields),
      customFields,
      keys: entryErrorKeys(customFields),
    },
  };
}

/** An API failure as the form's messages; a 401 keeps the text rather than redirecting. */
function formErrorsOf(e: unknown, keys: readonly string[]): { status: number; errors: FormErrors } {
  if (!(e instanceof ApiError)) throw e;
  if (e.status === 401) return { status: 401, errors: { form: SIGNED_OUT } };
  const errors = apiFormErrors(e, keys, entryFieldForPath);
  // Problems the API reports without a path, but that belong to one field.
  if (e.code === 'NOT_YOUR_PSEUD') return { status: e.status, errors: { pseudId: e.detail } };
  if (e.code === 'STORY_TOO_LONG') return { status: e.status, errors: { body: e.detail } };
  return { status: e.status, errors };
}

interface RuleCheck {
  violations: RuleViolation[] | null;
  wordCount: number | null;
  errors: FormErrors;
}

/**
 * Checks the form against the challenge's rules without saving. `lenient` (after a paste) reports
 * only the rules; `strict` (the Check button) also reports invalid input.
 */
async function checkRules(
  event: RequestEvent,
  submission: Submission,
  values: EntryFormValues,
  mode: 'lenient' | 'strict',
): Promise<RuleCheck> {
  const { target, customFields, keys } = submission;
  const entryId = target.entry?.id ?? null;
  const input =
    mode === 'lenient'
      ? ruleCheckInput(values, customFields, entryId)
      : saveEntryInput(values, customFields, false);
  const parsed = SaveEntryRequestSchema.safeParse(input);
  if (!parsed.success) {
    return {
      violations: null,
      wordCount: null,
      errors:
        mode === 'strict' ? issuesToFieldErrors(parsed.error.issues, keys, entryFieldForPath) : {},
    };
  }
  try {
    const checked = await api(event).checkEntry(target.challenge.slug, {
      ...parsed.data,
      entryId,
    });
    return { violations: checked.violations, wordCount: checked.wordCount, errors: {} };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return {
      violations: null,
      wordCount: null,
      errors: mode === 'strict' ? formErrorsOf(e, keys).errors : {},
    };
  }
}

/** Fills the form from pasted or imported text: parse it, then check the rules at once. */
async function fillFrom(
  event: RequestEvent,
  submission: Submission,
  action: 'read' | 'import',
  values: EntryFormValues,
  text: string,
): Promise<Outcome> {
  const field = action === 'read' ? 'paste' : 'file';
  let parsed;
  try {
    parsed = await api(event).parseHeader(text);
  } catch (e) {
    const { status, errors } = formErrorsOf(e, submission.keys);
    const message = errors.form ?? Object.values(errors)[0];
    return fail(status, result(action, values, { errors: { [field]: message } }));
  }
  const next = applyParsed(values, parsed, promptChoicesOf(submission));
  const check = await checkRules(event, submission, next, 'lenient');
  const count = filledFieldCount(parsed);
  const notice = parsed.header.headerDetected
    ? `Read the header: ${countLabel(count, 'field')} filled in, and the story below it is now the body. Check them before you save.`
    : 'No header was found, so all of the text is now the story. Fill in the fields yourself.';
  return result(action, next, {
    violations: check.violations,
    wordCount: check.wordCount,
    parseWarnings: parsed.warnings,
    notice,
    filled: Date.now(),
  });
}

function promptChoicesOf(submission: Submission): PromptChoice[] {
  return promptChoices(submission.target.challenge, submission.values.promptId);
}

type SaveMode = 'draft' | 'submit' | 'preview';

async function save(event: RequestEvent, submission: Submission, mode: SaveMode): Promise<Outcome> {
  const { target, values, customFields, keys } = submission;
  const parsed = SaveEntryRequestSchema.safeParse(
    saveEntryInput(values, customFields, mode === 'submit'),
  );
  if (!parsed.success) {
    return fail(
      400,
      result('save', values, {
        errors: issuesToFieldErrors(parsed.error.issues, keys, entryFieldForPath),
      }),
    );
  }

  let entry: EntryDetail;
  try {
    const client = api(event);
    entry =
      target.entry === null
        ? await client.createEntry(target.challenge.slug, parsed.data)
        : await client.updateEntry(target.entry.id, parsed.data);
  } catch (e) {
    if (e instanceof ApiError && e.status === 422) {
      const broken = e.errors.filter((problem) => problem.rule !== undefined);
      if (broken.length > 0) {
        return fail(
          422,
          result('save', values, {
            violations: broken.map((problem) => ({
              rule: problem.rule as RuleViolation['rule'],
              field: problem.path,
              message: problem.message,
            })),
            blocked: true,
          }),
        );
      }
    }
    const { status, errors } = formErrorsOf(e, keys);
    return fail(status, result('save', values, { errors }));
  }

  if (mode === 'preview') redirect(303, `/entries/${entry.id}/edit?preview=1#preview`);
  const wasLive = target.entry !== null && target.entry.status !== 'draft';
  const saved = wasLive ? 'updated' : entry.status === 'draft' ? 'draft' : 'submitted';
  redirect(303, `/entries/${entry.id}?saved=${saved}`);
}

/**
 * The actions of the entry form, shared by the submit page (a new entry) and the edit page:
 * read a paste, import a file, check the rules, and save (draft, submit, or save and preview).
 */
export function entryFormActions(resolveTarget: ResolveTarget) {
  const withSubmission =
    (
      action: EntryFormResult['action'],
      run: (event: RequestEvent, submission: Submission) => Promise<Outcome>,
    ) =>
    async (event: RequestEvent): Promise<Outcome> => {
      const step = await begin(event, action, resolveTarget);
      if (!step.ok) return step.failure;
      return run(event, step.value);
    };

  return {
    read: withSubmission('read', async (event, submission) => {
      const { values } = submission;
      if (values.paste.trim() === '') {
        return fail(
          400,
          result('read', values, {
            errors: { paste: 'Paste your story, with its header, before reading it.' },
          }),
        );
      }
      return fillFrom(event, submission, 'read', values, values.paste);
    }),

    import: withSubmission('import', async (event, submission) => {
      const { data, values, keys } = submission;
      const file = data.get('file');
      if (!(file instanceof File) || file.size === 0) {
        return fail(
          400,
          result('import', values, { errors: { file: 'Choose a file to import.' } }),
        );
      }
      const type = importMediaType(file.name, file.type);
      if (!type) {
        return fail(
          415,
          result('import', values, {
            errors: { file: 'Import a .txt, .md, .html or .docx file.' },
          }),
        );
      }
      let text: string;
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        text = (await api(event).importStory({ bytes, contentType: type })).text;
      } catch (e) {
        const { status, errors } = formErrorsOf(e, keys);
        const message = errors.form ?? Object.values(errors)[0];
        return fail(status, result('import', values, { errors: { file: message } }));
      }
      // A Markdown file is written in Markdown.
      const next: EntryFormValues =
        type === 'text/markdown' ? { ...values, bodyFormat: 'markdown' } : values;
      return fillFrom(event, submission, 'import', next, text);
    }),

    check: withSubmission('check', async (event, submission) => {
      const { values } = submission;
      const check = await checkRules(event, submission, values, 'strict');
      const failed = Object.keys(check.errors).length > 0;
      const outcome = result('check', values, {
        errors: check.errors,
        violations: check.violations,
        wordCount: check.wordCount,
        notice: failed
          ? null
          : check.violations?.length
            ? `Checked: ${countLabel(check.violations.length, 'rule')} not met yet.`
            : 'Checked: your entry meets every rule of the challenge.',
      });
      return failed ? fail(400, outcome) : outcome;
    }),

    draft: withSubmission('save', (event, submission) => save(event, submission, 'draft')),
    submit: withSubmission('save', (event, submission) => save(event, submission, 'submit')),
    preview: withSubmission('save', (event, submission) => save(event, submission, 'preview')),
  };
}
