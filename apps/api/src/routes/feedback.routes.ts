import type { RequestHandler } from 'express';
import { z } from 'zod';
import {
  CommentSchema,
  CreateCommentRequestSchema,
  KudosSchema,
  MarkReadRequestSchema,
  NotificationListSchema,
  UpdateCommentRequestSchema,
} from '@ficathon/schema';
import { problemResponse, type ApiRouter } from '../http/api-router';
import { idParam, requireAuth } from '../http/params';
import type { FeedbackService } from '../services/feedback.service';

const notFound = problemResponse('No such entry or comment (or not public).');

export function registerFeedbackRoutes(
  api: ApiRouter,
  feedback: FeedbackService,
  limiters: { kudos: RequestHandler; comments: RequestHandler },
): void {
  api.route(
    {
      method: 'get',
      path: '/entries/:entryId/kudos',
      summary: 'How many kudos an entry has, and whether you gave one',
      tag: 'feedback',
      auth: 'public',
      responses: { 200: { description: 'The kudos.', schema: KudosSchema }, 404: notFound },
    },
    async (req, res) => {
      res.json(await feedback.kudos(res.locals.auth, idParam(req, 'entryId')));
    },
  );

  api.router.post('/entries/:entryId/kudos', limiters.kudos);
  api.route(
    {
      method: 'post',
      path: '/entries/:entryId/kudos',
      summary: 'Leave kudos (one per account per entry; not on your own)',
      tag: 'feedback',
      auth: 'session',
      responses: {
        201: { description: 'The kudos, with yours.', schema: KudosSchema },
        401: problemResponse('Not signed in.'),
        403: problemResponse('Your own entry.'),
        404: notFound,
        409: problemResponse('You already left kudos.'),
        429: problemResponse('Too many kudos from this client; see Retry-After.'),
      },
    },
    async (req, res) => {
      res
        .status(201)
        .json(await feedback.giveKudos(requireAuth(res.locals.auth), idParam(req, 'entryId')));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/entries/:entryId/comments',
      summary: 'The comment thread: top-level comments oldest first, each with its replies',
      tag: 'feedback',
      auth: 'public',
      responses: {
        200: { description: 'The thread.', schema: z.object({ comments: z.array(CommentSchema) }) },
        404: notFound,
      },
    },
    async (req, res) => {
      res.json({ comments: await feedback.comments(res.locals.auth, idParam(req, 'entryId')) });
    },
  );

  api.router.post('/entries/:entryId/comments', limiters.comments);
  api.route(
    {
      method: 'post',
      path: '/entries/:entryId/comments',
      summary: 'Comment, or reply to a top-level comment',
      tag: 'feedback',
      auth: 'session',
      body: CreateCommentRequestSchema,
      responses: {
        201: { description: 'The comment.', schema: CommentSchema },
        400: problemResponse('Empty, too long, or replying to a reply.'),
        401: problemResponse('Not signed in.'),
        404: notFound,
        429: problemResponse('Too many comments from this client; see Retry-After.'),
      },
    },
    async (req, res, input) => {
      res
        .status(201)
        .json(
          await feedback.addComment(requireAuth(res.locals.auth), idParam(req, 'entryId'), input),
        );
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/comments/:commentId',
      summary: 'Edit your comment',
      tag: 'feedback',
      auth: 'session',
      body: UpdateCommentRequestSchema,
      responses: {
        200: { description: 'The comment.', schema: CommentSchema },
        400: problemResponse('Empty or too long.'),
        401: problemResponse('Not signed in.'),
        403: problemResponse('Not your comment.'),
        404: notFound,
      },
    },
    async (req, res, input) => {
      res.json(
        await feedback.editComment(
          requireAuth(res.locals.auth),
          idParam(req, 'commentId'),
          input.body,
        ),
      );
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/comments/:commentId',
      summary: 'Delete a comment (yours, or any on your entry or challenge)',
      tag: 'feedback',
      auth: 'session',
      responses: {
        204: { description: 'Deleted.' },
        401: problemResponse('Not signed in.'),
        403: problemResponse('Not yours to delete.'),
        404: notFound,
      },
    },
    async (req, res) => {
      await feedback.deleteComment(requireAuth(res.locals.auth), idParam(req, 'commentId'));
      res.status(204).end();
    },
  );

  api.route(
    {
      method: 'get',
      path: '/me/notifications',
      summary: 'Your inbox: comments and kudos on your entries, moderation decisions, results',
      tag: 'account',
      auth: 'session',
      responses: {
        200: { description: 'The newest notifications.', schema: NotificationListSchema },
        401: problemResponse('Not signed in.'),
      },
    },
    async (_req, res) => {
      res.json(await feedback.notifications(requireAuth(res.locals.auth)));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/me/notifications/unread',
      summary: 'How many of your notifications are unread (cheap: for the header on every page)',
      tag: 'account',
      auth: 'session',
      responses: {
        200: { description: 'The unread count.', schema: z.object({ unread: z.number().int() }) },
        401: problemResponse('Not signed in.'),
      },
    },
    async (_req, res) => {
      res.json({ unread: await feedback.unreadCount(requireAuth(res.locals.auth)) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/me/notifications/read',
      summary: 'Mark notifications read (the given ids, or all)',
      tag: 'account',
      auth: 'session',
      body: MarkReadRequestSchema,
      responses: { 204: { description: 'Marked.' }, 401: problemResponse('Not signed in.') },
    },
    async (_req, res, input) => {
      await feedback.markRead(requireAuth(res.locals.auth), input.ids);
      res.status(204).end();
    },
  );
}
