import { z } from 'zod';
import { multiLine, singleLine } from './text.schema';
import { PromptKindSchema } from './challenge.schema';
import { IdSchema } from './id.schema';
import { ChallengeRulesSchema } from './rules.schema';

export const CHALLENGE_LIMITS = {
  slugMax: 60,
  titleMax: 200,
  descriptionMax: 20_000,
  graceMinutesMax: 24 * 60,
  claimExpiryDaysMax: 365,
  promptsMax: 500,
  promptTitleMax: 200,
  promptBodyMax: 5_000,
  importMax: 200_000,
  moderationNoteMax: 2_000,
} as const;

export const SlugSchema = z
  .string({ error: 'Choose an address for the challenge.' })
  .trim()
  .toLowerCase()
  .min(3, 'Use at least 3 characters.')
  .max(CHALLENGE_LIMITS.slugMax, `Use at most ${CHALLENGE_LIMITS.slugMax} characters.`)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single dashes.');

/**
 * A deadline as an organizer writes it: an instant with an offset (`2026-12-01T23:59:00Z`) or a
 * local time (`2026-12-01T23:59`) read in the challenge's time zone. The API converts both to UTC.
 */
const DateTimeInputSchema = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/,
    'Use a date and time like 2026-12-01T23:59.',
  );

export const ScheduleInputSchema = z.object({
  /** IANA zone (`Europe/London`) or `AoE` for Anywhere on Earth. */
  timeZone: z.string().trim().min(1, 'Choose a time zone.').max(64),
  opensAt: DateTimeInputSchema.nullable().default(null),
  closesAt: DateTimeInputSchema.nullable().default(null),
  graceMinutes: z
    .number()
    .int('Grace minutes must be a whole number.')
    .min(0, 'Grace minutes cannot be negative.')
    .max(CHALLENGE_LIMITS.graceMinutesMax, 'Grace is at most one day (1440 minutes).')
    .default(0),
  votingOpensAt: DateTimeInputSchema.nullable().default(null),
  votingClosesAt: DateTimeInputSchema.nullable().default(null),
});
export type ScheduleInput = z.infer<typeof ScheduleInputSchema>;

const challengeFields = {
  title: z
    .string({ error: 'Give the challenge a title.' })
    .trim()
    .min(1, 'Give the challenge a title.')
    .max(CHALLENGE_LIMITS.titleMax)
    .refine(...singleLine),
  description: z
    .string()
    .max(CHALLENGE_LIMITS.descriptionMax)
    .refine(...multiLine)
    .default(''),
  anonymous: z.boolean().default(false),
  moderated: z.boolean().default(false),
  /** Off by default: in an anonymous challenge even organizers see authors only at the reveal. */
  organizersSeeAuthors: z.boolean().default(false),
  claimExpiryDays: z
    .number()
    .int()
    .min(1, 'Claims last at least one day.')
    .max(CHALLENGE_LIMITS.claimExpiryDaysMax)
    .nullable()
    .default(null),
  /** Host the challenge in a community you moderate. */
  communitySlug: z.string().trim().min(1).nullable().default(null),
  rules: ChallengeRulesSchema.default(ChallengeRulesSchema.parse({})),
  schedule: ScheduleInputSchema,
};

export const CreateChallengeRequestSchema = z.object({ slug: SlugSchema, ...challengeFields });
export type CreateChallengeRequest = z.infer<typeof CreateChallengeRequestSchema>;
export type CreateChallengeInput = z.input<typeof CreateChallengeRequestSchema>;

/** Any subset of the fields; the slug is permanent (links to the challenge must keep working). */
export const UpdateChallengeRequestSchema = z
  .object({
    title: challengeFields.title,
    description: z
      .string()
      .max(CHALLENGE_LIMITS.descriptionMax)
      .refine(...multiLine),
    anonymous: z.boolean(),
    moderated: z.boolean(),
    organizersSeeAuthors: z.boolean(),
    claimExpiryDays: challengeFields.claimExpiryDays.unwrap().unwrap().nullable(),
    rules: ChallengeRulesSchema,
    schedule: ScheduleInputSchema,
  })
  .partial();
export type UpdateChallengeRequest = z.infer<typeof UpdateChallengeRequestSchema>;

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'Use a web address starting with http:// or https://.' })
  .max(2_000);

export const PromptInputSchema = z
  .object({
    kind: PromptKindSchema,
    /** Song title, quote's title, image title, or the word/phrase itself. */
    title: z
      .string({ error: 'Give the prompt a title.' })
      .trim()
      .min(1, 'Give the prompt a title.')
      .max(CHALLENGE_LIMITS.promptTitleMax)
      .refine(...singleLine),
    /** Artist of a song; source of a quote. */
    credit: z
      .string()
      .trim()
      .max(200)
      .refine(...singleLine)
      .nullable()
      .default(null),
    /** Lyric excerpt or quote; line breaks are kept. */
    body: z
      .string()
      .max(CHALLENGE_LIMITS.promptBodyMax)
      .refine(...multiLine)
      .default(''),
    /** A link to the song, or the image's address for an image prompt. */
    link: httpUrl.nullable().default(null),
    imageAlt: z
      .string()
      .trim()
      .max(500)
      .refine(...singleLine)
      .nullable()
      .default(null),
    maxClaims: z
      .number()
      .int()
      .min(1, 'At least one writer must be able to claim it.')
      .nullable()
      .default(null),
  })
  .superRefine((prompt, ctx) => {
    if (prompt.kind === 'image') {
      if (!prompt.link)
        ctx.addIssue({ code: 'custom', path: ['link'], message: 'Give the image’s address.' });
      if (!prompt.imageAlt) {
        ctx.addIssue({
          code: 'custom',
          path: ['imageAlt'],
          message: 'Describe the image for readers who cannot see it.',
        });
      }
    }
    if ((prompt.kind === 'lyrics' || prompt.kind === 'quote') && prompt.body.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'Paste the lines of the prompt.' });
    }
  });
