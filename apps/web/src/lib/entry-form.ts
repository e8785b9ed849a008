import type {
  BodyFormat,
  CustomField,
  EntryDetail,
  EntryHeaderInput,
  ParsedEntry,
  RuleViolation,
} from '@ficathon/schema';
import { formBoolean, formString, numberOrText, type FieldForPath, type FormErrors } from './forms';

/**
 * The entry form (submit and edit): the fields as the form has them (flat text), the conversions
 * from a parsed paste and from a stored entry, and the request body they make. Pure and free of
 * zod, so the browser's live check builds exactly the request the server's actions build.
 */

/**
 * Header values a paste can bring that the form does not edit. They travel in a hidden field and
 * are sent back on every save, so nothing the writer pasted is dropped.
 */
export const KEPT_KEYS = [
  'category',
  'genre',
  'tags',
  'series',
  'song',
  'feedback',
  'recipient',
  'endNotes',
  'extra',
  'lines',
] as const;
export type KeptHeader = Pick<EntryHeaderInput, (typeof KEPT_KEYS)[number]>;

const LIST_FIELDS = ['warnings', 'fandoms', 'pairings', 'characters'] as const;
const TEXT_FIELDS = ['spoilers', 'disclaimer', 'archive', 'summary', 'notes', 'beta'] as const;

/** The form's fields in the order it shows them (the error summary follows this order). */
export const ENTRY_FIELDS = [
  'paste',
  'file',
  'pseudId',
  'promptId',
  'title',
  'rating',
  'warnings',
  'warningsNone',
  'fandoms',
  'pairings',
  'characters',
  'summary',
  'notes',
  'spoilers',
  'disclaimer',
  'archive',
  'beta',
  'epigraphText',
  'epigraphCredit',
  'bodyFormat',
  'body',
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

export interface EntryFormValues {
  /** The pasted story with its header, waiting to be read (not saved). */
  paste: string;
  pseudId: string;
  promptId: string;
  title: string;
  /** The rating as the writer types it, in any system; the API places it on the scale. */
  rating: string;
  warnings: string;
  warningsNone: boolean;
  fandoms: string;
  pairings: string;
  characters: string;
  summary: string;
  notes: string;
  spoilers: string;
  disclaimer: string;
  archive: string;
  beta: string;
  epigraphText: string;
  epigraphCredit: string;
  bodyFormat: BodyFormat;
  body: string;
  /** Answers to the organizer's questions, by field id. */
  custom: Record<string, string | boolean>;
  kept: KeptHeader;
}

/** The form name (and error key) of a custom field. */
export const customKey = (id: string) => `custom.${id}`;

/** Every key a message can be attached to: the fields, the custom fields, and `form`. */
export function entryErrorKeys(customFields: readonly Pick<CustomField, 'id'>[]): string[] {
  return [...ENTRY_FIELDS, ...customFields.map((field) => customKey(field.id))];
}

/** Field (error key) -> input id, in form order, for the error summary's links. */
export function entryInputIds(
  customFields: readonly Pick<CustomField, 'id'>[],
): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const name of ENTRY_FIELDS) {
    if (name === 'bodyFormat') {
      for (const field of customFields) ids[customKey(field.id)] = `custom-${field.id}`;
      ids.bodyFormat = 'bodyFormat-text';
    } else {
      ids[name] = name;
    }
  }
  return ids;
}

const FORM_FIELDS = new Set<string>(ENTRY_FIELDS);

/**
 * Which field an API path belongs to: `header.title` -> `title`, `header.epigraph.credit` ->
 * `epigraphCredit`, `custom.song` -> `custom.song`, and a rule's field (`summary`, `promptId`,
 * `body`) as it is. Values the form does not edit (`header.extra`, a rule about the whole
 * `challenge`) go to the form as a whole.
 */
export const entryFieldForPath: FieldForPath = (path) => {
  const [head, next, third] = path;
  if (head === 'custom' && next !== undefined) return customKey(next);
  const field = head === 'header' ? next : head;
  if (field === 'epigraph') return third === 'credit' ? 'epigraphCredit' : 'epigraphText';
  return field !== undefined && FORM_FIELDS.has(field) ? field : undefined;
};

