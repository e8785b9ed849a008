import { canSeeAuthor, canViewEntry, isChallengeListed, renderPlainText } from '@ficathon/core';
import type { CommentListRow, EntryListRow, Repositories, Store } from '@ficathon/db';
import type { CommentView, CreateCommentRequest, Kudos, Notification } from '@ficathon/schema';
import { AppError } from '../http/app-error';
import type { Authenticated } from './auth.service';
import type { ChallengeAccess, ChallengeInContext } from './challenge-access';

/** Readers' responses to entries: kudos and comments; and everyone's notification inbox. */
export class FeedbackService {
  constructor(
    private readonly store: Store,
    private readonly access: ChallengeAccess,
    private readonly clock: () => Date,
  ) {}

  async kudos(auth: Authenticated | null, entryId: number): Promise<Kudos> {
    const { entry } = await this.loadPublic(this.store.repos, auth, entryId);
    const givenByMe =
      auth !== null && (await this.store.repos.feedback.hasKudos(entry.id, auth.user.id));
    return {
      count: entry.kudos_count,
      givenByMe,
      canGive: auth !== null && !givenByMe && auth.user.id !== entry.user_id,
    };
  }

  /** One kudos per account per entry; writers cannot kudo their own work. */
  async giveKudos(auth: Authenticated, entryId: number): Promise<Kudos> {
    return this.store.transaction(async (repos) => {
      const { entry } = await this.loadPublic(repos, auth, entryId);
      if (entry.user_id === auth.user.id)
        throw AppError.forbidden('OWN_ENTRY', 'You cannot leave kudos on your own entry.');
      if (await repos.feedback.hasKudos(entry.id, auth.user.id)) {
        throw AppError.conflict('KUDOS_GIVEN', 'You have already left kudos on this entry.');
      }
      const count = await repos.feedback.addKudos(entry.id, auth.user.id, this.now());
      await repos.feedback.notify({
        user_id: entry.user_id,
        kind: 'kudos',
        entry_id: entry.id,
        challenge_id: entry.challenge_id,
        text: `${await this.nameOf(repos, auth.user.id)} left kudos on “${entry.title}”.`,
        created_at: this.now(),
      });
      return { count, givenByMe: true, canGive: false };
    });
  }

  async comments(auth: Authenticated | null, entryId: number): Promise<CommentView[]> {
    const repos = this.store.repos;
    const { entry, context } = await this.loadPublic(repos, auth, entryId);
    return this.thread(await repos.feedback.listComments(entry.id), entry, context, auth);
  }

  async addComment(
    auth: Authenticated,
    entryId: number,
    input: CreateCommentRequest,
  ): Promise<CommentView> {
    return this.store.transaction(async (repos) => {
      const { entry, context } = await this.loadPublic(repos, auth, entryId);
      const parent =
        input.parentId === null ? null : await repos.feedback.findComment(input.parentId);
      if (
        input.parentId !== null &&
        (!parent || parent.entry_id !== entry.id || parent.deleted_at !== null)
      ) {
        throw fieldError('parentId', 'Reply to a comment on this entry.');
      }
      if (parent && parent.parent_id !== null) {
        throw fieldError(
          'parentId',
          'Replies go one level deep: reply to the first comment of the thread.',
        );
      }
      const pseud = await repos.pseuds.findDefault(auth.user.id);
      if (!pseud) throw new Error(`user ${auth.user.id} has no default pseud`);
      const comment = await repos.feedback.insertComment({
        entry_id: entry.id,
        parent_id: parent?.id ?? null,
        user_id: auth.user.id,
        pseud_id: pseud.id,
        body: input.body,
        created_at: this.now(),
      });
      // The writer hears of comments on their entry; a commenter hears of replies to theirs.
      const commenter = this.displayName(pseud.name, auth.user.id, entry, context);
      const recipients = new Map<number, string>();
      if (entry.user_id !== auth.user.id)
        recipients.set(entry.user_id, `${commenter} commented on “${entry.title}”.`);
      if (parent && parent.user_id !== auth.user.id)
        recipients.set(parent.user_id, `${commenter} replied to your comment on “${entry.title}”.`);
      for (const [userId, text] of recipients) {
        await repos.feedback.notify({
          user_id: userId,
          kind: 'comment',
          entry_id: entry.id,
          challenge_id: entry.challenge_id,
          text,
          created_at: this.now(),
        });
      }
      const rows = await repos.feedback.listComments(entry.id);
      const view = flatten(this.thread(rows, entry, context, auth)).find(
        (c) => c.id === comment.id,
      );
      if (!view) throw new Error('the new comment is missing from its thread');
      return view;
    });
  }

  async editComment(auth: Authenticated, commentId: number, body: string): Promise<CommentView> {
    return this.store.transaction(async (repos) => {
      const comment = await repos.feedback.findComment(commentId);
      if (!comment || comment.deleted_at !== null)
        throw AppError.notFound('There is no such comment.');
      const { entry, context } = await this.loadPublic(repos, auth, comment.entry_id);
      if (comment.user_id !== auth.user.id)
        throw AppError.forbidden('NOT_YOUR_COMMENT', 'Only its writer can edit a comment.');
      await repos.feedback.updateComment(comment.id, body, this.now());
      const rows = await repos.feedback.listComments(entry.id);
      return flatten(this.thread(rows, entry, context, auth)).find((c) => c.id === comment.id)!;
    });
  }