export type PromptInput = z.infer<typeof PromptInputSchema>;
export type PromptInputDraft = z.input<typeof PromptInputSchema>;

export const ReorderPromptsRequestSchema = z.object({
  /** Every prompt id of the challenge, in the new order. */
  promptIds: z.array(IdSchema).min(1).max(CHALLENGE_LIMITS.promptsMax),
});

export const ImportPromptsRequestSchema = z.object({
  /**
   * `text`: one prompt per block (blank line between blocks): first line the title, an optional
   * `by <artist>` / `— <source>` line, then the excerpt. `csv`: a header row with kind, title,
   * credit, body, link, image_alt (only title is required).
   */
  format: z.enum(['text', 'csv']),
  kind: PromptKindSchema.default('lyrics'),
  text: z
    .string()
    .min(1, 'Paste the prompts.')
    .max(CHALLENGE_LIMITS.importMax)
    .refine(...multiLine),
});
export type ImportPromptsRequest = z.infer<typeof ImportPromptsRequestSchema>;

/** Someone named by one of their pseuds or by email. */
export const PersonRefSchema = z.object({
  person: z
    .string({ error: 'Name a pseud or an email address.' })
    .trim()
    .min(1, 'Name a pseud or an email address.')
    .max(254)
    .refine(...singleLine),
});

export const ExtensionRequestSchema = z.object({
  /** `null` or absent: everyone (moves the deadline); otherwise one writer, by pseud or email. */
  person: z
    .string()
    .trim()
    .min(1)
    .max(254)
    .refine(...singleLine)
    .nullable()
    .default(null),
  until: DateTimeInputSchema,
});
export type ExtensionRequest = z.infer<typeof ExtensionRequestSchema>;

export const ModerationRequestSchema = z
  .object({
    action: z.enum(['approve', 'reject', 'request_changes', 'disqualify']),
    /** Shown to the writer; required for everything but approval. */
    reason: z
      .string()
      .trim()
      .max(CHALLENGE_LIMITS.moderationNoteMax)
      .refine(...multiLine)
      .default(''),
  })
  .refine((m) => m.action === 'approve' || m.reason !== '', {
    message: 'Tell the writer why.',
    path: ['reason'],
  });
export type ModerationRequest = z.infer<typeof ModerationRequestSchema>;

export const DrawRequestSchema = z.object({
  /** Published with the results of the draw so anyone can reproduce it; random when absent. */
  seed: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine(...singleLine)
    .optional(),
});

export const AuditEventSchema = z.object({
  id: z.number().int(),
  action: z.string(),
  actor: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const OrganizerSchema = z.object({
  userId: z.number().int(),
  name: z.string(),
  role: z.enum(['owner', 'co_organizer']),
});
export type Organizer = z.infer<typeof OrganizerSchema>;

export const DashboardSchema = z.object({
  entriesByStatus: z.record(z.string(), z.number().int()),
  totalWords: z.number().int(),
  claimsPerPrompt: z.array(
    z.object({
      promptId: z.number().int(),
      title: z.string(),
      claims: z.number().int(),
      entries: z.number().int(),
    }),
  ),
  /** Entries submitted after the deadline (by extension or grace). */
  lateEntries: z.array(
    z.object({ id: z.number().int(), title: z.string(), submittedAt: z.iso.datetime() }),
  ),
  /** Entries that break a rule now (e.g. after the organizers changed the rules). */
  ruleBreakingEntries: z.array(
    z.object({ id: z.number().int(), title: z.string(), rules: z.array(z.string()) }),
  ),
  /** Submissions per day in the challenge's time zone, oldest first. */
  submissionsPerDay: z.array(z.object({ date: z.string(), count: z.number().int() })),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const ModerationQueueItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  /** Null when the organizers do not see authors of this anonymous challenge. */
  author: z.string().nullable(),
  status: z.string(),
  wordCount: z.number().int(),
  submittedAt: z.iso.datetime().nullable(),
  moderationNote: z.string().nullable(),
  violations: z.array(z.object({ rule: z.string(), field: z.string(), message: z.string() })),
});
export type ModerationQueueItem = z.infer<typeof ModerationQueueItemSchema>;

/** What the reveal will make public in an anonymous challenge, as far as the viewer may see now. */
export const RevealPreviewSchema = z.object({
  anonymous: z.boolean(),
  /** Whether the challenge has revealed its authors already (results published). */
  revealed: z.boolean(),
  /** Whether organizers see authors before the reveal (the challenge's setting). */
  organizersSeeAuthors: z.boolean(),
  entries: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      /** The pseud that becomes public; null when the viewer may not see it before the reveal. */
      author: z.string().nullable(),
      status: z.string(),
    }),
  ),
});
export type RevealPreview = z.infer<typeof RevealPreviewSchema>;

/** The result of a prompt draw: the published seed, who got which prompt, who got none. */
export const DrawOutcomeSchema = z.object({
  seed: z.string(),
  assignments: z.array(
    z.object({ promptId: z.number().int(), promptTitle: z.string(), pseud: z.string() }),
  ),
  unassigned: z.array(z.string()),
});
export type DrawOutcome = z.infer<typeof DrawOutcomeSchema>;
