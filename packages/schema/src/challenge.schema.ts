import { z } from 'zod';
import { RatingSchema } from './rating.schema';
import { EntryFacetsSchema } from './browse.schema';
import { ChallengeRulesSchema } from './rules.schema';

// Re-exported for modules that import the scale from here.
export { RatingSchema, type Rating } from './rating.schema';

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
  /** A song link, or the image of an image prompt. */
  link: z.string().nullable(),
  imageAlt: z.string().nullable(),
  /** How many writers may claim it at once; null = no limit. */
  maxClaims: z.number().int().nullable(),
  /** Live claims on it now. */
  claimCount: z.number().int(),
  /** Whether the signed-in viewer holds a claim on it. */
  claimedByMe: z.boolean(),
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
  /** Minutes after closesAt during which submissions are still accepted. */
  graceMinutes: z.number().int(),
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

/** What readers browse challenges by: what they can do with them now. */
export const ChallengeShelfSchema = z.enum([
  'upcoming',
  'open',
  'closed',
  'voting',
  'results',
  'archive',
]);
export type ChallengeShelf = z.infer<typeof ChallengeShelfSchema>;

export const ChallengeListQuerySchema = z
  .object({ shelf: ChallengeShelfSchema.optional() })
  .strict();

export const ChallengeListResponseSchema = z.object({
  challenges: z.array(ChallengeSummarySchema),
  /** How many listed challenges each shelf holds (before the `shelf` filter). */
  shelves: z.record(ChallengeShelfSchema, z.number().int()),
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
  /** Shown on every card, so readers see what they are choosing. */
  warnings: z.array(z.string()),
  warningsNone: z.boolean(),
  fandoms: z.array(z.string()),
  pairings: z.array(z.string()),
  characters: z.array(z.string()),
  kudos: z.number().int(),
  /** For a search: an excerpt with the matches in <mark> (escaped text otherwise). */
  snippetHtml: z.string().nullable(),
});
export type EntrySummary = z.infer<typeof EntrySummarySchema>;

/** The viewer's part in a challenge, which decides what they may do with it. */
export const ChallengeRoleSchema = z.enum(['owner', 'co_organizer', 'admin']);
export type ChallengeRole = z.infer<typeof ChallengeRoleSchema>;

export const ChallengeDetailSchema = ChallengeSummarySchema.extend({
  descriptionMarkdown: z.string(),
  moderated: z.boolean(),
  organizersSeeAuthors: z.boolean(),
  claimExpiryDays: z.number().int().nullable(),
  community: z.object({ slug: z.string(), name: z.string() }).nullable(),
  rules: ChallengeRulesSchema,
  /** The seed of the prompt draw, published once the draw has run. */
  drawSeed: z.string().nullable(),
  /** Writers signed up for the prompt draw, and whether the viewer is one of them. */
  draw: z.object({ signedUp: z.number().int(), viewerSignedUp: z.boolean() }),
  /** null for readers; otherwise what the viewer organizes it as. */
  viewerRole: ChallengeRoleSchema.nullable(),
  /** Whether the viewer is one of the challenge's judges. */
  viewerIsJudge: z.boolean(),
  /** The end of the viewer's personal deadline extension, if they have one. */
  viewerExtensionUntil: z.iso.datetime().nullable(),
  prompts: z.array(PromptSchema),
  entries: z.array(EntrySummarySchema),
});
export type ChallengeDetail = z.infer<typeof ChallengeDetailSchema>;

/** One page of a challenge's entry list. */
export const EntryPageSchema = z.object({
  entries: z.array(EntrySummarySchema),
  /** Entries matching the filters (all pages). */
  total: z.number().int(),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  facets: EntryFacetsSchema,
});
export type EntryPage = z.infer<typeof EntryPageSchema>;
