import type { Handle, RequestEvent } from '@sveltejs/kit';
import { serverEnv } from './env';

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1), plus `host`. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

function connectionListed(headers: Headers): Set<string> {
  return new Set(
    (headers.get('connection') ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
}

/**
 * The headers to send upstream: the browser's, minus hop-by-hop ones, plus forwarding headers
 * that tell the API who the client really is.
 */
export function upstreamRequestHeaders(
  incoming: Headers,
  client: { address: string; url: URL },
): Headers {
  const listed = connectionListed(incoming);
  const headers = new Headers();
  for (const [name, value] of incoming) {
    if (HOP_BY_HOP.has(name) || listed.has(name)) continue;
    if (name.startsWith('x-forwarded-')) continue; // set below, never trusted from the browser
    headers.append(name, value);
  }
  headers.set('x-forwarded-for', client.address);
  headers.set('x-forwarded-proto', client.url.protocol.replace(/:$/, ''));
  headers.set('x-forwarded-host', client.url.host);
  // Node's fetch transparently decompresses bodies; asking for none keeps the body we pass on
  // consistent with the headers we pass on.
  headers.set('accept-encoding', 'identity');
  return headers;
}

/** The API's response headers as the browser should see them (every Set-Cookie kept). */
export function downstreamResponseHeaders(upstream: Headers): Headers {
  const listed = connectionListed(upstream);
  const decoded = upstream.has('content-encoding');
  const headers = new Headers();
  for (const [name, value] of upstream) {
    if (HOP_BY_HOP.has(name) || listed.has(name)) continue;
    // If the API compressed anyway, fetch has already decoded the body: the original encoding and
    // length would now be lies.
    if (decoded && (name === 'content-encoding' || name === 'content-length')) continue;
    headers.append(name, value);
  }
  return headers;
}

/** Forwards one request to the API and returns its response unchanged. */
export async function proxyToApi(event: RequestEvent): Promise<Response> {
  const { request, url } = event;
  const target = `${serverEnv().apiUrl}${url.pathname}${url.search}`;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;

  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: upstreamRequestHeaders(request.headers, {
        address: event.getClientAddress(),
        url,
      }),
      body: hasBody ? request.body : undefined,
      // Required by Node's fetch to stream a request body rather than buffer it.
      ...(hasBody ? { duplex: 'half' } : {}),
      redirect: 'manual',
      signal: request.signal,
    } as RequestInit);
  } catch (cause) {
    console.error('Proxy to API failed', request.method, url.pathname, cause);
    return new Response(
      JSON.stringify({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'The service is unavailable right now. Please try again in a moment.',
        code: 'API_UNAVAILABLE',
      }),
      { status: 503, headers: { 'content-type': 'application/problem+json' } },
    );
  }

  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: downstreamResponseHeaders(upstream.headers),
  });
}

/** First hook: everything under /api/ belongs to the API, so the browser sees a single origin. */
export const proxyHandle: Handle = async ({ event, resolve }) => {
  if (event.url.pathname === '/api' || event.url.pathname.startsWith('/api/')) {
    return proxyToApi(event);
  }
  return resolve(event);
};
