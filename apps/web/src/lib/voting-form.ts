import type { VotingConfig, VotingConfigInput } from '@ficathon/schema';
import { numberOrText, type FieldForPath } from './forms';

/** One category as the setup form holds it: text, as typed. */
export interface CategoryValues {
  id: string;
  name: string;
  description: string;
  method: string;
  rankedCount: string;
  approvalCap: string;
  scoreScale: string;
  minimumScores: string;
  source: string;
  /** The judges' share of a blend, in percent. */
  judgeWeight: string;
}

export interface CriterionValues {
  id: string;
  label: string;
  weight: string;
  scale: string;
}

export interface VotingFormValues {
  categories: CategoryValues[];
  voters: string;
  minAccountAgeDays: string;
  minEntriesRead: string;
  organizersSeeTotals: boolean;
  rubric: CriterionValues[];
}

export const RUBRIC_MAX = 6;

export const CATEGORY_KEYS = [
  'name',
  'description',
  'method',
  'rankedCount',
  'approvalCap',
  'scoreScale',
  'minimumScores',
  'source',
  'judgeWeight',
] as const;
export const CRITERION_KEYS = ['label', 'weight', 'scale'] as const;

export function emptyCategory(): CategoryValues {
  return {
    id: '',
    name: '',
    description: '',
    method: 'ranked',
    rankedCount: 'instant_runoff',
    approvalCap: '',
    scoreScale: '5',
    minimumScores: '3',
    source: 'public',
    judgeWeight: '50',
  };
}

export function emptyCriterion(): CriterionValues {
  return { id: '', label: '', weight: '1', scale: '5' };
}

/** A key for a new category or criterion, from its name, unlike every key already taken. */
export function keyFromName(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34) || 'item';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}

export function votingValuesFrom(config: VotingConfig): VotingFormValues {
  return {
    categories: config.categories.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      method: c.method,
      rankedCount: c.rankedCount,
      approvalCap: c.approvalCap === null ? '' : String(c.approvalCap),
      scoreScale: String(c.scoreScale),
      minimumScores: String(c.minimumScores),
      source: c.source,
      judgeWeight: String(Math.round(c.judgeWeight * 100)),
    })),
    voters: config.eligibility.voters,
    minAccountAgeDays:
      config.eligibility.minAccountAgeDays === null
        ? ''
        : String(config.eligibility.minAccountAgeDays),
    minEntriesRead:
      config.eligibility.minEntriesRead === null ? '' : String(config.eligibility.minEntriesRead),
    organizersSeeTotals: config.organizersSeeTotals,
    rubric: config.rubric.map((r) => ({
      id: r.id,
      label: r.label,
      weight: String(r.weight),
      scale: String(r.scale),
    })),
  };
}

function text(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === 'string' ? v : '';
}

/**
 * Reads the setup form: `category.<i>.<key>` and `criterion.<i>.<key>` for the rows there are,
 * and `category.new.*` / `criterion.new.*` for the blank rows, kept when they have a name.
 */
export function readVotingForm(data: FormData): VotingFormValues {
  const categories: CategoryValues[] = [];
  for (let i = 0; data.has(`category.${i}.id`); i++) {
    const row = { id: text(data, `category.${i}.id`) } as CategoryValues;
    for (const key of CATEGORY_KEYS) row[key] = text(data, `category.${i}.${key}`);
    categories.push(row);
  }
  const rubric: CriterionValues[] = [];
  for (let i = 0; data.has(`criterion.${i}.id`); i++) {
    const row = { id: text(data, `criterion.${i}.id`) } as CriterionValues;
    for (const key of CRITERION_KEYS) row[key] = text(data, `criterion.${i}.${key}`);
    rubric.push(row);
  }
  if (text(data, 'category.new.name').trim() !== '') {
    const row = emptyCategory();
    for (const key of CATEGORY_KEYS) {
      if (data.has(`category.new.${key}`)) row[key] = text(data, `category.new.${key}`);
    }
    row.id = keyFromName(
      row.name,
      categories.map((c) => c.id),
    );
    categories.push(row);
  }
  if (text(data, 'criterion.new.label').trim() !== '') {
    const row = emptyCriterion();
    for (const key of CRITERION_KEYS) {
      if (data.has(`criterion.new.${key}`)) row[key] = text(data, `criterion.new.${key}`);
    }
    row.id = keyFromName(
      row.label,
      rubric.map((r) => r.id),
    );
    rubric.push(row);
  }
  return {
    categories,
    voters: text(data, 'voters') || 'accounts',
    minAccountAgeDays: text(data, 'minAccountAgeDays'),
    minEntriesRead: text(data, 'minEntriesRead'),
    organizersSeeTotals: data.has('organizersSeeTotals'),
    rubric,
  };
}

function decimalOrText(raw: string): number | string {
  const t = raw.trim();
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** The request body for PUT /voting; anything not a number is sent as text so the API names it. */
export function votingConfigInput(values: VotingFormValues): VotingConfigInput {
  const weight = (raw: string) => {
    const n = decimalOrText(raw);
    return typeof n === 'number' ? n / 100 : n;
  };
  return {
    categories: values.categories.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      method: c.method,
      rankedCount: c.rankedCount,
      approvalCap: numberOrText(c.approvalCap, null),
      scoreScale: numberOrText(c.scoreScale, 5),
      minimumScores: numberOrText(c.minimumScores, 3),
      source: c.source,
      judgeWeight: weight(c.judgeWeight),
    })),
    eligibility: {
      voters: values.voters,
      minAccountAgeDays: numberOrText(values.minAccountAgeDays, null),
      minEntriesRead: numberOrText(values.minEntriesRead, null),
    },
    organizersSeeTotals: values.organizersSeeTotals,
    rubric: values.rubric.map((r) => ({
      id: r.id,
      label: r.label,
      weight: decimalOrText(r.weight),
      scale: numberOrText(r.scale, 5),
    })),
  } as unknown as VotingConfigInput;
}

/** `categories.0.name` -> `category.0.name`; `eligibility.voters` -> `voters`. */
export const votingFieldForPath: FieldForPath = (path) => {
  const [head, index, key] = path;
  if (head === 'categories') {
    return index === undefined ? 'categories' : `category.${index}.${key ?? 'name'}`;
  }
  if (head === 'rubric') {
    return index === undefined ? 'rubric' : `criterion.${index}.${key ?? 'label'}`;
  }
  if (head === 'eligibility') return index;
  return head;
};

/** Every field the form can show a message beside, in form order, with its input id. */
export function votingErrorFields(values: VotingFormValues): Record<string, string> {
  const fields: Record<string, string> = { categories: 'categories' };
  values.categories.forEach((_, i) => {
    for (const key of CATEGORY_KEYS) fields[`category.${i}.${key}`] = `category-${i}-${key}`;
  });
  fields.voters = 'voters';
  fields.minAccountAgeDays = 'minAccountAgeDays';
  fields.minEntriesRead = 'minEntriesRead';
  fields.organizersSeeTotals = 'organizersSeeTotals';
  fields.rubric = 'rubric';
  values.rubric.forEach((_, i) => {
    for (const key of CRITERION_KEYS) fields[`criterion.${i}.${key}`] = `criterion-${i}-${key}`;
  });
  return fields;
}
