import type { CustomField } from '@ficathon/schema';
import { formBoolean, formString, formStrings } from './forms';

/**
 * The organizer's own questions on the entry form (rules.customFields), as the challenge form
 * edits them without JavaScript: the fields so far travel as hidden inputs, "Add a field" and
 * "Remove" are submissions that come back with the form as typed. Pure; the server validates.
 */

export type CustomFieldKind = CustomField['kind'];

export const CUSTOM_FIELD_KINDS: readonly CustomFieldKind[] = ['text', 'choice', 'checkbox'];

export const CUSTOM_FIELD_KIND_LABELS: Record<CustomFieldKind, string> = {
  text: 'Free text',
  choice: 'One of a list',
  checkbox: 'A tick box',
};

/** A field already on the form. Its id is kept once given: entries store answers by it. */
export interface CustomFieldValues {
  id: string;
  label: string;
  kind: string;
  required: boolean;
  options: string[];
}

/** The "Add a field" row, as typed; options one per line. */
export interface NewFieldValues {
  label: string;
  kind: string;
  required: boolean;
  options: string;
}

/** Submitted by the "Add this field" button. */
export const ADD_FIELD_INTENT = 'addField';
/** The name of each field's "Remove" button; its value is the field's position. */
export const REMOVE_FIELD_NAME = 'removeField';

export function emptyNewField(): NewFieldValues {
  return { label: '', kind: 'text', required: false, options: '' };
}

export function isCustomFieldKind(value: string): value is CustomFieldKind {
  return (CUSTOM_FIELD_KINDS as readonly string[]).includes(value);
}

/** The options typed one per line, without blank lines or surrounding spaces. */
export function optionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const ID_MAX = 40;

/**
 * A stable id from the label ("Which song?" -> `which-song`): lower-case ASCII letters, digits and
 * dashes, at most 40, made unique against `taken` with a number. A label with no such characters
 * (all CJK, say) becomes `field`.
 */
export function fieldIdFromLabel(label: string, taken: readonly string[]): string {
  const trimDashes = (s: string) => s.replace(/^-+|-+$/g, '');
  const base =
    trimDashes(
      trimDashes(
        label
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-'),
      ).slice(0, ID_MAX),
    ) || 'field';
  let id = base;
  for (let n = 2; taken.includes(id); n++) {
    const suffix = `-${n}`;
    id = `${trimDashes(base.slice(0, ID_MAX - suffix.length))}${suffix}`;
  }
  return id;
}

/** One field as the value of its hidden input. */
export function encodeCustomField(field: CustomFieldValues): string {
  return JSON.stringify(field);
}

function decodeCustomField(raw: string): CustomFieldValues | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || typeof v.label !== 'string' || typeof v.kind !== 'string') {
    return null;
  }
  return {
    id: v.id,
    label: v.label,
    kind: v.kind,
    required: v.required === true,
    options: Array.isArray(v.options)
      ? v.options.filter((o): o is string => typeof o === 'string')
      : [],
  };
}

/** The fields so far, from their hidden inputs; anything unreadable is left out. */
export function readCustomFields(data: FormData): CustomFieldValues[] {
  return formStrings(data, 'customField')
    .map(decodeCustomField)
    .filter((field): field is CustomFieldValues => field !== null);
}

export function readNewField(data: FormData): NewFieldValues {
  return {
    label: formString(data, 'newFieldLabel'),
    kind: formString(data, 'newFieldKind') || 'text',
    required: formBoolean(data, 'newFieldRequired'),
    options: formString(data, 'newFieldOptions'),
  };
}

/** Whether the organizer typed anything into the "Add a field" row. */
export function isNewFieldFilled(row: NewFieldValues): boolean {
  return row.label.trim() !== '' || row.options.trim() !== '';
}

/** Which custom-field button was pressed, if any (a plain save otherwise). */
export function customFieldIntent(
  data: FormData,
): { kind: 'add' } | { kind: 'remove'; index: number } | null {
  if (formString(data, 'intent') === ADD_FIELD_INTENT) return { kind: 'add' };
  const remove = formString(data, REMOVE_FIELD_NAME);
  if (remove !== '' && /^\d+$/.test(remove)) return { kind: 'remove', index: Number(remove) };
  return null;
}

/** The new row as a custom field for validation: its id made from the label. */
export function newFieldInput(
  row: NewFieldValues,
  existing: readonly CustomFieldValues[],
): Record<string, unknown> {
  return {
    id: fieldIdFromLabel(
      row.label,
      existing.map((field) => field.id),
    ),
    label: row.label,
    kind: row.kind,
    required: row.required,
    // Options only mean something for a choice; left over from switching kinds, they go.
    options: row.kind === 'choice' ? optionLines(row.options) : [],
  };
}

/** The fields as the API takes them (rules.customFields), before validation. */
export function customFieldsInput(fields: readonly CustomFieldValues[]): Record<string, unknown>[] {
  return fields.map((field) => ({
    id: field.id,
    label: field.label,
    kind: field.kind,
    required: field.required,
    options: field.kind === 'choice' ? field.options : [],
  }));
}

/** One line about a field for the organizer: "One of a list (Yes, No) · required". */
export function describeCustomField(field: CustomFieldValues): string {
  const kind = isCustomFieldKind(field.kind) ? CUSTOM_FIELD_KIND_LABELS[field.kind] : field.kind;
  const options =
    field.kind === 'choice' && field.options.length > 0 ? `: ${field.options.join(', ')}` : '';
  const required = field.required
    ? field.kind === 'checkbox'
      ? ' · must be ticked'
      : ' · required'
    : ' · optional';
  return `${kind}${options}${required}`;
}
