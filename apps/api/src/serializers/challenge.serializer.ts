import { canSeeAuthor, renderMarkdown } from '@ficathon/core';
import {
  ChallengeRulesSchema,
  type ChallengeDetail,
  type ChallengePhase,
  type ChallengeRole,
  type ChallengeRules,
  type ChallengeSummary,
  type EntrySummary,
  type Prompt,
} from '@ficathon/schema';
import type {
  ChallengeListRow,
  ChallengeRow,
  CommunityRow,
  EntryListRow,
  PromptListRow,
} from '@ficathon/db';
import { headerOf, snippetHtml } from './stored-header';

/** Who is asking: serializers leave out what this viewer may not see. */
export interface Viewer {
  userId: number | null;
  /** The viewer's role in the challenge being serialized, if any. */
  role?: ChallengeRole | null;
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
    graceMinutes: challenge.grace_minutes,
  };
}

/** The challenge's rules; stored JSON is re-read through the schema so defaults always apply. */
export function rulesOf(challenge: ChallengeRow): ChallengeRules {
  return ChallengeRulesSchema.parse(JSON.parse(challenge.rules_json));
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

export function serializePrompt(prompt: PromptListRow): Prompt {
  return {
    id: prompt.id,
    position: prompt.position,
    kind: prompt.kind,
    title: prompt.title,
    credit: prompt.credit,
    body: prompt.body,
    link: prompt.link,
    imageAlt: prompt.image_alt,
    maxClaims: prompt.max_claims,
    claimCount: prompt.claim_count,
    claimedByMe: prompt.claimed_by_viewer,
  };
}

/**
 * Whether the viewer may see who wrote an entry: the core anonymity policy, plus the challenge's
 * choice of whether its organizers see authors before the reveal.
 */
export function authorVisibleTo(
  challenge: ChallengeRow,
  phase: ChallengePhase,
  viewer: Viewer,
  authorId: number,
): boolean {
  const organizerMaySee = viewer.role != null && challenge.organizers_see_authors === 1;
  return (
    organizerMaySee ||
    canSeeAuthor({
      anonymous: challenge.anonymous === 1,
      phase,
      viewerIsAuthor: viewer.userId === authorId,
    })
  );
}

export function serializeEntrySummary(
  entry: EntryListRow,
  context: { challenge: ChallengeRow; phase: ChallengePhase; viewer: Viewer },
  snippet?: string,
): EntrySummary {
  const visible = authorVisibleTo(context.challenge, context.phase, context.viewer, entry.user_id);
  const header = headerOf(entry);
  return {
    id: entry.id,
    title: entry.title,
    author: visible ? entry.pseud_name : null,
    rating: { raw: entry.rating_raw, normalized: entry.rating },
    wordCount: entry.word_count,
    summary: entry.summary,
    promptId: entry.prompt_id,
    submittedAt: entry.submitted_at,
    warnings: header.warnings ?? [],
    warningsNone: header.warningsNone === true,
    fandoms: header.fandoms ?? [],
    pairings: header.pairings ?? [],
    characters: header.characters ?? [],
    kudos: entry.kudos_count,
    snippetHtml: snippet === undefined ? null : snippetHtml(snippet),
  };
}

export function serializeChallengeDetail(parts: {
  challenge: ChallengeListRow;
  phase: ChallengePhase;
  viewer: Viewer;
  community: CommunityRow | undefined;
  prompts: PromptListRow[];
  entries: EntryListRow[];
  viewerExtensionUntil: string | null;
  draw: ChallengeDetail['draw'];
  viewerIsJudge: boolean;
}): ChallengeDetail {
  const { challenge, phase, viewer } = parts;
  return {
    ...serializeChallengeSummary(challenge, phase, parts.entries.length),
    descriptionMarkdown: challenge.description,
    moderated: challenge.moderated === 1,
    organizersSeeAuthors: challenge.organizers_see_authors === 1,
    claimExpiryDays: challenge.claim_expiry_days,
    community: parts.community ? { slug: parts.community.slug, name: parts.community.name } : null,
    rules: rulesOf(challenge),
    drawSeed: challenge.draw_seed,
    draw: parts.draw,
    viewerRole: viewer.role ?? null,
    viewerIsJudge: parts.viewerIsJudge,
    viewerExtensionUntil: parts.viewerExtensionUntil,
    prompts: parts.prompts.map(serializePrompt),
    entries: parts.entries.map((entry) =>
      serializeEntrySummary(entry, { challenge, phase, viewer }),
    ),
  };
}
