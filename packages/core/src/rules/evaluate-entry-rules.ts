import type { ChallengeRules, Rating, RequirableField, RuleViolation } from '@ficathon/schema';
import { countWords } from '../text/count-words';

/** What the writer has written so far: the evaluator checks drafts as well as submissions. */
export interface EntryCandidate {
  /** The story alone: header and epigraph are not counted. */
  body: string;
  /** Normalized rating, or null when the writer gave none. */
  rating: Rating | null;
  /** Header fields by name; a field counts as given when it has non-blank content. */
  fields: Partial<Record<RequirableField | 'warningsNone', unknown>>;
  promptId: number | null;
  /** Answers to the organizer's custom fields, by field id. */
  customValues: Record<string, string | boolean | undefined>;
}

/** Facts from outside the entry that some rules need. */
export interface RuleContext {
  /** The prompt the entry uses, when it names one. */
  prompt: { kind: string; body: string } | null;
  /** Whether the writer holds a claim on that prompt. */
  writerHasClaim: boolean;
  /** The writer's other live entries (not withdrawn or rejected) in this challenge. */
  otherEntriesByWriter: number;
  /** Other live entries that use the same prompt. */
  otherEntriesOnPrompt: number;
}

const RATING_NAMES: Record<Rating, string> = {
  general: 'General',
  teen: 'Teen',
  mature: 'Mature',
  explicit: 'Explicit',
  not_rated: 'Not rated',
};

const FIELD_NAMES: Record<RequirableField, string> = {
  summary: 'a summary',
  rating: 'a rating',
  warnings: 'warnings (or “none”)',
  fandoms: 'a fandom',
  pairings: 'pairings',
  characters: 'characters',
  spoilers: 'spoilers',
  disclaimer: 'a disclaimer',
  archive: 'archive permission',
  notes: 'notes',
  epigraph: 'an epigraph',
  beta: 'a beta reader',
};

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * Every rule the entry breaks, in a stable order, each with its id, the form field it belongs to
 * and a sentence addressed to the writer. An empty list means the entry may be submitted.
 */
export function evaluateEntryRules(
  rules: ChallengeRules,
  entry: EntryCandidate,
  context: RuleContext,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const add = (rule: RuleViolation['rule'], field: string, message: string) =>
    violations.push({ rule, field, message });

  const words = countWords(entry.body);
  if (rules.minWords !== null && words < rules.minWords) {
    add(
      'min_words',
      'body',
      `Your story has ${plural(words, 'word')}; this challenge asks for at least ${plural(rules.minWords, 'word')}.`,
    );
  }
  if (rules.maxWords !== null && words > rules.maxWords) {
    add(
      'max_words',
      'body',
      `Your story has ${plural(words, 'word')}; this challenge allows at most ${plural(rules.maxWords, 'word')}.`,
    );
  }

  if (rules.allowedRatings !== null) {
    // An entry without a rating is treated as not rated, which the adult-content gate treats as explicit.
    const rating = entry.rating ?? 'not_rated';
    if (!rules.allowedRatings.includes(rating)) {
      const allowed = rules.allowedRatings.map((r) => RATING_NAMES[r]).join(', ');
      add(
        'allowed_rating',
        'rating',
        `This challenge accepts these ratings: ${allowed}. Your entry is rated ${RATING_NAMES[rating]}.`,
      );
    }
  }

  for (const field of rules.requiredFields) {
    const given =
      field === 'rating'
        ? entry.rating !== null
        : // "No warnings apply" answers a warnings requirement as fully as a list does.
          hasContent(entry.fields[field]) ||
          (field === 'warnings' && entry.fields.warningsNone === true);
    if (!given)
      add('required_field', field, `This challenge asks every entry for ${FIELD_NAMES[field]}.`);
  }

  if (rules.entriesPerWriter !== null && context.otherEntriesByWriter >= rules.entriesPerWriter) {
    add(
      'entries_per_writer',
      'challenge',
      `This challenge takes ${plural(rules.entriesPerWriter, 'entry', 'entries')} per writer, and you have reached that.`,
    );
  }

  if (rules.promptRequired && entry.promptId === null) {
    add('prompt_required', 'promptId', 'Choose the prompt your story answers.');
  }
  if (entry.promptId !== null) {
    if (rules.entriesPerPrompt !== null && context.otherEntriesOnPrompt >= rules.entriesPerPrompt) {
      add(
        'entries_per_prompt',
        'promptId',
        rules.entriesPerPrompt === 1
          ? 'Another entry already uses this prompt; choose a different one.'
          : `This prompt already has ${plural(rules.entriesPerPrompt, 'entry', 'entries')}, the most it can take.`,
      );
    }
    if (rules.claimRequired && !context.writerHasClaim) {
      add('claim_required', 'promptId', 'Claim this prompt before you submit a story for it.');
    }
    if (
      rules.lyricLineRequired &&
      context.prompt?.kind === 'lyrics' &&
      !containsALyricLine(entry.body, context.prompt.body)
    ) {
      add(
        'lyric_line',
        'body',
        'Quote at least one line of the prompt’s lyrics in your story, word for word.',
      );
    }
  }

  for (const field of rules.customFields) {
    const value = entry.customValues[field.id];
    const key = `custom.${field.id}`;
    if (field.kind === 'checkbox') {
      if (field.required && value !== true)
        add('custom_field_required', key, `Tick “${field.label}” to submit.`);
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (field.required) add('custom_field_required', key, `Fill in “${field.label}”.`);
    } else if (field.kind === 'choice' && !field.options.includes(text)) {
      add('custom_field_invalid', key, `Choose one of the options for “${field.label}”.`);
    }
  }

  return violations;
}

function hasContent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasContent);
  if (typeof value === 'object') return Object.values(value).some(hasContent);
  return true;
}

/**
 * Compares text as a reader would: case, curly versus straight quotes, dashes, runs of whitespace
 * and the punctuation that ends a lyric line do not matter; the words and their order do.
 */
function normalizeForQuote(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when one line of the lyric excerpt (of two or more words) appears in the story. */
export function containsALyricLine(body: string, lyrics: string): boolean {
  const story = normalizeForQuote(body);
  return lyrics
    .split(/\r\n?|\n/)
    .map((line) => normalizeForQuote(line).replace(/[\s,;:.!?'"-]+$/u, ''))
    .filter((line) => line.split(' ').length >= 2)
    .some((line) => story.includes(line));
}
