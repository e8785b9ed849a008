import type { Rating, StoredEntryHeader } from '@ficathon/schema';
import { humanize } from './organizer-text';

const STATUS_WORDS: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** One entry's status in a word, for its writer. */
export function entryStatusWords(status: string): string {
  return STATUS_WORDS[status] ?? humanize(status);
}

const STATUS_SENTENCES: Record<string, string> = {
  draft: 'This is a private draft: only you can see it. Submit it when it is ready.',
  submitted: 'Readers can see it. You can still edit it while the challenge takes entries.',
  approved: 'The organizers approved it, and readers can see it.',
  rejected: 'The organizers rejected this entry; it can no longer be changed.',
  withdrawn: 'You withdrew this entry: readers no longer see it.',
};

/**
 * What the status means for the writer, in a sentence. In a moderated challenge readers see an
 * entry only once the organizers approve it.
 */
export function entryStatusSentence(status: string, moderated = false): string {
  if (status === 'submitted' && moderated) {
    return 'The organizers review it before readers see it. You can still edit it while the challenge takes entries.';
  }
  return STATUS_SENTENCES[status] ?? `Status: ${entryStatusWords(status)}.`;
}

/**
 * Ratings behind the adult-content gate. Unrated work counts as explicit: the writer did not
 * say, so readers are asked.
 */
export function needsAdultGate(rating: Rating): boolean {
  return rating === 'mature' || rating === 'explicit' || rating === 'not_rated';
}

/** Session cookie remembering that a reader chose to see adult-rated work. */
export const ADULT_COOKIE = 'adult_ok';

/** The warnings of an entry in words: "No warnings apply", a list, or that none were given. */
export function warningsText(header: Pick<StoredEntryHeader, 'warnings' | 'warningsNone'>): string {
  const warnings = header.warnings ?? [];
  if (warnings.length > 0) {
    return header.warningsNone
      ? `${warnings.join(', ')} (and “no warnings apply”)`
      : warnings.join(', ');
  }
  return header.warningsNone ? 'No warnings apply' : 'None given by the writer';
}
