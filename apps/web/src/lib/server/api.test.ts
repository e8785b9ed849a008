import { describe, expect, it, vi } from 'vitest';
import { API_UNAVAILABLE, ApiError, createApiClient } from './api';

function fakeFetch(response: Response | Error, seen: Request[] = []): typeof fetch {
  return async (input, init) => {
    seen.push(new Request(input, init));
    if (response instanceof Error) throw response;
    return response.clone();
  };
}

const problem = (status: number, body: object, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Error', status, ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

describe('createApiClient', () => {
  it('sends the session as a bearer token and the client address for rate limits', async () => {
    const seen: Request[] = [];
    const client = createApiClient({
      baseUrl: 'http://api.test',
      token: 'tok',
      clientAddress: '203.0.113.7',
      fetch: fakeFetch(Response.json({ status: 'ok', db: 'sqlite' }), seen),
    });
    await expect(client.health()).resolves.toEqual({ status: 'ok', db: 'sqlite' });
    expect(seen[0]?.url).toBe('http://api.test/api/health');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer tok');
    expect(seen[0]?.headers.get('x-forwarded-for')).toBe('203.0.113.7');
  });

  it('turns problem+json into a typed ApiError with field errors', async () => {
    const client = createApiClient({
      baseUrl: 'http://api.test',
      fetch: fakeFetch(
        problem(409, {
          code: 'EMAIL_TAKEN',
          detail: 'Taken.',
          errors: [{ path: 'email', message: 'An account already uses that email address.' }],
        }),
      ),
    });
    const error = await client
      .signup({ email: 'a@example.com', password: 'long enough', displayName: 'A' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'EMAIL_TAKEN',
      detail: 'Taken.',
      errors: [{ path: 'email', message: 'An account already uses that email address.' }],
    });
  });

  it('reads Retry-After from a 429', async () => {
    const client = createApiClient({
      baseUrl: 'http://api.test',
      fetch: fakeFetch(
        problem(429, { code: 'RATE_LIMITED', detail: 'Slow down.' }, { 'retry-after': '120' }),
      ),
    });
    await expect(client.login({ email: 'a@example.com', password: 'x' })).rejects.toMatchObject({
      status: 429,
      retryAfter: 120,
    });
  });

  it('reports an unreachable API as 503 without leaking the cause', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const client = createApiClient({
      baseUrl: 'http://api.test',
      fetch: fakeFetch(new TypeError('fetch failed: ECONNREFUSED 127.0.0.1:3001')),
    });
    const error = await client.listChallenges().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: API_UNAVAILABLE });
    expect((error as ApiError).detail).not.toContain('ECONNREFUSED');
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('sends an uploaded file as it is, and the visitor’s time zone', async () => {
    const seen: Request[] = [];
    const client = createApiClient({
      baseUrl: 'http://api.test',
      timeZone: 'America/New_York',
      fetch: fakeFetch(Response.json({ text: 'Title: T' }), seen),
    });
    const bytes = new TextEncoder().encode('Title: T');
    await expect(client.importStory({ bytes, contentType: 'text/markdown' })).resolves.toEqual({
      text: 'Title: T',
    });
    expect(seen[0]?.url).toBe('http://api.test/api/header/import');
    expect(seen[0]?.headers.get('content-type')).toBe('text/markdown');
    expect(seen[0]?.headers.get('x-time-zone')).toBe('America/New_York');
    expect(await seen[0]?.text()).toBe('Title: T');
  });

  it('falls back to the status for a non-JSON error', async () => {
    const client = createApiClient({
      baseUrl: 'http://api.test',
      fetch: fakeFetch(new Response('<h1>Bad gateway</h1>', { status: 502 })),
    });
    await expect(client.me()).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
  });
  it('asks for a page of entries with the filters as query parameters', async () => {
    const seen: Request[] = [];
    const page = {
      entries: [],
      total: 0,
      nextCursor: null,
      facets: { rating: [], warning: [], fandom: [], pairing: [], character: [], prompt: [] },
    };
    const client = createApiClient({
      baseUrl: 'http://api.test',
      fetch: fakeFetch(Response.json(page), seen),
    });
    const query = new URLSearchParams([
      ['q', '"a phrase"'],
      ['excludeRating', 'explicit'],
      ['excludeRating', 'mature'],
    ]);
    await expect(client.listEntries('lyric fest', query)).resolves.toEqual(page);
    expect(seen[0]?.url).toBe(
      'http://api.test/api/challenges/lyric%20fest/entries?q=%22a+phrase%22&excludeRating=explicit&excludeRating=mature',
    );
  });

  it('marks every notification read with an empty body, or the given ones', async () => {
    const seen: Request[] = [];
    const client = createApiClient({
      baseUrl: 'http://api.test',
      fetch: fakeFetch(new Response(null, { status: 204 }), seen),
    });
    await client.markNotificationsRead();
    await client.markNotificationsRead([3, 4]);
    expect(await seen[0]?.json()).toEqual({});
    expect(await seen[1]?.json()).toEqual({ ids: [3, 4] });
  });
});
