import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  COMMENT_LIMITS,
  CreateCommentRequestSchema,
  UpdateCommentRequestSchema,
  type ChallengeDetail,
  type CommentView,
  type Kudos,
} from '@ficathon/schema';
import { needsAdultGate, warningsText } from '$lib/entry-text';
import { ratingLabel } from '$lib/format';
import { formString, issuesToFieldErrors } from '$lib/forms';
import { markSceneBreaks, neighbours } from '$lib/reading';
import { adultContentConfirmed, rememberAdultChoice } from '$lib/server/adult-gate';
import { ApiError, api, entryPath, type ApiClient } from '$lib/server/api';
import { entryIdParam } from '$lib/server/entry-actions';
import { throwAsPageError } from '$lib/server/errors';
import { actionFailure, signInFirst, signInIfSessionEnded } from '$lib/server/form-actions';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
  draft: 'Saved your draft. Only you can see it.',
  submitted: 'Your entry is submitted.',
  updated: 'Saved your changes. Readers now see this version.',
  withdrawn: 'Your entry is withdrawn. Readers no longer see it.',
};

const COMMENT_NOTICES: Record<string, string> = {
  posted: 'Your comment is posted.',
  replied: 'Your reply is posted.',
  edited: 'Saved your changes to the comment.',
  deleted: 'The comment is deleted.',
};

/** How far back the previous/next links look: the newest entries of the challenge. */
const NEIGHBOUR_WINDOW = 100;

/** A comment id from the URL (`?replyTo=12`), or null. */
function commentIdParam(raw: string | null): number | null {
  return raw && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
}

/**
 * Feedback is for entries readers can see: a draft (seen by its writer) has none, and the API
 * says so with a 404.
 */
async function publicOnly<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** The entries before and after this one in the challenge's list (newest first). */
async function entryNeighbours(client: ApiClient, slug: string, id: number) {
  try {
    const page = await client.listEntries(
      slug,
      new URLSearchParams({ sort: 'newest', limit: String(NEIGHBOUR_WINDOW) }),
    );
    return neighbours(page.entries, id);
  } catch {
    // A nicety: the story is still worth showing without them.
    return { previous: null, next: null };
  }
}

export const load: PageServerLoad = async (event) => {
  const id = entryIdParam(event.params.id);
  const client = api(event);
  let entry;
  try {
    entry = await client.getEntry(id);
  } catch (e) {
    throwAsPageError(e);
  }

  // The writer and the organizers (the only viewers who get rule problems) pass the gate.
  const privileged = entry.isMine || entry.violations !== null;
  const adult = !privileged && needsAdultGate(entry.rating.normalized);
  if (adult && !(await adultContentConfirmed(event, client))) {
    // Only what the notice names: not the story.
    return {
      gate: {
        id: entry.id,
        title: entry.title,
        rating: ratingLabel(entry.rating),
        warnings: warningsText(entry.header),
        challenge: { slug: entry.challenge.slug, title: entry.challenge.title },
      },
      entry: null,
      signedIn: event.locals.user !== null,
    };
  }

  const slug = entry.challenge.slug;
  let challenge: ChallengeDetail | null;
  let kudos: Kudos | null;
  let comments: CommentView[] | null;
  let around;
  try {
    [challenge, kudos, comments, around] = await Promise.all([
      // Labels of the organizers' questions and the challenge's zone are niceties.
      client.getChallenge(slug).catch(() => null),
      publicOnly(client.kudos(id)),
      publicOnly(client.comments(id)),
      entryNeighbours(client, slug, id),
    ]);
  } catch (e) {
    throwAsPageError(e);
  }

  const params = event.url.searchParams;
  const saved = params.get('saved');
  const commentNotice = params.get('comment');
  const query = adult ? '?confirmAdult=true' : '';
  const signedIn = event.locals.user !== null;
  return {
    gate: null,
    entry: { ...entry, bodyHtml: markSceneBreaks(entry.bodyHtml) },
    privileged,
    timeZone: challenge?.schedule.timeZone ?? 'UTC',
    moderated: challenge?.moderated ?? false,
    customFields: challenge?.rules.customFields ?? [],
    notice: params.has('withdrawn')
      ? NOTICES.withdrawn
      : saved
        ? (NOTICES[saved] ?? null)
        : commentNotice
          ? (COMMENT_NOTICES[commentNotice] ?? null)
          : null,
    downloads: (['txt', 'html', 'epub'] as const).map((format) => ({
      format,
      href: `${entryPath(entry.id, `/download.${format}`)}${query}`,
    })),
    previous: around.previous,
    next: around.next,
    signedIn,
    kudos,
    comments,
    // Which comment's reply, edit or delete form is open: plain links, so they work without
    // JavaScript.
    replyTo: commentIdParam(params.get('replyTo')),
    editing: commentIdParam(params.get('editComment')),
    deleting: commentIdParam(params.get('deleteComment')),
    // As data, not an import in the page, so zod stays out of the browser bundle.
    commentMax: COMMENT_LIMITS.bodyMax,
  };
};