  /** Its commenter, the entry's writer, or the challenge's organizers may delete a comment. */
  async deleteComment(auth: Authenticated, commentId: number): Promise<void> {
    await this.store.transaction(async (repos) => {
      const comment = await repos.feedback.findComment(commentId);
      if (!comment || comment.deleted_at !== null)
        throw AppError.notFound('There is no such comment.');
      const { entry, context } = await this.loadPublic(repos, auth, comment.entry_id);
      const allowed =
        comment.user_id === auth.user.id || entry.user_id === auth.user.id || context.role !== null;
      if (!allowed) throw AppError.forbidden('NOT_YOUR_COMMENT', 'You cannot delete this comment.');
      await repos.feedback.deleteComment(comment.id, this.now());
    });
  }

  async notifications(
    auth: Authenticated,
  ): Promise<{ notifications: Notification[]; unread: number }> {
    const repos = this.store.repos;
    const [rows, unread] = await Promise.all([
      repos.feedback.listNotifications(auth.user.id),
      repos.feedback.countUnread(auth.user.id),
    ]);
    return {
      notifications: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        text: row.text,
        entryId: row.entry_id,
        challengeSlug: row.challenge_slug,
        createdAt: row.created_at,
        read: row.read_at !== null,
      })),
      unread,
    };
  }

  /** Just the number of unread notifications (for the site header on every page). */
  unreadCount(auth: Authenticated): Promise<number> {
    return this.store.repos.feedback.countUnread(auth.user.id);
  }

  async markRead(auth: Authenticated, ids: number[] | undefined): Promise<void> {
    await this.store.repos.feedback.markRead(auth.user.id, ids ?? null, this.now());
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private async nameOf(repos: Repositories, userId: number): Promise<string> {
    return (await repos.pseuds.findDefault(userId))?.name ?? 'Someone';
  }

  /** An entry readers can see (public status, listed challenge); 404 otherwise, for everyone. */
  private async loadPublic(repos: Repositories, auth: Authenticated | null, entryId: number) {
    const entry = await repos.entries.findByIdWithPseud(entryId);
    const slug = entry && (await repos.challenges.findSlugById(entry.challenge_id));
    const context = slug
      ? await this.access.load(slug, auth, repos).catch(() => undefined)
      : undefined;
    const visible =
      entry &&
      context &&
      canViewEntry({
        status: entry.status,
        moderated: context.challenge.moderated === 1,
        challengeListed: isChallengeListed(context.phase),
        viewerIsAuthor: false,
        viewerIsOrganizer: false,
      });
    if (!entry || !context || !visible) throw AppError.notFound('There is no such entry.');
    return { entry, context };
  }

  /**
   * In an anonymous challenge the entry's writer comments as "Author" until the reveal, to
   * everyone but themselves; everyone else comments under their pseud.
   */
  private displayName(
    pseudName: string,
    userId: number,
    entry: EntryListRow,
    context: ChallengeInContext,
    viewerId?: number | null,
  ): string {
    if (userId !== entry.user_id) return pseudName;
    const visible = canSeeAuthor({
      anonymous: context.challenge.anonymous === 1,
      phase: context.phase,
      viewerIsAuthor: viewerId === entry.user_id,
    });
    return visible ? pseudName : 'Author';
  }

  private thread(
    rows: CommentListRow[],
    entry: EntryListRow,
    context: ChallengeInContext,
    auth: Authenticated | null,
  ): CommentView[] {
    const viewerId = auth?.user.id ?? null;
    const view = (row: CommentListRow): CommentView => {
      const deleted = row.deleted_at !== null;
      const isMine = viewerId === row.user_id;
      return {
        id: row.id,
        parentId: row.parent_id,
        author: deleted
          ? ''
          : this.displayName(row.pseud_name, row.user_id, entry, context, viewerId),
        isEntryAuthor: row.user_id === entry.user_id,
        isMine,
        canEdit: isMine && !deleted,
        canDelete: !deleted && (isMine || viewerId === entry.user_id || context.role !== null),
        deleted,
        body: row.body,
        bodyHtml: renderPlainText(row.body),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        replies: [],
      };
    };
    const top = rows.filter((row) => row.parent_id === null).map(view);
    const byId = new Map(top.map((comment) => [comment.id, comment]));
    for (const row of rows) {
      if (row.parent_id !== null) byId.get(row.parent_id)?.replies.push(view(row));
    }
    // A deleted comment with no replies is simply gone; with replies it stays as "deleted".
    return top.filter((comment) => !comment.deleted || comment.replies.length > 0);
  }
}

function flatten(comments: CommentView[]): CommentView[] {
  return comments.flatMap((comment) => [comment, ...comment.replies]);
}

function fieldError(path: string, message: string): AppError {
  return AppError.badRequest('VALIDATION_FAILED', message, [{ path, message }]);
}
