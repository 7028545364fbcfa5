import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSource } from './fetch-source';
import { closedPortUrl, endless, json, raw, stall, startLocalServer, type LocalServer } from './local-server.testkit';

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer({
    // Made-up headers, no recorded headers exist: whether api.llama.fi sends an ETag or Last-Modified is not recorded.
    '/good': json({ cexs: [] }, { etag: '"v1"', 'last-modified': 'Mon, 10 Aug 2026 12:00:00 GMT' }),
    '/conditional': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else res.writeHead(200, { etag: '"v1"', 'content-type': 'application/json' }).end('{"a":1}');
    },
    '/forbidden': raw(403, 'Forbidden'),
    '/broken': raw(500, 'oops'),
    '/html': raw(200, '<html>maintenance</html>', { 'content-type': 'text/html' }),
    '/stall': stall,
    '/declared-huge': raw(200, '{}', { 'content-length': '2' }),
    '/huge': endless(3 * 1024 * 1024),
  });
});
afterAll(() => server.close());

describe('fetchSource against a real local server', () => {
  it('returns the parsed body and the validators', async () => {
    const result = await fetchSource({ url: server.url('/good'), fetch });
    expect(result).toMatchObject({ ok: true, body: { cexs: [] }, status: 200, etag: '"v1"', lastModified: 'Mon, 10 Aug 2026 12:00:00 GMT' });
  });

  it('hands back the text unparsed when asked (XML sources), still capped', async () => {
    const result = await fetchSource({ url: server.url('/html'), fetch, as: 'text' });
    expect(result).toMatchObject({ ok: true, body: '<html>maintenance</html>', status: 200 });
    expect(await fetchSource({ url: server.url('/huge'), fetch, as: 'text', maxBytes: 64 * 1024 })).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('sends the same request every time: no validator from an earlier answer, no cookie, and no browser cache that would add one', async () => {
    const inits: (RequestInit | undefined)[] = [];
    const recording = (input: string, init?: RequestInit) => {
      inits.push(init);
      return fetch(input, init);
    };
    const first = await fetchSource({ url: server.url('/conditional'), fetch: recording });
    expect(first).toMatchObject({ ok: true, etag: '"v1"' });
    const second = await fetchSource({ url: server.url('/conditional'), fetch: recording });
    expect(second).toMatchObject({ ok: true, body: { a: 1 } });
    const seen = server.requests.filter((r) => r.path === '/conditional');
    expect(seen).toHaveLength(2);
    for (const request of seen) {
      expect(request.headers['if-none-match']).toBeUndefined();
      expect(request.headers['if-modified-since']).toBeUndefined();
      expect(request.headers.cookie).toBeUndefined();
    }
    expect(seen[0]?.headers).toEqual(seen[1]?.headers);
    // In the extension, the browser's HTTP cache would revalidate with the stored ETag by itself.
    for (const init of inits) expect(init?.cache).toBe('no-store');
  });

  it('reports HTTP errors in plain words', async () => {
    expect(await fetchSource({ url: server.url('/forbidden'), fetch })).toMatchObject({
      ok: false,
      reason: 'http',
      status: 403,
      failure: { reason: 'http', host: new URL(server.url('/')).host, status: 403 },
    });
    expect(await fetchSource({ url: server.url('/broken'), fetch })).toMatchObject({ ok: false, reason: 'http', status: 500 });
  });

  it('reports a body that is not JSON', async () => {
    expect(await fetchSource({ url: server.url('/html'), fetch })).toMatchObject({ ok: false, reason: 'invalid-json', failure: { reason: 'invalid-json' } });
  });

  it('times out a server that stalls mid-body', async () => {
    const started = Date.now();
    const result = await fetchSource({ url: server.url('/stall'), fetch, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, reason: 'timeout', failure: { reason: 'timeout', timeoutMs: 300 } });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses an oversized stream without reading all of it', async () => {
    const result = await fetchSource({ url: server.url('/huge'), fetch, maxBytes: 256 * 1024 });
    expect(result).toMatchObject({ ok: false, reason: 'too-large', failure: { reason: 'too-large', maxBytes: 256 * 1024 } });
  });

  it('refuses a declared length above the cap before reading', async () => {
    const result = await fetchSource({ url: server.url('/declared-huge'), fetch, maxBytes: 1 });
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('reports a host that is down as a network failure', async () => {
    const result = await fetchSource({ url: await closedPortUrl('/cexs'), fetch });
    expect(result).toMatchObject({
      ok: false,
      reason: 'network',
      failure: { reason: 'network', stage: 'connect', host: expect.stringMatching(/^127\.0\.0\.1:\d+$/), detail: expect.stringMatching(/\S/) },
    });
  });

  it('honours an outer abort signal', async () => {
    const controller = new AbortController();
    const pending = fetchSource({ url: server.url('/stall'), fetch, signal: controller.signal, timeoutMs: 10_000 });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ ok: false, reason: 'aborted' });
  });

  it('never throws, even when fetch itself throws synchronously-ish', async () => {
    const throwing = (() => Promise.reject(new TypeError('bad url'))) as typeof fetch;
    expect(await fetchSource({ url: 'not a url', fetch: throwing })).toMatchObject({ ok: false, reason: 'network' });
  });
});
