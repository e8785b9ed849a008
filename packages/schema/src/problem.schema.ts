import { z } from 'zod';

/** One field that failed validation: `path` is the dotted path into the request body. */
export const FieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  /** For a broken challenge rule (422): the rule's stable id. */
  rule: z.string().optional(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/**
 * Every API error is an RFC 9457 problem document. `code` is a stable SCREAMING_SNAKE identifier
 * clients can branch on; `errors` lists each invalid field for validation failures.
 */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(FieldErrorSchema).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
