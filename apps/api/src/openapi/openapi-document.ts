import { z } from 'zod';
import type { RouteSpec } from '../http/api-router';

/** Express `:param` paths become OpenAPI `{param}` paths. */
function toOpenApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: `/api${converted}`, params };
}

/** Each property of a query schema as an OpenAPI query parameter. */
function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  // OpenAPI 3.1 uses JSON Schema 2020-12, which is what zod emits.
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

/**
 * The OpenAPI 3.1 document, generated from the routes as registered: a route cannot exist
 * without appearing here, and its schemas are the ones that validate it.
 */
export function buildOpenApiDocument(specs: readonly RouteSpec[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const { path, params } = toOpenApiPath(spec.path);
    const responses = Object.fromEntries(
      Object.entries(spec.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema
            ? {
                content: {
                  [response.contentType ??
                  (Number(status) >= 400 ? 'application/problem+json' : 'application/json')]: {
                    schema: jsonSchema(response.schema, 'output'),
                  },
                },
              }
            : {}),
        },
      ]),
    );
    paths[path] ??= {};
    paths[path][spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      operationId: `${spec.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c?: string) => (c ? c.toUpperCase() : ''))}`,
      ...(spec.auth === 'session' ? { security: [{ sessionCookie: [] }, { bearerAuth: [] }] } : {}),
      ...(params.length > 0 || spec.query
        ? {
            parameters: [
              ...params.map((name) => ({
                name,
                in: 'path',
                required: true,
                schema: { type: 'string' },
              })),
              ...queryParameters(spec.query),
            ],
          }
        : {}),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ficathon API',
      version: '0.1.0',
      description:
        'Run prompt-based writing challenges. Errors are application/problem+json (RFC 9457) with a stable `code`.',
    },
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'session' },
        bearerAuth: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
