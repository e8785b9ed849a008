import { z } from 'zod';
import { ChallengeSummarySchema } from './challenge.schema';
import { SlugSchema } from './organizer.schema';
import { multiLine, singleLine } from './text.schema';

export const CreateCommunityRequestSchema = z.object({
  slug: SlugSchema,
  name: z
    .string({ error: 'Give the community a name.' })
    .trim()
    .min(1, 'Give the community a name.')
    .max(120)
    .refine(...singleLine),
  description: z
    .string()
    .max(20_000)
    .refine(...multiLine)
    .default(''),
});
export type CreateCommunityRequest = z.infer<typeof CreateCommunityRequestSchema>;

export const CommunitySummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  descriptionHtml: z.string(),
  challengeCount: z.number().int(),
});
export type CommunitySummary = z.infer<typeof CommunitySummarySchema>;

/** A community with its moderators and the challenges it has hosted, newest first. */
export const CommunityDetailSchema = CommunitySummarySchema.extend({
  descriptionMarkdown: z.string(),
  moderators: z.array(
    z.object({ userId: z.number().int(), name: z.string(), role: z.enum(['owner', 'moderator']) }),
  ),
  viewerIsModerator: z.boolean(),
  challenges: z.array(ChallengeSummarySchema),
});
export type CommunityDetail = z.infer<typeof CommunityDetailSchema>;
