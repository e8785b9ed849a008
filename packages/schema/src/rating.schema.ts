import { z } from 'zod';

/** The one rating scale every rating system is normalized to (see HEADERS.md). */
export const RatingSchema = z.enum(['general', 'teen', 'mature', 'explicit', 'not_rated']);
export type Rating = z.infer<typeof RatingSchema>;
