import { z } from 'zod';
import { IdSchema } from './id.schema';
import { multiLine } from './text.schema';

export const COMMENT_LIMITS = { bodyMax: 10_000 } as const;

const commentBody = z
  .string({ error: 'Write your comment.' })
  .max(
    COMMENT_LIMITS.bodyMax,
    `A comment has at most ${COMMENT_LIMITS.bodyMax.toLocaleString('en')} characters.`,
  )
  .refine((text) => text.trim() !== '', 'Write your comment.')
  .refine(...multiLine);

export const CreateCommentRequestSchema = z.object({
  body: commentBody,
  /** Reply to this top-level comment (replies go one level deep). */
  parentId: IdSchema.nullable().default(null),
});
export type CreateCommentRequest = z.infer<typeof CreateCommentRequestSchema>;

export const UpdateCommentRequestSchema = z.object({ body: commentBody });

export interface CommentView {
  id: number;
  parentId: number | null;
  /** The commenter's pseud; "Author" for the entry's writer in an anonymous challenge before the reveal. */
  author: string;
  isEntryAuthor: boolean;
  isMine: boolean;
  canEdit: boolean;
  canDelete: boolean;
  deleted: boolean;
  body: string;
  bodyHtml: string;
  createdAt: string;
  updatedAt: string;
  replies: CommentView[];
}

export const CommentSchema: z.ZodType<CommentView> = z.lazy(() =>
  z.object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    author: z.string(),
    isEntryAuthor: z.boolean(),
    isMine: z.boolean(),
    canEdit: z.boolean(),
    canDelete: z.boolean(),
    deleted: z.boolean(),
    body: z.string(),
    bodyHtml: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    replies: z.array(CommentSchema),
  }),
);

export const KudosSchema = z.object({
  count: z.number().int(),
  givenByMe: z.boolean(),
  /** Whether the viewer may give kudos (signed in, not the writer, not given yet). */
  canGive: z.boolean(),
});
export type Kudos = z.infer<typeof KudosSchema>;

export const NotificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  text: z.string(),
  entryId: z.number().int().nullable(),
  challengeSlug: z.string().nullable(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({
  notifications: z.array(NotificationSchema),
  unread: z.number().int(),
});

export const MarkReadRequestSchema = z.object({
  /** The notifications to mark read; all of them when absent. */
  ids: z.array(IdSchema).max(500).optional(),
});