const COMMENT_FIELDS = ['body'] as const;

/** After a change to the thread: back to the entry, at the comment, with a notice. */
function backToComment(id: number, notice: string, commentId: number | null): never {
  const anchor = commentId === null ? '#comments' : `#comment-${commentId}`;
  redirect(303, `/entries/${id}?comment=${notice}${anchor}`);
}

async function postComment(event: RequestEvent, asReply: boolean) {
  if (!event.locals.user) signInFirst(event);
  const id = entryIdParam(event.params.id ?? '');
  const action = asReply ? 'reply' : 'comment';
  const data = await event.request.formData();
  const parentRaw = formString(data, 'parentId');
  const parentId = asReply ? commentIdParam(parentRaw) : null;
  const values = { body: formString(data, 'body') };
  const extra = { parentId };
  if (asReply && parentId === null) {
    return fail(400, {
      action,
      values,
      errors: { form: 'Choose the comment to reply to.' },
      ...extra,
    });
  }
  const parsed = CreateCommentRequestSchema.safeParse({ body: values.body, parentId });
  if (!parsed.success) {
    return fail(400, {
      action,
      values,
      errors: issuesToFieldErrors(parsed.error.issues, COMMENT_FIELDS),
      ...extra,
    });
  }
  let comment;
  try {
    comment = await api(event).addComment(id, parsed.data);
  } catch (e) {
    signInIfSessionEnded(event, e);
    return actionFailure(action, e, COMMENT_FIELDS, values, extra);
  }
  backToComment(id, asReply ? 'replied' : 'posted', comment.id);
}

export const actions: Actions = {
  /** The reader chose to see adult-rated work: remembered until the browser closes. */
  proceed: async (event) => {
    const id = entryIdParam(event.params.id);
    rememberAdultChoice(event);
    redirect(303, `/entries/${id}`);
  },

  kudos: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const id = entryIdParam(event.params.id);
    try {
      const kudos = await api(event).giveKudos(id);
      return { action: 'kudos' as const, kudos };
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('kudos', e, [], {});
    }
  },

  comment: (event) => postComment(event, false),
  reply: (event) => postComment(event, true),

  editComment: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const id = entryIdParam(event.params.id);
    const data = await event.request.formData();
    const commentId = commentIdParam(formString(data, 'commentId'));
    const values = { body: formString(data, 'body') };
    const extra = { commentId };
    if (commentId === null) {
      return fail(400, {
        action: 'editComment' as const,
        values,
        errors: { form: 'Choose the comment to edit.' },
        ...extra,
      });
    }
    const parsed = UpdateCommentRequestSchema.safeParse(values);
    if (!parsed.success) {
      return fail(400, {
        action: 'editComment' as const,
        values,
        errors: issuesToFieldErrors(parsed.error.issues, COMMENT_FIELDS),
        ...extra,
      });
    }
    try {
      await api(event).editComment(commentId, parsed.data.body);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('editComment', e, COMMENT_FIELDS, values, extra);
    }
    backToComment(id, 'edited', commentId);
  },

  deleteComment: async (event) => {
    if (!event.locals.user) signInFirst(event);
    const id = entryIdParam(event.params.id);
    const data = await event.request.formData();
    const commentId = commentIdParam(formString(data, 'commentId'));
    if (commentId === null) {
      return fail(400, {
        action: 'deleteComment' as const,
        values: {},
        errors: { form: 'Choose the comment to delete.' },
        commentId,
      });
    }
    try {
      await api(event).deleteComment(commentId);
    } catch (e) {
      signInIfSessionEnded(event, e);
      return actionFailure('deleteComment', e, [], {}, { commentId });
    }
    backToComment(id, 'deleted', null);
  },
};
