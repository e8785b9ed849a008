import type { Prompt, PromptKind } from '@ficathon/schema';
import { formString, numberOrText } from './forms';

/** The add and edit forms of a prompt: fields as typed, and the request body they make. */

export const PROMPT_FIELDS = [
  'kind',
  'title',
  'credit',
  'body',
  'link',
  'imageAlt',
  'maxClaims',
] as const;
export type PromptField = (typeof PROMPT_FIELDS)[number];
export type PromptFormValues = Record<PromptField, string>;

export const PROMPT_KINDS: readonly PromptKind[] = ['lyrics', 'quote', 'image', 'text'];

export const PROMPT_KIND_LABELS: Record<PromptKind, string> = {
  lyrics: 'Song lyrics',
  quote: 'Quote',
  image: 'Image',
  text: 'Word or phrase',
};

export function isPromptKind(value: string): value is PromptKind {
  return (PROMPT_KINDS as readonly string[]).includes(value);
}

interface FieldText {
  label: string;
  hint?: string;
}

/**
 * What each kind of prompt asks for, in the order the form shows it. A field a kind does not use
 * is left out of its form (and so sent empty).
 */
export const PROMPT_KIND_FIELDS: Record<
  PromptKind,
  Partial<Record<Exclude<PromptField, 'kind' | 'maxClaims'>, FieldText>>
> = {
  lyrics: {
    title: { label: 'Song title' },
    credit: { label: 'Artist', hint: 'Who wrote or sang it, e.g. “Traditional”.' },
    body: {
      label: 'Lyric excerpt',
      hint: 'One line of the song per line; leave a blank line between verses.',
    },
    link: { label: 'Link to the song (optional)', hint: 'A web address starting with https://.' },
  },
  quote: {
    body: { label: 'Quote', hint: 'Line breaks are kept.' },
    credit: { label: 'Source', hint: 'Who said or wrote it, and where.' },
    title: {
      label: 'Short title',
      hint: 'Names the prompt in lists, e.g. the first few words of the quote.',
    },
    link: { label: 'Link to the source (optional)', hint: 'A web address starting with https://.' },
  },
  image: {
    title: { label: 'Title' },
    link: { label: 'Image address', hint: 'A web address starting with https://.' },
    imageAlt: {
      label: 'Alt text',
      hint: 'Describe the image for readers who cannot see it.',
    },
    credit: { label: 'Artist or source (optional)' },
    body: { label: 'Notes (optional)' },
  },
  text: {
    title: { label: 'Word or phrase' },
    body: { label: 'Notes (optional)', hint: 'Anything writers should know about this prompt.' },
  },
};

export function emptyPromptValues(kind: PromptKind = 'lyrics'): PromptFormValues {
  return { kind, title: '', credit: '', body: '', link: '', imageAlt: '', maxClaims: '' };
}

export function promptValuesFrom(prompt: Prompt): PromptFormValues {
  return {
    kind: prompt.kind,
    title: prompt.title,
    credit: prompt.credit ?? '',
    body: prompt.body,
    link: prompt.link ?? '',
    imageAlt: prompt.imageAlt ?? '',
    maxClaims: prompt.maxClaims === null ? '' : String(prompt.maxClaims),
  };
}

export function readPromptForm(data: FormData): PromptFormValues {
  const values = emptyPromptValues();
  for (const name of PROMPT_FIELDS) values[name] = formString(data, name);
  if (!isPromptKind(values.kind)) values.kind = 'lyrics';
  return values;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body (PromptInput) before validation; fields the kind does not use are dropped. */
export function promptInput(values: PromptFormValues): Record<string, unknown> {
  const kind = isPromptKind(values.kind) ? values.kind : 'lyrics';
  const uses = PROMPT_KIND_FIELDS[kind];
  return {
    kind,
    title: values.title,
    credit: uses.credit ? orNull(values.credit) : null,
    body: uses.body ? values.body : '',
    link: uses.link ? orNull(values.link) : null,
    imageAlt: uses.imageAlt ? orNull(values.imageAlt) : null,
    maxClaims: numberOrText(values.maxClaims, null),
  };
}

/** Field name -> input id for the error summary, with the page's id prefix. */
export function promptInputIds(prefix: string): Record<PromptField, string> {
  return Object.fromEntries(PROMPT_FIELDS.map((name) => [name, `${prefix}-${name}`])) as Record<
    PromptField,
    string
  >;
}

/**
 * Without JavaScript, changing the kind of prompt needs a round trip: the "show the fields"
 * button. Pressing Enter in a field also submits with that (first) button, so a submission only
 * counts as a change of kind when the kind really changed.
 */
export function isKindChangeOnly(data: FormData): boolean {
  return (
    formString(data, 'intent') === 'kind' &&
    formString(data, 'kind') !== formString(data, 'shownKind')
  );
}