/** Broken rules as messages by field; several rules on one field are said one after another. */
export function violationErrors(violations: readonly RuleViolation[]): FormErrors {
  const errors: FormErrors = {};
  for (const violation of violations) {
    const key = entryFieldForPath(violation.field.split('.')) ?? 'form';
    errors[key] = errors[key] ? `${errors[key]} ${violation.message}` : violation.message;
  }
  return errors;
}

/** Text from a textarea as the writer sees it: browsers submit line breaks as CRLF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** "a, b" or one item per line (then commas stay inside an item). */
export function splitList(text: string): string[] {
  const normalized = normalizeNewlines(text);
  const items = normalized.includes('\n') ? normalized.split('\n') : normalized.split(',');
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

/** The reverse of splitList: commas when no item has one, else one per line. */
export function joinList(items: readonly string[] | undefined): string {
  if (!items || items.length === 0) return '';
  return items.some((item) => item.includes(',')) ? items.join('\n') : items.join(', ');
}

/** The kept values present in a header (parsed or stored). */
export function keptFrom(header: Partial<Record<keyof KeptHeader, unknown>>): KeptHeader {
  const kept: Record<string, unknown> = {};
  for (const key of KEPT_KEYS) {
    const value = header[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) {
      continue;
    }
    kept[key] = value;
  }
  return kept as KeptHeader;
}

/** The hidden field's JSON back to kept values; anything unreadable is dropped. */
export function parseKept(json: string): KeptHeader {
  if (json.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return keptFrom(value as Record<string, unknown>);
  } catch {
    return {};
  }
}

export function emptyEntryValues(
  defaults: { pseudId?: string; promptId?: string } = {},
): EntryFormValues {
  return {
    paste: '',
    pseudId: defaults.pseudId ?? '',
    promptId: defaults.promptId ?? '',
    title: '',
    rating: '',
    warnings: '',
    warningsNone: false,
    fandoms: '',
    pairings: '',
    characters: '',
    summary: '',
    notes: '',
    spoilers: '',
    disclaimer: '',
    archive: '',
    beta: '',
    epigraphText: '',
    epigraphCredit: '',
    bodyFormat: 'text',
    body: '',
    custom: {},
    kept: {},
  };
}

/** The submitted form, as typed (line breaks made plain, nothing else changed). */
export function readEntryForm(
  data: FormData,
  customFields: readonly Pick<CustomField, 'id' | 'kind'>[],
): EntryFormValues {
  const text = (name: string) => normalizeNewlines(formString(data, name));
  const values = emptyEntryValues();
  values.paste = text('paste');
  values.pseudId = text('pseudId');
  values.promptId = text('promptId');
  values.title = text('title');
  values.rating = text('rating');
  values.warningsNone = formBoolean(data, 'warningsNone');
  for (const name of LIST_FIELDS) values[name] = text(name);
  for (const name of TEXT_FIELDS) values[name] = text(name);
  values.epigraphText = text('epigraphText');
  values.epigraphCredit = text('epigraphCredit');
  values.bodyFormat = formString(data, 'bodyFormat') === 'markdown' ? 'markdown' : 'text';
  values.body = text('body');
  for (const field of customFields) {
    const name = customKey(field.id);
    values.custom[field.id] = field.kind === 'checkbox' ? formBoolean(data, name) : text(name);
  }
  values.kept = parseKept(formString(data, 'kept'));
  return values;
}

const given = (value: string) => (value.trim() === '' ? undefined : value);

function listOrNone(text: string): string[] | undefined {
  const items = splitList(text);
  return items.length > 0 ? items : undefined;
}

/**
 * The request body (SaveEntryRequest) before validation. Blank fields are left out rather than
 * stored empty; kept values go first so that what the form edits wins.
 */
export function saveEntryInput(
  values: EntryFormValues,
  customFields: readonly Pick<CustomField, 'id' | 'kind'>[],
  submit: boolean,
): Record<string, unknown> {
  const header: Record<string, unknown> = { ...values.kept, title: values.title };
  header.rating = given(values.rating)?.trim();
  for (const name of LIST_FIELDS) header[name] = listOrNone(values[name]);
  if (values.warningsNone) header.warningsNone = true;
  for (const name of TEXT_FIELDS) header[name] = given(values[name]);
  if (given(values.epigraphText) || given(values.epigraphCredit)) {
    header.epigraph = { text: values.epigraphText, credit: values.epigraphCredit };
  }
  const custom: Record<string, string | boolean> = {};
  for (const field of customFields) {
    const value = values.custom[field.id];
    if (field.kind === 'checkbox') custom[field.id] = value === true;
    else if (typeof value === 'string' && value.trim() !== '') custom[field.id] = value;
  }
  return {
    pseudId: numberOrText(values.pseudId, null),
    promptId: numberOrText(values.promptId, null),
    header,
    body: values.body,
    bodyFormat: values.bodyFormat,
    custom,
    submit,
  };
}

/**
 * The request for the live rule check. The check is about the challenge's rules, so a title not
 * typed yet is stood in for rather than reported while the writer is busy elsewhere.
 */
export function ruleCheckInput(
  values: EntryFormValues,
  customFields: readonly Pick<CustomField, 'id' | 'kind'>[],
  entryId: number | null,
): Record<string, unknown> {
  const titled = values.title.trim() === '' ? { ...values, title: 'Untitled' } : values;
  return { ...saveEntryInput(titled, customFields, false), entryId };
}

/** A prompt the form offers, with the title a pasted `Prompt:` or `Song:` line may name. */
export interface PromptChoice {
  value: string;
  label: string;
  title?: string;
}

function matchPrompt(parsed: ParsedEntry, prompts: readonly PromptChoice[]): string | undefined {
  const names = [parsed.header.prompt, parsed.header.song?.title]
    .filter((name): name is string => !!name?.trim())
    .map((name) =>
      name
        .trim()
        .toLowerCase()
        .replace(/^["“']|["”']$/g, ''),
    );
  return prompts.find(
    (prompt) => prompt.value !== '' && names.includes((prompt.title ?? '').trim().toLowerCase()),
  )?.value;
}

/**
 * The form after reading a paste: every header field the parser found replaces the form's, the
 * rest is left as typed; the story becomes the body. The pseud, custom answers and format stay.
 */
export function applyParsed(
  values: EntryFormValues,
  parsed: ParsedEntry,
  prompts: readonly PromptChoice[] = [],
): EntryFormValues {
  const h = parsed.header;
  const next: EntryFormValues = { ...values, paste: '', body: parsed.body };
  if (!h.headerDetected) return next;
  const or = (value: string | undefined, current: string) => value ?? current;
  const list = (items: string[] | undefined, current: string) =>
    items && items.length > 0 ? joinList(items) : current;
  next.title = or(h.title, values.title);
  next.rating = or(h.rating?.raw, values.rating);
  next.warnings = list(h.warnings, values.warnings);
  next.warningsNone = h.warningsNone === true || values.warningsNone;
  next.fandoms = list(h.fandoms, values.fandoms);
  next.pairings = list(h.pairings, values.pairings);
  next.characters = list(h.characters, values.characters);
  for (const name of TEXT_FIELDS) next[name] = or(h[name], values[name]);
  if (h.epigraph) {
    next.epigraphText = h.epigraph.text;
    next.epigraphCredit = h.epigraph.credit;
  }
  next.kept = { ...values.kept, ...keptFrom(h) };
  if (values.promptId === '') next.promptId = matchPrompt(parsed, prompts) ?? '';
  return next;
}

/** How many of the form's fields a parse filled: for the "check these" message. */
export function filledFieldCount(parsed: ParsedEntry): number {
  const h = parsed.header;
  const fields: unknown[] = [
    h.title,
    h.rating,
    h.warnings?.length || h.warningsNone ? true : undefined,
    h.fandoms?.length ? true : undefined,
    h.pairings?.length ? true : undefined,
    h.characters?.length ? true : undefined,
    ...TEXT_FIELDS.map((name) => h[name]),
    h.epigraph,
  ];
  return fields.filter((value) => value !== undefined).length;
}

/** The edit form of a stored entry (the writer's view, which has the raw body). */
export function entryValuesFrom(entry: EntryDetail): EntryFormValues {
  const h = entry.header;
  return {
    paste: '',
    pseudId: entry.pseudId === null ? '' : String(entry.pseudId),
    promptId: entry.prompt === null ? '' : String(entry.prompt.id),
    title: h.title ?? entry.title,
    rating: h.rating?.raw ?? entry.rating.raw ?? '',
    warnings: joinList(h.warnings),
    warningsNone: h.warningsNone === true,
    fandoms: joinList(h.fandoms),
    pairings: joinList(h.pairings),
    characters: joinList(h.characters),
    summary: h.summary ?? '',
    notes: h.notes ?? '',
    spoilers: h.spoilers ?? '',
    disclaimer: h.disclaimer ?? '',
    archive: h.archive ?? '',
    beta: h.beta ?? '',
    epigraphText: h.epigraph?.text ?? '',
    epigraphCredit: h.epigraph?.credit ?? '',
    bodyFormat: entry.bodyFormat,
    body: entry.body ?? '',
    custom: { ...(h.custom ?? {}) },
    kept: keptFrom(h),
  };
}

/** Media types the import takes, by file extension (browsers often send none for .md). */
const IMPORT_TYPES: Record<string, string> = {
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const KNOWN_TYPES = new Set(Object.values(IMPORT_TYPES));

/** The media type to send an uploaded file as, or null for a file the import cannot read. */
export function importMediaType(fileName: string, browserType: string): string | null {
  const type = browserType.split(';')[0]!.trim().toLowerCase();
  if (KNOWN_TYPES.has(type)) return type;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (extension && IMPORT_TYPES[extension]) || null;
}

/** Accept attribute of the file input. */
export const IMPORT_ACCEPT =
  '.txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html';

/** What the entry form offers, computed on the server (no schema values in the browser). */
export interface EntryFormOptions {
  slug: string;
  pseuds: { value: string; label: string }[];
  /** The first choice is '' ("Choose a prompt" or "No prompt"). */
  prompts: PromptChoice[];
  promptHint: string;
  customFields: CustomField[];
  /** Header fields the challenge requires (their labels say so). */
  requiredFields: string[];
  ratingHint: string;
  limits: { titleMax: number; fieldMax: number };
}

/** What a form action of the entry form returns, failed or not: the form shown again. */
export interface EntryFormResult {
  action: 'read' | 'import' | 'check' | 'save';
  values: EntryFormValues;
  /** Problems with the input or the request (not the rules), by field. */
  errors: FormErrors;
  /** The rules the entry breaks, when they were checked (null: not checked this time). */
  violations: RuleViolation[] | null;
  /** A submit was refused for the rules it breaks: they go in the error summary too. */
  blocked: boolean;
  wordCount: number | null;
  /** What the header parser asks the writer to check. */
  parseWarnings: string[];
  /** A sentence about what just happened ("Read the header: …"). */
  notice: string | null;
  /** Changes whenever a paste or file filled the fields, so the inputs show the new values. */
  filled: number | null;
}

/** Kept values as label/value rows, for the read-only "also kept from your header" list. */
export function keptRows(kept: KeptHeader): [label: string, value: string][] {
  const rows: [string, string | undefined][] = [
    ['Category', kept.category?.join(', ')],
    ['Genre', kept.genre?.join(', ')],
    ['Tags', kept.tags?.join(', ')],
    [
      'Series',
      kept.series &&
        (kept.series.part === undefined
          ? kept.series.name
          : `${kept.series.name}, part ${kept.series.part}`),
    ],
    [
      'Song',
      kept.song &&
        [kept.song.title, kept.song.artist && `by ${kept.song.artist}`].filter(Boolean).join(' '),
    ],
    ['Feedback', kept.feedback],
    ['Recipient', kept.recipient],
    ['End notes', kept.endNotes],
    ...Object.entries(kept.extra ?? {}),
  ];
  return rows.filter((row): row is [string, string] => !!row[1]?.trim());
}
