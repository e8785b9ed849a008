import { canSeeAuthor, renderMarkdown } from '@ficathon/core';
import type { ChallengePhase, ChallengeSummary, EntrySummary, Prompt } from '@ficathon/schema';
import type { ChallengeListRow, ChallengeRow, EntryListRow, PromptRow } from '@ficathon/db';

/** Who is asking: serializers leave out what this viewer may not see. */
export interface Viewer {
  userId: number | null;
}

export function scheduleOf(challenge: ChallengeRow): ChallengeSummary['schedule'] {
  return {
    timeZone: challenge.time_zone,
    announcedAt: challenge.announced_at,
    opensAt: challenge.opens_at,
    closesAt: challenge.closes_at,
    votingOpensAt: challenge.voting_opens_at,
    votingClosesAt: challenge.voting_closes_at,
    resultsPublishedAt: challenge.results_published_at,
    archivedAt: challenge.archived_at,
  };
}

export function serializeChallengeSummary(
  challenge: ChallengeListRow,
  phase: ChallengePhase,
  entryCount: number,
): ChallengeSummary {
  return {
    slug: challenge.slug,
    title: challenge.title,
    descriptionHtml: renderMarkdown(challenge.description),
    phase,
    schedule: scheduleOf(challenge),
    organizer: { name: challenge.organizer_name },
    anonymous: challenge.anonymous === 1,
    promptCount: challenge.prompt_count,
    entryCount,
  };
}

export function serializePrompt(prompt: PromptRow): Prompt {
  return {
    id: prompt.id,
    position: prompt.position,
    kind: prompt.kind,
    title: prompt.title,
    credit: prompt.credit,
    body: prompt.body,
    link: prompt.link,
  };
}

export function serializeEntrySummary(
  entry: EntryListRow,
  context: { anonymous: boolean; phase: ChallengePhase; viewer: Viewer },
): EntrySummary {
  const visible = canSeeAuthor({
    anonymous: context.anonymous,
    phase: context.phase,
    viewerIsAuthor: context.viewer.userId === entry.user_id,
  });
  return {
    id: entry.id,
    title: entry.title,
    author: visible ? entry.pseud_name : null,
    rating: { raw: entry.rating_raw, normalized: entry.rating },
    wordCount: entry.word_count,
    summary: entry.summary,
    promptId: entry.prompt_id,
    submittedAt: entry.submitted_at,
  };
}
