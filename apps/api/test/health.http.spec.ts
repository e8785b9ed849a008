import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Store } from '@ficathon/db';
import { createTestDb } from '@ficathon/db/testing';
import { expectProblem } from './support/http';
import { buildTestApp, testDatabaseKinds, useTestApp } from './support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface OpenApiOperation {
  requestBody?: {
    content: Record<
      string,
      { schema: { properties?: Record<string, unknown>; required?: string[] } }
    >;
  };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
}

describe.each(testDatabaseKinds())('system endpoints on %s', (kind) => {
  const t = useTestApp(kind);

  it('answers the health check with the database kind', async () => {
    const res = await request(t.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ status: 'ok', db: kind });
  });

  it('serves an OpenAPI 3.1 document describing the routes and their bodies', async () => {
    const res = await request(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');

    const signup = doc.paths['/api/auth/signup']?.post as OpenApiOperation | undefined;
    expect(signup).toBeDefined();
    const schema = signup?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(schema?.properties ?? {})).toEqual(
      expect.arrayContaining(['email', 'password', 'displayName']),
    );

    expect(schema?.required).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
    expect(signup?.responses?.['400']?.content).toHaveProperty(['application/problem+json']);

    const me = doc.paths['/api/me']?.get as OpenApiOperation | undefined;
    expect(me?.security).toEqual(expect.arrayContaining([{ bearerAuth: [] }]));
    const challenge = doc.paths['/api/challenges/{slug}']?.get as OpenApiOperation | undefined;
    expect(challenge?.parameters).toEqual([expect.objectContaining({ name: 'slug', in: 'path' })]);
    // Express syntax must not leak into the document.
    expect(Object.keys(doc.paths).filter((path) => path.includes(':'))).toEqual([]);
  });

  it.each(['get', 'post'] as const)(
    'answers %s on an unknown route with a 404 problem',
    async (method) => {
      const res = await request(t.app)[method]('/api/nope');
      expectProblem(res, 404, 'NOT_FOUND');
    },
  );

  it('answers a malformed percent-encoding in the path with a 400 problem, not a 500', async () => {
    const res = await request(t.app).get('/api/challenges/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: expect.any(String) });
    expect(res.text).not.toContain('Failed to decode');
  });

  it('gives every response a request id and echoes a safe one it was given', async () => {
    const generated = await request(t.app).get('/api/health');
    expect(generated.headers['x-request-id']).toMatch(UUID);

    const echoed = await request(t.app).get('/api/nope').set('X-Request-Id', 'web-req.42_a');
    expect(echoed.headers['x-request-id']).toBe('web-req.42_a');
    // The problem document names the same id, so a user can quote it.
    expect(echoed.body.requestId).toBe('web-req.42_a');
  });

  it.each([
    ['too long', 'a'.repeat(200)],
    ['with unsafe characters', 'abc<script>'],
  ])('replaces an incoming request id that is %s', async (_label, given) => {
    const res = await request(t.app).get('/api/health').set('X-Request-Id', given);
    expect(res.headers['x-request-id']).not.toBe(given);
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it('answers a failure inside the API with a 500 problem that leaks nothing', async () => {
    // An honest failure: the database this app talks to goes away.
    const handle = await createTestDb(kind);
    const app = buildTestApp(new Store(handle));
    await handle.close();

    const res = await request(app).get('/api/health').set('X-Request-Id', 'broken-db-1');
    expectProblem(res, 500, 'INTERNAL_ERROR');
    expect(res.body.requestId).toBe('broken-db-1');
    expect(Object.keys(res.body).sort()).toEqual(
      ['code', 'detail', 'requestId', 'status', 'title', 'type'].sort(),
    );
    expect(res.text).not.toMatch(/destroyed|sqlite|postgres|kysely|Error:/i);
  });
});
