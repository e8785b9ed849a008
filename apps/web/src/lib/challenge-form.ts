import type { ChallengeDetail, CreateChallengeInput } from '@ficathon/schema';
import {
  customFieldsInput,
  emptyNewField,
  readCustomFields,
  readNewField,
  type CustomFieldValues,
  type NewFieldValues,
} from './custom-fields';
import { formBoolean, formString, formStrings, numberOrText, type FieldForPath } from './forms';
import { toLocalInputValue } from './format';

/**
 * The create and edit forms of a challenge: the fields as the form has them (flat, all text), and
 * the conversions to the API's nested request and back. Pure, so it is shared by the pages'
 * server code and unit tests; validation with the zod schema happens in the actions.
 */

const TEXT_FIELDS = [
  'slug',
  'communitySlug',
  'title',
  'description',
  'timeZone',
  'opensAt',
  'closesAt',
  'graceMinutes',
  'votingOpensAt',
  'votingClosesAt',
  'minWords',
  'maxWords',
  'entriesPerWriter',
  'entriesPerPrompt',
  'claimExpiryDays',
] as const;

const FLAG_FIELDS = [
  'promptRequired',
  'claimRequired',
  'lyricLineRequired',
  'anonymous',
  'moderated',
  'organizersSeeAuthors',
] as const;

const LIST_FIELDS = ['allowedRatings', 'requiredFields'] as const;

type TextField = (typeof TEXT_FIELDS)[number];
type FlagField = (typeof FLAG_FIELDS)[number];
type ListField = (typeof LIST_FIELDS)[number];

export type ChallengeField = TextField | FlagField | ListField;

interface Option {
  value: string;
  label: string;
}

/** The choices and limits the form offers, computed on the server. */
export interface ChallengeFormOptions {
  timeZones: Option[];
  ratings: Option[];
  requirableFields: Option[];
  limits: {
    slugMax: number;
    titleMax: number;
    descriptionMax: number;
    customFieldsMax: number;
    customFieldLabelMax: number;
  };
}

export type ChallengeFormValues = Record<TextField, string> &
  Record<FlagField, boolean> &
  Record<ListField, string[]> & {
    /** The organizer's own questions on the entry form, and the row that adds one. */
    customFields: CustomFieldValues[];
    newField: NewFieldValues;
  };

/**
 * Field name -> the id of its input, in the order the form shows them (the error summary lists
 * errors in this order). A group of checkboxes is reached through its first box.
 */
export const CHALLENGE_INPUT_IDS: Record<ChallengeField, string> = {
  title: 'title',
  slug: 'slug',
  communitySlug: 'communitySlug',
  description: 'description',
  timeZone: 'timeZone',
  opensAt: 'opensAt',
  closesAt: 'closesAt',
  graceMinutes: 'graceMinutes',
  votingOpensAt: 'votingOpensAt',
  votingClosesAt: 'votingClosesAt',
  minWords: 'minWords',
  maxWords: 'maxWords',
  allowedRatings: 'allowedRatings-general',
  requiredFields: 'requiredFields-summary',
  entriesPerWriter: 'entriesPerWriter',
  entriesPerPrompt: 'entriesPerPrompt',
  promptRequired: 'promptRequired',
  claimRequired: 'claimRequired',
  lyricLineRequired: 'lyricLineRequired',
  claimExpiryDays: 'claimExpiryDays',
  anonymous: 'anonymous',
  moderated: 'moderated',
  organizersSeeAuthors: 'organizersSeeAuthors',
};

export const CHALLENGE_FIELDS = Object.keys(CHALLENGE_INPUT_IDS) as ChallengeField[];

/** The inputs of the "Add a field" row, which have their own error messages. */
export const NEW_FIELD_INPUT_IDS = {
  newFieldLabel: 'newFieldLabel',
  newFieldKind: 'newFieldKind',
  newFieldOptions: 'newFieldOptions',
} as const;

/** Error key of the custom field at `index` (all its problems are shown beside it). */
export const customFieldKey = (index: number) => `customFields.${index}`;

/**
 * Every key a challenge form's errors may use: the fixed fields, the custom fields list as a
 * whole (`customFields`), each custom field, and the "Add a field" row.
 */
export function challengeErrorFields(values: Pick<ChallengeFormValues, 'customFields'>): string[] {
  return [
    ...CHALLENGE_FIELDS,
    'customFields',
    ...values.customFields.map((_, index) => customFieldKey(index)),
    ...Object.keys(NEW_FIELD_INPUT_IDS),
  ];
}

/**
 * The form field an API or zod error path belongs to: `schedule.closesAt` -> `closesAt`,
 * `rules.allowedRatings.0` -> `allowedRatings`, `rules.customFields.2.options` ->
 * `customFields.2`, `title` -> `title`. Unknown paths go to the form as a whole.
 */
export const challengeFieldForPath: FieldForPath = (path) => {
  const [head, next, index] = path;
  if (head === 'rules' && next === 'customFields' && index !== undefined) {
    return customFieldKey(Number(index));
  }
  if (head === 'schedule' || head === 'rules') return next;
  return head;
};

