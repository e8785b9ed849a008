import { describe, expect, it } from 'vitest';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy';

describe('upstreamRequestHeaders', () => {
  it('drops hop-by-hop headers and host, and sets the forwarding headers', () => {
    const incoming = new Headers({
      host: 'localhost:3000',
      connection: 'keep-alive, x-custom-hop',
      'x-custom-hop': '1',
      'keep-alive': 'timeout=5',
      'transfer-encoding': 'chunked',
      'x-forwarded-for': '6.6.6.6',
      'accept-encoding': 'gzip, br',
      'content-type': 'application/json',
      cookie: 'session=abc',
    });
    const headers = upstreamRequestHeaders(incoming, {
      address: '203.0.113.7',
      url: new URL('https://ficathon.example/api/me'),
    });
    expect(Object.fromEntries(headers)).toEqual({
      'accept-encoding': 'identity',
      'content-type': 'application/json',
      cookie: 'session=abc',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-host': 'ficathon.example',
      'x-forwarded-proto': 'https',
    });
  });
});

describe('downstreamResponseHeaders', () => {
  it('keeps every Set-Cookie', () => {
    const upstream = new Headers();
    upstream.append('set-cookie', 'session=abc; Path=/; HttpOnly');
    upstream.append('set-cookie', 'theme=dark; Path=/');
    upstream.append('content-type', 'application/json');
    upstream.append('connection', 'close');
    const headers = downstreamResponseHeaders(upstream);
    expect(headers.getSetCookie()).toEqual(['session=abc; Path=/; HttpOnly', 'theme=dark; Path=/']);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.has('connection')).toBe(false);
  });

  it('drops the encoding and length of a body fetch has already decompressed', () => {
    const upstream = new Headers({ 'content-encoding': 'gzip', 'content-length': '42' });
    const headers = downstreamResponseHeaders(upstream);
    expect(headers.has('content-encoding')).toBe(false);
    expect(headers.has('content-length')).toBe(false);
  });
});
