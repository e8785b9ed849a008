import {
  AuditEventSchema,
  AuthResponseSchema,
  ChallengeDetailSchema,
  ChallengeListResponseSchema,
  ChallengeSummarySchema,
  CommentSchema,
  CommunityDetailSchema,
  CommunitySummarySchema,
  DashboardSchema,
  DrawOutcomeSchema,
  EntryDetailSchema,
  EntryPageSchema,
  HealthSchema,
  ImportedTextSchema,
  KudosSchema,
  MeResponseSchema,
  ModerationQueueItemSchema,
  MyBallotsSchema,
  MyEntrySchema,
  NotificationListSchema,
  OrganizerSchema,
  ParsedEntrySchema,
  ProblemSchema,
  PromptSchema,
  PseudSchema,
  ReaderPreferencesSchema,
  ResultsSchema,
  RevealPreviewSchema,
  RevisionDiffSchema,
  RevisionSummarySchema,
  RubricCriterionSchema,
  RuleCheckResponseSchema,
  VotingConfigSchema,
  SESSION_COOKIE,
  type ChallengeShelf,
  type CastBallotRequest,
  type CreateChallengeRequest,
  type CreateCommentRequest,
  type CreateCommunityRequest,
  type CreatePseudRequest,
  type ExtensionRequest,
  type FieldError,
  type ImportPromptsRequest,
  type JudgeScoreRequest,
  type LoginRequest,
  type ModerationRequest,
  type PromptInput,
  type ReaderPreferences,
  type SaveEntryRequest,
  type SignupRequest,
  type UpdateChallengeRequest,
  type VotingConfigInput,
} from '@ficathon/schema';
import type { RequestEvent } from '@sveltejs/kit';
import { isValidTimeZone } from '$lib/format';
import { TIME_ZONE_COOKIE } from '$lib/time-zone-cookie';
import { serverEnv } from './env';

/** An API call that did not succeed, carrying the problem+json document's fields. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** Seconds from a Retry-After header (429), when the API sent one. */
    readonly retryAfter: number | null = null,
  ) {
    super(`${status} ${code}: ${detail}`);
  }
}

/** Reported when the API cannot be reached at all (down, refused, timed out). */
export const API_UNAVAILABLE = 'API_UNAVAILABLE';

export interface ApiClientOptions {
  baseUrl: string;
  /** Session token sent as `Authorization: Bearer`; omitted when signed out. */
  token?: string | null;
  /** The browser's address, so the API's rate limits count the real client, not this server. */
  clientAddress?: string | null;
  /** The visitor's IANA time zone, sent as `X-Time-Zone` so deadline messages use their clock. */
  timeZone?: string | null;
  fetch?: typeof fetch;
}