/** A new challenge: nothing set, organizers see authors, every rating allowed. */
export function emptyChallengeValues(timeZone = 'UTC'): ChallengeFormValues {
  return {
    slug: '',
    communitySlug: '',
    title: '',
    description: '',
    timeZone,
    opensAt: '',
    closesAt: '',
    graceMinutes: '0',
    votingOpensAt: '',
    votingClosesAt: '',
    minWords: '',
    maxWords: '',
    entriesPerWriter: '',
    entriesPerPrompt: '',
    claimExpiryDays: '',
    promptRequired: false,
    claimRequired: false,
    lyricLineRequired: false,
    anonymous: false,
    moderated: false,
    organizersSeeAuthors: true,
    allowedRatings: [],
    requiredFields: [],
    customFields: [],
    newField: emptyNewField(),
  };
}

const text = (n: number | null) => (n === null ? '' : String(n));

/**
 * The edit form of a stored challenge. Deadlines are stored in UTC; the form shows them as the
 * wall-clock time in the challenge's own zone, which is how the organizer entered them.
 */
export function challengeValuesFrom(challenge: ChallengeDetail): ChallengeFormValues {
  const { schedule, rules } = challenge;
  const local = (iso: string | null) => toLocalInputValue(iso, schedule.timeZone) ?? '';
  return {
    slug: challenge.slug,
    communitySlug: challenge.community?.slug ?? '',
    title: challenge.title,
    description: challenge.descriptionMarkdown,
    timeZone: schedule.timeZone,
    opensAt: local(schedule.opensAt),
    closesAt: local(schedule.closesAt),
    graceMinutes: String(schedule.graceMinutes),
    votingOpensAt: local(schedule.votingOpensAt),
    votingClosesAt: local(schedule.votingClosesAt),
    minWords: text(rules.minWords),
    maxWords: text(rules.maxWords),
    entriesPerWriter: text(rules.entriesPerWriter),
    entriesPerPrompt: text(rules.entriesPerPrompt),
    claimExpiryDays: text(challenge.claimExpiryDays),
    promptRequired: rules.promptRequired,
    claimRequired: rules.claimRequired,
    lyricLineRequired: rules.lyricLineRequired,
    anonymous: challenge.anonymous,
    moderated: challenge.moderated,
    organizersSeeAuthors: challenge.organizersSeeAuthors,
    allowedRatings: rules.allowedRatings ?? [],
    requiredFields: rules.requiredFields,
    customFields: rules.customFields.map((field) => ({ ...field, options: [...field.options] })),
    newField: emptyNewField(),
  };
}

/** The submitted form, as typed (nothing trimmed or converted yet, so it can be shown again). */
export function readChallengeForm(data: FormData): ChallengeFormValues {
  const values = emptyChallengeValues();
  for (const name of TEXT_FIELDS) values[name] = formString(data, name);
  for (const name of FLAG_FIELDS) values[name] = formBoolean(data, name);
  for (const name of LIST_FIELDS) values[name] = formStrings(data, name);
  values.customFields = readCustomFields(data);
  values.newField = readNewField(data);
  return values;
}

const dateTime = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body for POST /api/challenges, before validation (numbers may still be text). */
export function createChallengeInput(values: ChallengeFormValues): Record<string, unknown> {
  return {
    slug: values.slug,
    // Empty: a challenge of its own, in no community.
    communitySlug: values.communitySlug.trim() === '' ? null : values.communitySlug.trim(),
    ...updateChallengeInput(values),
  };
}

/** The request body for PATCH /api/challenges/:slug: every field of the form. */
export function updateChallengeInput(values: ChallengeFormValues): Record<string, unknown> {
  const limit = (value: string) => numberOrText(value, null);
  return {
    title: values.title,
    description: values.description,
    anonymous: values.anonymous,
    moderated: values.moderated,
    organizersSeeAuthors: values.organizersSeeAuthors,
    claimExpiryDays: limit(values.claimExpiryDays),
    rules: {
      minWords: limit(values.minWords),
      maxWords: limit(values.maxWords),
      // No box ticked means every rating is allowed.
      allowedRatings: values.allowedRatings.length > 0 ? values.allowedRatings : null,
      requiredFields: values.requiredFields,
      entriesPerWriter: limit(values.entriesPerWriter),
      entriesPerPrompt: limit(values.entriesPerPrompt),
      promptRequired: values.promptRequired,
      claimRequired: values.claimRequired,
      lyricLineRequired: values.lyricLineRequired,
      customFields: customFieldsInput(values.customFields),
    },
    schedule: {
      timeZone: values.timeZone,
      opensAt: dateTime(values.opensAt),
      closesAt: dateTime(values.closesAt),
      graceMinutes: numberOrText(values.graceMinutes, 0),
      votingOpensAt: dateTime(values.votingOpensAt),
      votingClosesAt: dateTime(values.votingClosesAt),
    },
  } satisfies Record<keyof Omit<CreateChallengeInput, 'slug' | 'communitySlug'>, unknown>;
}
