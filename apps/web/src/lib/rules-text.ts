import type { ChallengeRules, RequirableField } from '@ficathon/schema';
import { countLabel, ratingLabel } from './format';

export const REQUIRABLE_FIELD_LABELS: Record<RequirableField, string> = {
  summary: 'Summary',
  rating: 'Rating',
  warnings: 'Content warnings',
  fandoms: 'Fandoms',
  pairings: 'Pairings',
  characters: 'Characters',
  spoilers: 'Spoilers',
  disclaimer: 'Disclaimer',
  archive: 'Distribution (archive permission)',
  notes: 'Notes',
  epigraph: 'Epigraph',
  beta: 'Beta reader',
};

const number = new Intl.NumberFormat('en-GB');

function lengthRule(min: number | null, max: number | null): string {
  if (min !== null && max !== null) {
    return `Entries are between ${number.format(min)} and ${countLabel(max, 'word')} long.`;
  }
  if (min !== null) return `Entries are at least ${countLabel(min, 'word')} long.`;
  if (max !== null) return `Entries are at most ${countLabel(max, 'word')} long.`;
  return 'Entries can be any length.';
}

function listInWords(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/**
 * A challenge's rules as sentences a writer reads before starting, in the order they matter:
 * length, rating, how many entries, prompts and claims, what the header must hold.
 */
export function describeRules(rules: ChallengeRules, claimExpiryDays: number | null): string[] {
  const lines = [lengthRule(rules.minWords, rules.maxWords)];

  lines.push(
    rules.allowedRatings === null
      ? 'Any rating is allowed.'
      : `Allowed ratings: ${listInWords(
          rules.allowedRatings.map((normalized) => ratingLabel({ raw: null, normalized })),
        )}.`,
  );

  if (rules.entriesPerWriter === null) {
    lines.push('Each writer may post as many entries as they like.');
  } else if (rules.entriesPerWriter === 1) {
    lines.push('Each writer may post one entry.');
  } else {
    lines.push(`Each writer may post up to ${number.format(rules.entriesPerWriter)} entries.`);
  }

  if (rules.entriesPerPrompt === 1) {
    lines.push('Each prompt can be used by one entry only.');
  } else if (rules.entriesPerPrompt !== null) {
    lines.push(
      `Each prompt can be used by up to ${number.format(rules.entriesPerPrompt)} entries.`,
    );
  }

  if (rules.promptRequired) lines.push('Every entry must be written for one of the prompts.');
  if (rules.claimRequired) {
    lines.push(
      claimExpiryDays === null
        ? 'Claim a prompt before you post an entry for it.'
        : `Claim a prompt before you post an entry for it. A claim lapses after ${countLabel(
            claimExpiryDays,
            'day',
          )} if no entry follows.`,
    );
  } else if (claimExpiryDays !== null) {
    lines.push(`A claim lapses after ${countLabel(claimExpiryDays, 'day')} if no entry follows.`);
  }
  if (rules.lyricLineRequired) {
    lines.push('Your story must quote at least one line of its prompt, word for word.');
  }

  if (rules.requiredFields.length > 0) {
    lines.push(
      `Every entry’s header must include: ${listInWords(
        rules.requiredFields.map((field) => REQUIRABLE_FIELD_LABELS[field]),
      )}.`,
    );
  }
  for (const field of rules.customFields) lines.push(customFieldRule(field));
  return lines;
}

/** What the entry form asks, in the writer's terms: a tick box that is required must be ticked. */
function customFieldRule(field: ChallengeRules['customFields'][number]): string {
  if (field.kind === 'checkbox') {
    return field.required
      ? `Every entry must tick “${field.label}”.`
      : `The entry form has a tick box: “${field.label}”.`;
  }
  const choices =
    field.kind === 'choice' ? `, with the choices ${listInWords(field.options, 'or')}` : '';
  return `The entry form asks “${field.label}”${choices}${field.required ? ' (an answer is required)' : ''}.`;
}
