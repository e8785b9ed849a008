import { z } from 'zod';
import { singleLine } from './text.schema';
import { CurrentUserSchema } from './auth.schema';

export const PSEUD_LIMITS = { nameMax: 60, perUser: 20 } as const;

/** A name a user writes under. Every user has a default pseud: their display name. */
export const PseudSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  isDefault: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Pseud = z.infer<typeof PseudSchema>;

export const CreatePseudRequestSchema = z.object({
  name: z
    .string({ error: 'Enter a pseud.' })
    .trim()
    .min(1, 'Enter a pseud.')
    .max(PSEUD_LIMITS.nameMax, `A pseud has at most ${PSEUD_LIMITS.nameMax} characters.`)
    .refine(...singleLine),
});
export type CreatePseudRequest = z.infer<typeof CreatePseudRequestSchema>;

export const MeResponseSchema = z.object({
  user: CurrentUserSchema,
  pseuds: z.array(PseudSchema),
  /** When the current session ends; it moves forward while the session is in use. */
  sessionExpiresAt: z.iso.datetime(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
