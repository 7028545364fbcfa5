/**
 * One GET of a JSON source, made safe for a background worker: no cookies, a deadline that
 * covers the whole body (a server that sends headers and then stalls still times out), a size
 * cap enforced while streaming, and a result instead of an exception: a failure is a code with its
 * figures (host, status, limit), worded where it is shown by lib/words/fetch-failure.ts.
 *
 * The same request for everyone, every time: no conditional request. An ETag or Last-Modified
 * sent back would be a value the data host chose for this install, and so could identify it;
 * `cache: 'no-store'` keeps the browser's HTTP cache from sending one on its own
 * (docs/data-model.md, "Conditional requests").
 */

import * as v from 'valibot';

const DETAIL_MAX = 200;

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

export type FetchFailureReason = 'timeout' | 'http' | 'network' | 'too-large' | 'invalid-json' | 'not-modified' | 'aborted' | 'no-access';

/**
 * What a caller's `fetch` throws when the request failed and the browser does not give us the host: the failure is
 * our missing access (`no-access`), not the host's. Only the caller can tell, with the browser's permissions API.
 */
export class HostAccessWithheldError extends Error {
  override name = 'HostAccessWithheldError';
}

/**
 * Why a fetch gave no body, as a code and figures. `stage` tells a connection that failed from an
 * answer that broke off; `detail` is the platform's own error code or text (ECONNREFUSED, "Failed
 * to fetch", …), kept short: English, so never part of the sentence a user reads, only of a technical
 * details line and the command line's log (lib/words/fetch-failure.ts).
 */
export type FetchFailure =
  | { reason: 'timeout'; host: string; timeoutMs: number }
  | { reason: 'http'; host: string; status: number }
  | { reason: 'network'; host: string; stage: 'connect' | 'body'; detail?: string }
  | { reason: 'too-large'; host: string; maxBytes: number }
  | { reason: 'invalid-json' | 'not-modified' | 'aborted' | 'no-access'; host: string };

const Host = v.pipe(v.string(), v.maxLength(300));
/** A failure as it comes back from storage or another context: read back only when its figures fit. */
export const FetchFailureSchema = v.variant('reason', [
  v.object({ reason: v.literal('timeout'), host: Host, timeoutMs: v.pipe(v.number(), v.finite(), v.minValue(0)) }),
  v.object({ reason: v.literal('http'), host: Host, status: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999)) }),
  v.object({ reason: v.literal('network'), host: Host, stage: v.picklist(['connect', 'body']), detail: v.optional(v.pipe(v.string(), v.maxLength(DETAIL_MAX))) }),
  v.object({ reason: v.literal('too-large'), host: Host, maxBytes: v.pipe(v.number(), v.finite(), v.minValue(0)) }),
  v.object({ reason: v.picklist(['invalid-json', 'not-modified', 'aborted', 'no-access']), host: Host }),
]);

export function readFetchFailure(value: unknown): FetchFailure | undefined {
  const parsed = v.safeParse(FetchFailureSchema, value);
  return parsed.success ? (parsed.output as FetchFailure) : undefined;
}

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
      failure: FetchFailure;
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

  const stopped = (): FetchSourceReturnType => (timedOut ? failed({ reason: 'timeout', host, timeoutMs }) : failed({ reason: 'aborted', host }));

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
      if (error instanceof HostAccessWithheldError) return failed({ reason: 'no-access', host });
      return failed({ reason: 'network', host, stage: 'connect', ...errorDetail(error) });
    }

    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    const validators = { ...(etag === undefined ? {} : { etag }), ...(lastModified === undefined ? {} : { lastModified }) };

    if (response.status === 304) {
      await discard(response);
      return failed({ reason: 'not-modified', host }, { status: 304, ...validators });
    }
    if (!response.ok) {
      await discard(response);
      return failed({ reason: 'http', host, status: response.status }, { status: response.status });
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
      return failed({ reason: 'network', host, stage: 'body', ...errorDetail(error) });
    }

    if (params.as === 'text') return { ok: true, body: new TextDecoder().decode(bytes), status: response.status, bytes: bytes.byteLength, ...validators };
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return failed({ reason: 'invalid-json', host }, { status: response.status });
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

function failed(failure: FetchFailure, extra: { status?: number; etag?: string; lastModified?: string } = {}): FetchSourceReturnType {
  return { ok: false, reason: failure.reason, failure, ...extra };
}

function tooLarge(host: string, maxBytes: number, status: number): FetchSourceReturnType {
  return failed({ reason: 'too-large', host, maxBytes }, { status });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The platform's own account of a failed request (its error code when it gives one), kept short. */
function errorDetail(error: unknown): { detail?: string } {
  let detail: string;
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = cause instanceof Error ? ((cause as { code?: string }).code ?? cause.message) : undefined;
    detail = code === undefined ? error.message : `${error.message}: ${code}`;
  } else detail = String(error);
  return detail === '' ? {} : { detail: detail.slice(0, DETAIL_MAX) };
}
