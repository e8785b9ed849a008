import { fail } from '@sveltejs/kit';
import { CUSTOM_FIELD_LIMITS, CustomFieldSchema } from '@ficathon/schema';
import { NEW_FIELD_INPUT_IDS, type ChallengeFormValues } from '$lib/challenge-form';
import {
  customFieldIntent,
  emptyNewField,
  isNewFieldFilled,
  newFieldInput,
} from '$lib/custom-fields';
import { issuesToFieldErrors, type FieldForPath, type FormErrors } from '$lib/forms';

/**
 * What the create and edit actions of a challenge share: the custom-field buttons ("Add this
 * field", "Remove"), which send the whole form and get it back as typed. Server-only, as it
 * validates with the shared zod schema.
 */

const NEW_FIELD_KEYS = Object.keys(NEW_FIELD_INPUT_IDS) as (keyof typeof NEW_FIELD_INPUT_IDS)[];

const newFieldForPath: FieldForPath = ([head]) =>
  head === 'kind' ? 'newFieldKind' : head === 'options' ? 'newFieldOptions' : 'newFieldLabel';

/** The typed row added to the fields, or what is wrong with it, beside its inputs. */
export function addNewField(
  values: ChallengeFormValues,
): { values: ChallengeFormValues; label: string } | { errors: FormErrors } {
  if (values.customFields.length >= CUSTOM_FIELD_LIMITS.perChallenge) {
    return {
      errors: {
        newFieldLabel: `A challenge asks at most ${CUSTOM_FIELD_LIMITS.perChallenge} questions of its own: remove one first.`,
      },
    };
  }
  const parsed = CustomFieldSchema.safeParse(newFieldInput(values.newField, values.customFields));
  if (!parsed.success) {
    return { errors: issuesToFieldErrors(parsed.error.issues, NEW_FIELD_KEYS, newFieldForPath) };
  }
  return {
    values: {
      ...values,
      customFields: [...values.customFields, parsed.data],
      newField: emptyNewField(),
    },
    label: parsed.data.label,
  };
}

/**
 * Handles the custom-field buttons: returns the action's result (the form again, with a notice,
 * or with the new row's errors), or null when the submission is a save.
 */
export function customFieldStep(data: FormData, values: ChallengeFormValues) {
  const intent = customFieldIntent(data);
  if (intent === null) return null;
  if (intent.kind === 'add') {
    const added = addNewField(values);
    if ('errors' in added) return fail(400, { values, errors: added.errors });
    return {
      values: added.values,
      errors: {} as FormErrors,
      notice: `Added the field “${added.label}”.`,
    };
  }
  const removed = values.customFields[intent.index];
  return {
    values: removed
      ? { ...values, customFields: values.customFields.filter((_, i) => i !== intent.index) }
      : values,
    errors: {} as FormErrors,
    notice: removed ? `Removed the field “${removed.label}”.` : null,
  };
}

/**
 * Before a save: a filled-in "Add a field" row counts, as the organizer surely meant to add it
 * rather than lose it. Returns the values to save, or the row's errors.
 */
export function withNewField(
  values: ChallengeFormValues,
): { values: ChallengeFormValues } | { errors: FormErrors } {
  if (!isNewFieldFilled(values.newField)) return { values };
  const added = addNewField(values);
  return 'errors' in added ? added : { values: added.values };
}
