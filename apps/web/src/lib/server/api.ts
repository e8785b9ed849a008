import {
  AuthResponseSchema,
  ChallengeDetailSchema,
  ChallengeListResponseSchema,
  HealthSchema,
  MeResponseSchema,
  ProblemSchema,
  PseudSchema,
  SESSION_COOKIE,
  type FieldError,
  type LoginRequest,
  type CreatePseudRequest,
  type SignupRequest,
} from '@ficathon/schema';
import type { RequestEvent } from '@sveltejs/kit';
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
  fetch?: typeof fetch;
}

/** Anything that validates a response body: a zod schema from @ficathon/schema. */
interface Parser<T> {
  parse(input: unknown): T;
}

const PseudListSchema = MeResponseSchema.pick({ pseuds: true });

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
  ): Promise<T> {
    const headers = new Headers({ accept: 'application/json' });
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    if (options.clientAddress) headers.set('x-forwarded-for', options.clientAddress);
    if (body !== undefined) headers.set('content-type', 'application/json');

    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
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
    getChallenge: (slug: string) =>
      call('GET', `/api/challenges/${encodeURIComponent(slug)}`, ChallengeDetailSchema),
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
  });
}
