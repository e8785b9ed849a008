import type { AuditEvent, RuleId } from '@ficathon/schema';
import { formatInZone } from './format';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** "changes_requested" -> "Changes requested": for codes we have no words for yet. */
export function humanize(code: string): string {
  const words = code.replace(/[._-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : code;
}

const ENTRY_STATUS_LABELS: Record<string, string> = {
  draft: 'Drafts',
  submitted: 'Submitted',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  rejected: 'Rejected',
  disqualified: 'Disqualified',
  withdrawn: 'Withdrawn',
};

export function entryStatusLabel(status: string): string {
  return ENTRY_STATUS_LABELS[status] ?? humanize(status);
}

const RULE_LABELS: Record<RuleId, string> = {
  min_words: 'Too short',
  max_words: 'Too long',
  allowed_rating: 'Rating not allowed',
  required_field: 'Header field missing',
  entries_per_writer: 'Too many entries by one writer',
  entries_per_prompt: 'Prompt used by too many entries',
  prompt_required: 'No prompt chosen',
  claim_required: 'Prompt not claimed',
  lyric_line: 'No line of the prompt quoted',
  custom_field_required: 'Required question not answered',
  custom_field_invalid: 'Answer not allowed',
};

export function ruleLabel(rule: string): string {
  return (RULE_LABELS as Record<string, string>)[rule] ?? humanize(rule);
}

const AUDIT_ACTIONS: Record<string, string> = {
  'challenge.created': 'Created the challenge',
  'challenge.updated': 'Changed the settings',
  'challenge.announced': 'Announced the challenge',
  'prompt.added': 'Added a prompt',
  'prompt.updated': 'Edited a prompt',
  'prompt.removed': 'Deleted a prompt',
  'prompt.reordered': 'Reordered the prompts',
  'prompt.imported': 'Imported prompts',
  'draw.run': 'Ran the prompt draw',
  'organizer.added': 'Added a co-organizer',
  'organizer.removed': 'Removed a co-organizer',
  'deadline.extended': 'Moved the deadline for everyone',
  'extension.granted': 'Gave a writer an extension',
  'entry.approved': 'Approved an entry',
  'entry.rejected': 'Rejected an entry',
  'entry.changes_requested': 'Asked for changes to an entry',
  'entry.disqualified': 'Disqualified an entry',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? humanize(action);
}

/**
 * The event's details as short "name: value" pairs. Only plain values are shown; nested objects
 * (whole settings) would be noise in a log line.
 */
export function auditDetails(event: AuditEvent, timeZone: string): string[] {
  return Object.entries(event.detail).flatMap(([key, value]) => {
    if (typeof value === 'string' && ISO_INSTANT.test(value)) {
      return [`${humanize(key)}: ${formatInZone(value, timeZone)}`];
    }
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) {
      return value.every((v) => typeof v !== 'object')
        ? [`${humanize(key)}: ${value.join(', ')}`]
        : [];
    }
    if (typeof value === 'object') return [];
    const text = String(value);
    return [`${humanize(key)}: ${text.length > 120 ? `${text.slice(0, 119)}…` : text}`];
  });
}