/** A request body sent as it is (an uploaded file), instead of as JSON. */
export interface RawBody {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/** Anything that validates a response body: a zod schema from @ficathon/schema. */
interface Parser<T> {
  parse(input: unknown): T;
}

const PseudListSchema = MeResponseSchema.pick({ pseuds: true });

/** Validates `{ [key]: T[] }` and returns the array: the shape of every list response. */
function listOf<T>(key: string, item: { array(): Parser<T[]> }): Parser<T[]> {
  const array = item.array();
  return {
    parse(input: unknown): T[] {
      const value =
        typeof input === 'object' && input !== null
          ? (input as Record<string, unknown>)[key]
          : undefined;
      return array.parse(value);
    },
  };
}

const PromptListSchema = listOf('prompts', PromptSchema);
const OrganizerListSchema = listOf('organizers', OrganizerSchema);
const ModerationQueueSchema = listOf('entries', ModerationQueueItemSchema);
const AuditLogSchema = listOf('events', AuditEventSchema);
const MyChallengesSchema = listOf('challenges', ChallengeSummarySchema);
const RevisionListSchema = listOf('revisions', RevisionSummarySchema);

const MyEntriesSchema = listOf('entries', MyEntrySchema);
const CommentListSchema = listOf('comments', CommentSchema);

const CommunityListSchema = listOf('communities', CommunitySummarySchema);

/** A challenge's judge, as the judges list names them. */
export interface Judge {
  userId: number;
  name: string;
}

/** One entry on a judge's sheet, with the judge's own scores and comment (null until saved). */
export interface JudgingSheetEntry {
  id: number;
  title: string;
  wordCount: number;
  scores: Record<string, number> | null;
  comment: string | null;
}

const RubricSchema = RubricCriterionSchema.array();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The judges list: `{ judges: [{ userId, name }] }` (the schema package has no type for it). */
const JudgeListSchema: Parser<Judge[]> = {
  parse(input: unknown): Judge[] {
    const judges = isRecord(input) ? input.judges : undefined;
    if (!Array.isArray(judges)) throw new TypeError('Expected { judges: [...] }');
    return judges.map((j: unknown) => {
      if (!isRecord(j) || typeof j.userId !== 'number' || typeof j.name !== 'string') {
        throw new TypeError('Expected a judge { userId, name }');
      }
      return { userId: j.userId, name: j.name };
    });
  },
};

/** A judge's sheet: the rubric and every entry with the judge's scores. */
const JudgingSheetSchema = {
  parse(input: unknown) {
    if (!isRecord(input) || !Array.isArray(input.entries)) {
      throw new TypeError('Expected { rubric, entries }');
    }
    const rubric = RubricSchema.parse(input.rubric);
    const entries = input.entries.map((e: unknown): JudgingSheetEntry => {
      if (!isRecord(e) || typeof e.id !== 'number' || typeof e.title !== 'string') {
        throw new TypeError('Expected an entry { id, title, ... }');
      }
      const scores = isRecord(e.scores)
        ? Object.fromEntries(
            Object.entries(e.scores).filter(
              (kv): kv is [string, number] => typeof kv[1] === 'number',
            ),
          )
        : null;
      return {
        id: e.id,
        title: e.title,
        wordCount: typeof e.wordCount === 'number' ? e.wordCount : 0,
        scores,
        comment: typeof e.comment === 'string' ? e.comment : null,
      };
    });
    return { rubric, entries };
  },
};

/** `/api/communities/:slug` with the slug escaped, plus an optional sub-path. */
export function communityPath(slug: string, rest = ''): string {
  return `/api/communities/${encodeURIComponent(slug)}${rest}`;
}

/** `/api/entries/:id` plus an optional sub-path. */
export function entryPath(id: number, rest = ''): string {
  return `/api/entries/${id}${rest}`;
}

/** `/api/challenges/:slug` with the slug escaped, plus an optional sub-path. */
export function challengePath(slug: string, rest = ''): string {
  return `/api/challenges/${encodeURIComponent(slug)}${rest}`;
}

/**
 * A typed client for the API, used server-to-server. Pure apart from `fetch`, so it can be tested
 * with a fake; pages get one bound to the current request through `api(event)`.
 */
export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? fetch;

