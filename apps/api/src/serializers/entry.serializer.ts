import { renderSafeHtml } from '@ficathon/core';
import type { ChallengeRow, EntryListRow, PromptRow } from '@ficathon/db';
import { type ChallengePhase, type EntryDetail, type RuleViolation } from '@ficathon/schema';
import { authorVisibleTo, type Viewer } from './challenge.serializer';
import { headerOf, headerWithoutAuthor } from './stored-header';

/**
 * The one place an entry is shaped for a viewer. Anonymity: the author's pseud (and anything in
 * the header that names them) is left out unless authorVisibleTo allows it. The raw body,
 * moderation notes and rule problems are for the writer and the organizers only.
 */
export function serializeEntryDetail(parts: {
  entry: EntryListRow;
  challenge: ChallengeRow;
  phase: ChallengePhase;
  viewer: Viewer;
  prompt: PromptRow | undefined;
  violations: RuleViolation[];
  canEdit: boolean;
}): EntryDetail {
  const { entry, challenge, phase, viewer } = parts;
  const isMine = viewer.userId === entry.user_id;
  const privileged = isMine || viewer.role != null;
  const showAuthor = authorVisibleTo(challenge, phase, viewer, entry.user_id);
  const header = headerOf(entry);
  // A pasted header may name its author (`By:` lines); hide those with the pseud.
  const visibleHeader = showAuthor ? header : headerWithoutAuthor(header);
  return {
    id: entry.id,
    challenge: {
      slug: challenge.slug,
      title: challenge.title,
      anonymous: challenge.anonymous === 1,
    },
    prompt: parts.prompt
      ? {
          id: parts.prompt.id,
          title: parts.prompt.title,
          credit: parts.prompt.credit,
          body: parts.prompt.body,
          kind: parts.prompt.kind,
        }
      : null,
    status: entry.status,
    author: showAuthor ? entry.pseud_name : null,
    pseudId: isMine ? entry.pseud_id : null,
    title: entry.title,
    rating: { raw: entry.rating_raw, normalized: entry.rating },
    header: visibleHeader,
    bodyHtml: renderSafeHtml(entry.body, entry.body_format),
    body: privileged ? entry.body : null,
    bodyFormat: entry.body_format,
    wordCount: entry.word_count,
    submittedAt: entry.submitted_at,
    updatedAt: entry.updated_at,
    moderationNote: privileged ? entry.moderation_note : null,
    violations: privileged ? parts.violations : null,
    isMine,
    canEdit: parts.canEdit,
  };
}
