import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readFetchFailure, type FetchFailure } from '../reserves/fetch-source';
import { FETCH_FAILURE_KEYS, fetchFailureDetail, fetchFailureText, fetchFailureWithDetail } from './fetch-failure';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
const english = translateFrom(read('en'));
/** The BCP 47 tag Intl takes for a `_locales` folder ("pt_BR" → "pt-BR"). */
const tag = (folder: string) => folder.replace('_', '-');

/** One failure of every kind, with figures. */
const FAILURES: FetchFailure[] = [
  { reason: 'timeout', host: 'api.llama.fi', timeoutMs: 20_000 },
  { reason: 'http', host: 'api.llama.fi', status: 503 },
  { reason: 'network', host: 'api.llama.fi', stage: 'connect' },
  { reason: 'network', host: 'api.llama.fi', stage: 'body', detail: 'ECONNRESET' },
  { reason: 'too-large', host: 'api.llama.fi', maxBytes: 5 * 1024 * 1024 },
  { reason: 'invalid-json', host: 'api.llama.fi' },
  { reason: 'not-modified', host: 'api.llama.fi' },
  { reason: 'aborted', host: 'api.llama.fi' },
  { reason: 'no-access', host: 'api.llama.fi' },
];

describe('fetch failure words', () => {
  test('every kind of failure has its sentence in every locale, host and figures filled in', () => {
    expect(locales).toHaveLength(8);
    expect(new Set(FAILURES.map((failure) => failure.reason))).toEqual(new Set(Object.keys(FETCH_FAILURE_KEYS)));
    for (const locale of locales) {
      const messages = read(locale);
      for (const key of [...Object.values(FETCH_FAILURE_KEYS), 'fetchFailBrokeOff', 'fetchFailTooLargeMb']) expect(messages[key]?.message, `${locale}:${key}`).toBeTruthy();
      const t = translateFrom(messages);
      const texts = new Set<string>();
      for (const failure of FAILURES) {
        const text = fetchFailureText(failure, t, tag(locale));
        expect(text, `${locale}:${failure.reason}`).not.toMatch(/^$|\$\d/);
        expect(text, `${locale}:${failure.reason}`).toContain('api.llama.fi');
        texts.add(text);
      }
      expect(texts.size, locale).toBe(FAILURES.length);
      expect(fetchFailureText(FAILURES[0]!, t, tag(locale)), locale).toContain('20');
      expect(fetchFailureText(FAILURES[1]!, t, tag(locale)), locale).toContain('503');
      expect(fetchFailureText(FAILURES[4]!, t, tag(locale)), locale).toMatch(/\b5 M[Bo]\b/);
      expect(fetchFailureText({ reason: 'too-large', host: 'api.llama.fi', maxBytes: 256 * 1024 }, t, tag(locale)), locale).toMatch(/\b256 k[Bo]\b/);
    }
  });

  test("the browser's own error text never enters the sentence a user reads; it stays apart, for the details", () => {
    // What each browser's fetch throws when a host cannot be reached: English whatever the user's language.
    const platform = ['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed', 'fetch failed: ECONNREFUSED'];
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      for (const detail of platform)
        for (const stage of ['connect', 'body'] as const) {
          const failure: FetchFailure = { reason: 'network', host: 'reserve-radar.github.io', stage, detail };
          const text = fetchFailureText(failure, t, tag(locale));
          expect(text, `${locale}:${stage}:${detail}`).toBe(fetchFailureText({ reason: 'network', host: 'reserve-radar.github.io', stage }, t, tag(locale)));
          expect(text, `${locale}:${stage}:${detail}`).not.toContain(detail);
          expect(fetchFailureDetail(failure)).toBe(detail);
        }
    }
    expect(fetchFailureDetail({ reason: 'network', host: 'x', stage: 'connect' })).toBeUndefined();
    expect(fetchFailureDetail({ reason: 'http', host: 'x', status: 500 })).toBeUndefined();
  });

  test('the English clauses, as the command line prints them, with the platform code for the log', () => {
    expect(fetchFailureText({ reason: 'timeout', host: 'api.llama.fi', timeoutMs: 300 }, english, 'en')).toBe('api.llama.fi did not answer within 0.3 seconds');
    expect(fetchFailureText({ reason: 'http', host: 'api.llama.fi', status: 403 }, english, 'en')).toBe('api.llama.fi refused the request (HTTP 403)');
    expect(fetchFailureWithDetail({ reason: 'network', host: '127.0.0.1:9', stage: 'connect', detail: 'fetch failed: ECONNREFUSED' }, english, 'en')).toBe(
      'could not reach 127.0.0.1:9 (fetch failed: ECONNREFUSED)',
    );
    expect(fetchFailureWithDetail({ reason: 'http', host: 'api.llama.fi', status: 403 }, english, 'en')).toBe('api.llama.fi refused the request (HTTP 403)');
    expect(fetchFailureText({ reason: 'too-large', host: 'api.llama.fi', maxBytes: 5 * 1024 * 1024 }, english, 'en')).toBe('api.llama.fi sent more than 5 MB; the answer was refused');
  });

  test('an address with nothing there (404, 410) is not a refusal; a refusal (401, 403, other 4xx) and a 429 keep their words', () => {
    const http = (status: number) => fetchFailureText({ reason: 'http', host: 'api.llama.fi', status }, english, 'en');
    expect(http(404)).toBe('api.llama.fi has nothing at this address (HTTP 404)');
    expect(http(410)).toBe('api.llama.fi has nothing at this address (HTTP 410)');
    for (const status of [400, 401, 403, 451]) expect(http(status)).toBe(`api.llama.fi refused the request (HTTP ${status})`);
    expect(http(429)).toBe('api.llama.fi was asked too often; try again later (HTTP 429)');
    // Only an address the user typed (a warning list) gets the advice to check it: a feed's or price service's is not theirs to fix.
    expect(fetchFailureText({ reason: 'http', host: 'lists.example.org', status: 404 }, english, 'en', { typedAddress: true })).toBe(
      'lists.example.org has nothing at this address (HTTP 404); check that the address is right',
    );
    expect(fetchFailureText({ reason: 'http', host: 'lists.example.org', status: 403 }, english, 'en', { typedAddress: true })).toBe('lists.example.org refused the request (HTTP 403)');
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const said = (status: number, typedAddress = false) => fetchFailureText({ reason: 'http', host: 'api.llama.fi', status }, t, tag(locale), { typedAddress });
      expect(new Set([said(404), said(403), said(404, true)]).size, locale).toBe(3);
      for (const text of [said(404), said(404, true)]) expect(text, locale).toMatch(/^(?!.*\$\d).*api\.llama\.fi.*404/);
    }
  });

  test('a server error is said as a Spanish reader says it: busy or down, not "por su parte" ("for its part")', () => {
    const spanish = translateFrom(read('es'));
    expect(fetchFailureText({ reason: 'http', host: 'api.llama.fi', status: 503 }, spanish, 'es')).toBe('api.llama.fi estaba saturado o fuera de servicio (HTTP 503)');
  });

  test('a stored failure reads back only when its figures fit', () => {
    for (const failure of FAILURES) expect(readFetchFailure(JSON.parse(JSON.stringify(failure)))).toEqual(failure);
    for (const bad of [undefined, 'could not reach x', { reason: 'http', host: 'x' }, { reason: 'teapot', host: 'x' }, { reason: 'network', host: 'x', stage: 'later' }])
      expect(readFetchFailure(bad)).toBeUndefined();
  });

  test('lib/reserves/fetch-source.ts words nothing a user reads: its failures are codes and figures', () => {
    const source = readFileSync(join(root, 'lib/reserves/fetch-source.ts'), 'utf8');
    expect(source).not.toMatch(/message:/);
    expect(source).not.toMatch(/`[^`]*\$\{host\}[^`]*`/);
  });
});
