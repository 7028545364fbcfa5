/**
 * One GET of a JSON source, made safe for a background worker: no cookies, a deadline that
 * covers the whole body (a server that sends headers and then stalls still times out), a size
 * cap enforced while streaming, and a plain-words result instead of an exception.
 *
 * The same request for everyone, every time: no conditional request. An ETag or Last-Modified
 * sent back would be a value the data host chose for this install, and so could identify it;
 * `cache: 'no-store'` keeps the browser's HTTP cache from sending one on its own
 * (docs/data-model.md, "Conditional requests").
 */

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type FetchSourceParameters = {
  url: string;
  fetch: FetchLike;
  /** Deadline for the whole exchange, headers and body. */
  timeoutMs?: number;
  /** Larger bodies are refused; the rest of the stream is not read. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** `text` hands back the decoded body unparsed (for XML sources); JSON by default. */
  as?: 'json' | 'text';
  /** A POST carries this JSON body; the same for everyone, never anything about a user. */
  method?: 'GET' | 'POST';
  body?: string;
};

export type FetchFailureReason = 'timeout' | 'http' | 'network' | 'too-large' | 'invalid-json' | 'not-modified' | 'aborted';

export type FetchSourceReturnType =
  | {
      ok: true;
      body: unknown;
      status: number;
      etag?: string;
      lastModified?: string;
      bytes: number;
    }
  | {
      ok: false;
      reason: FetchFailureReason;
      /** Plain words, fit for a log line or the options page. */
      message: string;
      status?: number;
      etag?: string;
      lastModified?: string;
    };

export const DEFAULT_TIMEOUT_MS = 20_000;
/** `/cexs` is about 100 kB; 5 MB leaves room for growth and stops a runaway answer. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export async function fetchSource(params: FetchSourceParameters): Promise<FetchSourceReturnType> {
  const timeoutMs = params.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = params.maxBytes ?? DEFAULT_MAX_BYTES;
  const host = hostOf(params.url);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = (): void => controller.abort();
  if (params.signal?.aborted) controller.abort();
  params.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const stopped = (): FetchSourceReturnType =>
    timedOut
      ? { ok: false, reason: 'timeout', message: `${host} did not answer within ${formatSeconds(timeoutMs)}` }
      : { ok: false, reason: 'aborted', message: `the request to ${host} was cancelled` };

  try {
    const headers: Record<string, string> = { accept: params.as === 'text' ? '*/*' : 'application/json' };
    if (params.body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await params.fetch(params.url, {
        method: params.method ?? 'GET',
        ...(params.body === undefined ? {} : { body: params.body }),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
        headers,
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted) return stopped();
      return { ok: false, reason: 'network', message: `could not reach ${host} (${errorText(error)})` };
    }

    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    const validators = { ...(etag === undefined ? {} : { etag }), ...(lastModified === undefined ? {} : { lastModified }) };

    if (response.status === 304) {
      await discard(response);
      return { ok: false, reason: 'not-modified', message: `${host} reports no change since the last answer`, status: 304, ...validators };
    }
    if (!response.ok) {
      await discard(response);
      const text = response.statusText === '' ? '' : ` ${response.statusText}`;
      return { ok: false, reason: 'http', message: `${host} answered HTTP ${response.status}${text}`, status: response.status };
    }

    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await discard(response);
      return tooLarge(host, maxBytes, response.status);
    }

    let bytes: Uint8Array;
    try {
      const read = await readCapped(response, maxBytes);
      if (read === 'too-large') return tooLarge(host, maxBytes, response.status);
      bytes = read;
    } catch (error) {
      if (controller.signal.aborted) return stopped();
      return { ok: false, reason: 'network', message: `the answer from ${host} broke off (${errorText(error)})` };
    }

    if (params.as === 'text') return { ok: true, body: new TextDecoder().decode(bytes), status: response.status, bytes: bytes.byteLength, ...validators };
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return { ok: false, reason: 'invalid-json', message: `${host} sent something that is not JSON`, status: response.status };
    }
    return { ok: true, body, status: response.status, bytes: bytes.byteLength, ...validators };
  } finally {
    clearTimeout(timer);
    params.signal?.removeEventListener('abort', onOuterAbort);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function tooLarge(host: string, maxBytes: number, status: number): FetchSourceReturnType {
  return { ok: false, reason: 'too-large', message: `${host} sent more than ${formatBytes(maxBytes)}; the answer was refused`, status };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = cause instanceof Error ? ((cause as { code?: string }).code ?? cause.message) : undefined;
    return code === undefined ? error.message : `${error.message}: ${code}`;
  }
  return String(error);
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} kB`;
}
