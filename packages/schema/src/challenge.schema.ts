import { z } from 'zod';

/** The one rating scale every rating system is normalized to (see HEADERS.md). */
export const RatingSchema = z.enum(['general', 'teen', 'mature', 'explicit', 'not_rated']);
export type Rating = z.infer<typeof RatingSchema>;

/** A challenge's lifecycle; derived from its schedule, the clock and the organizer's acts. */
export const ChallengePhaseSchema = z.enum([
  'draft',
  'announced',
  'open',
  'closed',
  'voting',
  'results',
  'archived',
]);
export type ChallengePhase = z.infer<typeof ChallengePhaseSchema>;

export const PromptKindSchema = z.enum(['lyrics', 'quote', 'text', 'image']);
export type PromptKind = z.infer<typeof PromptKindSchema>;

export const PromptSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  kind: PromptKindSchema,
  title: z.string(),
  /** Song artist, or the source of a quote. */
  credit: z.string().nullable(),
  /** Lyric excerpt or quote text, line breaks kept. */
  body: z.string(),
  link: z.string().nullable(),
});
export type Prompt = z.infer<typeof PromptSchema>;

export const ChallengeScheduleSchema = z.object({
  /** IANA time zone the organizer set the deadlines in, e.g. `Europe/London`. */
  timeZone: z.string(),
  announcedAt: z.iso.datetime().nullable(),
  opensAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  votingOpensAt: z.iso.datetime().nullable(),
  votingClosesAt: z.iso.datetime().nullable(),
  resultsPublishedAt: z.iso.datetime().nullable(),
  archivedAt: z.iso.datetime().nullable(),
});
export type ChallengeSchedule = z.infer<typeof ChallengeScheduleSchema>;

export const ChallengeSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  /** Organizer's Markdown description, rendered and sanitized by the API. */
  descriptionHtml: z.string(),
  phase: ChallengePhaseSchema,
  schedule: ChallengeScheduleSchema,
  organizer: z.object({ name: z.string() }),
  anonymous: z.boolean(),
  promptCount: z.number().int(),
  entryCount: z.number().int(),
});
export type ChallengeSummary = z.infer<typeof ChallengeSummarySchema>;

export const ChallengeListResponseSchema = z.object({
  challenges: z.array(ChallengeSummarySchema),
});
export type ChallengeListResponse = z.infer<typeof ChallengeListResponseSchema>;

export const EntrySummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  /** The pseud shown as author; null while an anonymous challenge has not revealed its authors. */
  author: z.string().nullable(),
  rating: z.object({ raw: z.string().nullable(), normalized: RatingSchema }),
  wordCount: z.number().int(),
  summary: z.string().nullable(),
  promptId: z.number().int().nullable(),
  submittedAt: z.iso.datetime().nullable(),
});
export type EntrySummary = z.infer<typeof EntrySummarySchema>;

export const ChallengeDetailSchema = ChallengeSummarySchema.extend({
  prompts: z.array(PromptSchema),
  entries: z.array(EntrySummarySchema),
});
export type ChallengeDetail = z.infer<typeof ChallengeDetailSchema>;
