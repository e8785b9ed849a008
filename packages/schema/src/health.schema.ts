import { z } from 'zod';

export const DatabaseKindSchema = z.enum(['sqlite', 'postgres']);
export type DatabaseKind = z.infer<typeof DatabaseKindSchema>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  db: DatabaseKindSchema,
});
export type Health = z.infer<typeof HealthSchema>;