  async function call<T>(
    method: string,
    path: string,
    schema: Parser<T> | null,
    body?: unknown,
    raw?: RawBody,
  ): Promise<T> {
    const headers = new Headers({ accept: 'application/json' });
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    if (options.clientAddress) headers.set('x-forwarded-for', options.clientAddress);
    if (options.timeZone) headers.set('x-time-zone', options.timeZone);
    if (raw) headers.set('content-type', raw.contentType);
    else if (body !== undefined) headers.set('content-type', 'application/json');

    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl}${path}`, {
        method,
        headers,
        body: raw ? raw.bytes : body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (cause) {
      console.error('API request failed', method, path, cause);
      throw new ApiError(
        503,
        API_UNAVAILABLE,
        'The service is unavailable right now. Please try again in a moment.',
      );
    }

    if (!response.ok) throw await toApiError(response);
    if (schema === null || response.status === 204) return undefined as T;
    return schema.parse(await response.json());
  }

  return {
    health: () => call('GET', '/api/health', HealthSchema),
    signup: (body: SignupRequest) => call('POST', '/api/auth/signup', AuthResponseSchema, body),
    login: (body: LoginRequest) => call('POST', '/api/auth/login', AuthResponseSchema, body),
    logout: () => call<void>('POST', '/api/auth/logout', null),
    me: () => call('GET', '/api/me', MeResponseSchema),
    listPseuds: async () => (await call('GET', '/api/me/pseuds', PseudListSchema)).pseuds,
    createPseud: (body: CreatePseudRequest) => call('POST', '/api/me/pseuds', PseudSchema, body),
    listChallenges: async () =>
      (await call('GET', '/api/challenges', ChallengeListResponseSchema)).challenges,
    /** The challenges on one shelf (all when none is given), with every shelf's count. */
    browseChallenges: (shelf: ChallengeShelf | null) =>
      call(
        'GET',
        shelf ? `/api/challenges?${new URLSearchParams({ shelf })}` : '/api/challenges',
        ChallengeListResponseSchema,
      ),
    getChallenge: (slug: string) => call('GET', challengePath(slug), ChallengeDetailSchema),

    // Organizing a challenge
    myChallenges: () => call('GET', '/api/me/challenges', MyChallengesSchema),
    createChallenge: (body: CreateChallengeRequest) =>
      call('POST', '/api/challenges', ChallengeDetailSchema, body),
    updateChallenge: (slug: string, body: UpdateChallengeRequest) =>
      call('PATCH', challengePath(slug), ChallengeDetailSchema, body),
    deleteChallenge: (slug: string) => call<void>('DELETE', challengePath(slug), null),
    announceChallenge: (slug: string) =>
      call('POST', challengePath(slug, '/announce'), ChallengeDetailSchema),
    extendDeadline: (slug: string, body: ExtensionRequest) =>
      call('POST', challengePath(slug, '/extensions'), ChallengeDetailSchema, body),
    dashboard: (slug: string) => call('GET', challengePath(slug, '/dashboard'), DashboardSchema),
    auditLog: (slug: string) => call('GET', challengePath(slug, '/audit'), AuditLogSchema),

    listOrganizers: (slug: string) =>
      call('GET', challengePath(slug, '/organizers'), OrganizerListSchema),
    addOrganizer: (slug: string, person: string) =>
      call('POST', challengePath(slug, '/organizers'), OrganizerSchema, { person }),
    removeOrganizer: (slug: string, userId: number) =>
      call<void>('DELETE', challengePath(slug, `/organizers/${userId}`), null),

    // Prompts
    listPrompts: (slug: string) => call('GET', challengePath(slug, '/prompts'), PromptListSchema),
    createPrompt: (slug: string, body: PromptInput) =>
      call('POST', challengePath(slug, '/prompts'), PromptSchema, body),
    updatePrompt: (slug: string, id: number, body: PromptInput) =>
      call('PATCH', challengePath(slug, `/prompts/${id}`), PromptSchema, body),
    deletePrompt: (slug: string, id: number) =>
      call<void>('DELETE', challengePath(slug, `/prompts/${id}`), null),
    reorderPrompts: (slug: string, promptIds: number[]) =>
      call('POST', challengePath(slug, '/prompts/reorder'), PromptListSchema, { promptIds }),
    importPrompts: (slug: string, body: ImportPromptsRequest) =>
      call('POST', challengePath(slug, '/prompts/import'), PromptListSchema, body),
    claimPrompt: (slug: string, id: number) =>
      call('POST', challengePath(slug, `/prompts/${id}/claim`), PromptSchema),
    unclaimPrompt: (slug: string, id: number) =>
      call<void>('DELETE', challengePath(slug, `/prompts/${id}/claim`), null),

    // Moderation
    moderationQueue: (slug: string) =>
      call('GET', challengePath(slug, '/moderation'), ModerationQueueSchema),
    moderateEntry: (entryId: number, body: ModerationRequest) =>
      call('POST', `/api/entries/${entryId}/moderation`, ModerationQueueItemSchema, body),
    /** Lets one entry break one rule (logged in the audit log). */
    grantException: (entryId: number, rule: string) =>
      call('POST', `/api/entries/${entryId}/exceptions`, EntryDetailSchema, { rule }),

    // Writing entries
    parseHeader: (text: string) => call('POST', '/api/header/parse', ParsedEntrySchema, { text }),
    importStory: (file: RawBody) =>
      call('POST', '/api/header/import', ImportedTextSchema, undefined, file),
    checkEntry: (slug: string, body: SaveEntryRequest & { entryId: number | null }) =>
      call('POST', challengePath(slug, '/entries/check'), RuleCheckResponseSchema, body),
    createEntry: (slug: string, body: SaveEntryRequest) =>
      call('POST', challengePath(slug, '/entries'), EntryDetailSchema, body),
    updateEntry: (id: number, body: SaveEntryRequest) =>
      call('PUT', entryPath(id), EntryDetailSchema, body),
    withdrawEntry: (id: number) => call('POST', entryPath(id, '/withdraw'), EntryDetailSchema),
    getEntry: (id: number) => call('GET', entryPath(id), EntryDetailSchema),
    entryRevisions: (id: number) => call('GET', entryPath(id, '/revisions'), RevisionListSchema),
    entryDiff: (id: number, from: number, to: number) =>
      call(
        'GET',
        entryPath(
          id,
          `/revisions/diff?${new URLSearchParams({ from: String(from), to: String(to) })}`,
        ),
        RevisionDiffSchema,
      ),
    myEntries: () => call('GET', '/api/me/entries', MyEntriesSchema),

    // Reading: the entry list, preferences, kudos, comments and the inbox
    /** One page of a challenge's entries; `query` holds the list's parameters as the API names them. */
    listEntries: (slug: string, query: URLSearchParams) => {
      const search = query.toString();
      return call(
        'GET',
        challengePath(slug, `/entries${search ? `?${search}` : ''}`),
        EntryPageSchema,
      );
    },
    preferences: () => call('GET', '/api/me/preferences', ReaderPreferencesSchema),
    savePreferences: (body: ReaderPreferences) =>
      call('PUT', '/api/me/preferences', ReaderPreferencesSchema, body),
    kudos: (entryId: number) => call('GET', entryPath(entryId, '/kudos'), KudosSchema),
    giveKudos: (entryId: number) => call('POST', entryPath(entryId, '/kudos'), KudosSchema),
    comments: (entryId: number) => call('GET', entryPath(entryId, '/comments'), CommentListSchema),
    addComment: (entryId: number, body: CreateCommentRequest) =>
      call('POST', entryPath(entryId, '/comments'), CommentSchema, body),
    editComment: (commentId: number, body: string) =>
      call('PATCH', `/api/comments/${commentId}`, CommentSchema, { body }),
    deleteComment: (commentId: number) => call<void>('DELETE', `/api/comments/${commentId}`, null),
    notifications: () => call('GET', '/api/me/notifications', NotificationListSchema),
    /** Only the number of unread notifications (asked on every page, for the header). */
    unreadNotifications: () =>
      call('GET', '/api/me/notifications/unread', NotificationListSchema.pick({ unread: true })),
    /** Marks the given notifications read, or all of them when `ids` is omitted. */
    markNotificationsRead: (ids?: number[]) =>
      call<void>('POST', '/api/me/notifications/read', null, ids ? { ids } : {}),

    // Communities
    listCommunities: () => call('GET', '/api/communities', CommunityListSchema),
    createCommunity: (body: CreateCommunityRequest) =>
      call('POST', '/api/communities', CommunityDetailSchema, body),
    getCommunity: (slug: string) => call('GET', communityPath(slug), CommunityDetailSchema),
    addCommunityModerator: (slug: string, person: string) =>
      call('POST', communityPath(slug, '/moderators'), CommunityDetailSchema, { person }),
    removeCommunityModerator: (slug: string, userId: number) =>
      call<void>('DELETE', communityPath(slug, `/moderators/${userId}`), null),

    // Voting, judging and results
    votingConfig: (slug: string) => call('GET', challengePath(slug, '/voting'), VotingConfigSchema),
    saveVotingConfig: (slug: string, body: VotingConfigInput) =>
      call('PUT', challengePath(slug, '/voting'), VotingConfigSchema, body),
    myBallots: (slug: string) => call('GET', challengePath(slug, '/ballots/mine'), MyBallotsSchema),
    castBallot: (slug: string, categoryId: string, body: CastBallotRequest) =>
      call(
        'PUT',
        challengePath(slug, `/ballots/${encodeURIComponent(categoryId)}`),
        MyBallotsSchema,
        body,
      ),
    withdrawBallot: (slug: string, categoryId: string) =>
      call<void>('DELETE', challengePath(slug, `/ballots/${encodeURIComponent(categoryId)}`), null),
    listJudges: (slug: string) => call('GET', challengePath(slug, '/judges'), JudgeListSchema),
    addJudge: (slug: string, person: string) =>
      call('POST', challengePath(slug, '/judges'), JudgeListSchema, { person }),
    removeJudge: (slug: string, userId: number) =>
      call<void>('DELETE', challengePath(slug, `/judges/${userId}`), null),
    judgingSheet: (slug: string) =>
      call('GET', challengePath(slug, '/judging'), JudgingSheetSchema),
    scoreEntry: (slug: string, entryId: number, body: JudgeScoreRequest) =>
      call('PUT', challengePath(slug, `/judging/${entryId}`), JudgingSheetSchema, body),
    resultsPreview: (slug: string) =>
      call('GET', challengePath(slug, '/results/preview'), ResultsSchema),
    publishResults: (slug: string) =>
      call('POST', challengePath(slug, '/results/publish'), ResultsSchema),
    results: (slug: string) => call('GET', challengePath(slug, '/results'), ResultsSchema),

    // The prompt draw, and what an anonymous challenge's reveal will show
    joinDraw: (slug: string) => call<void>('POST', challengePath(slug, '/draw/signup'), null),
    leaveDraw: (slug: string) => call<void>('DELETE', challengePath(slug, '/draw/signup'), null),
    runDraw: (slug: string, body: { seed?: string }) =>
      call('POST', challengePath(slug, '/draw'), DrawOutcomeSchema, body),
    revealPreview: (slug: string) =>
      call('GET', challengePath(slug, '/reveal-preview'), RevealPreviewSchema),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Reads a failed response as problem+json, falling back to its status for anything else. */
export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfterHeader = response.headers.get('retry-after');
  const retryAfter = retryAfterHeader === null ? null : Number(retryAfterHeader);
  const retry = retryAfter !== null && Number.isFinite(retryAfter) ? retryAfter : null;

  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // Not JSON (a proxy's HTML error page, say): the status alone has to do.
  }
  const problem = ProblemSchema.safeParse(json);
  if (problem.success) {
    const { status, code, detail, title, errors } = problem.data;
    return new ApiError(status, code, detail ?? title, errors ?? [], retry);
  }
  return new ApiError(
    response.status,
    `HTTP_${response.status}`,
    response.statusText || 'Unexpected response from the service.',
    [],
    retry,
  );
}

/** The API client for the current request: the visitor's session and address, the configured URL. */
export function api(event: Pick<RequestEvent, 'cookies' | 'getClientAddress'>): ApiClient {
  return createApiClient({
    baseUrl: serverEnv().apiUrl,
    token: event.cookies.get(SESSION_COOKIE) ?? null,
    clientAddress: event.getClientAddress(),
    timeZone: visitorTimeZone(event.cookies.get(TIME_ZONE_COOKIE)),
  });
}

/** The zone a client component stored in its cookie, if it is one we know. */
function visitorTimeZone(raw: string | undefined): string | null {
  return raw && raw.length <= 64 && raw !== 'AoE' && isValidTimeZone(raw) ? raw : null;
}
