import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signWarningList } from '@/lib/community/sign-warning-list';
import type { WarningList } from '@/lib/community/warning-list';

/**
 * A test warning list (the schema of lib/community/warning-list.ts, written by hand, never a real
 * maintainer's): one `danger` entry for Binance, published when the list is issued, both in date
 * until 2099, as the check reads the real clock.
 */
export function binanceDangerList({ sequence, title, issued }: { sequence: number; title: string; issued: string }): WarningList {
  return {
    name: 'Test list',
    sequence,
    issued,
    expires: '2099-01-01T00:00:00Z',
    entries: [{ exchange: 'binance', severity: 'danger', title, body: 'Body.', sources: ['https://example.org/'], published: issued, expires: '2099-01-01T00:00:00Z' }],
  };
}

/** `list` signed with `privateKey`, as its host serves it: a fresh response at each call (a body reads once). */
export async function servedList(list: WarningList, privateKey: `0x${string}`): Promise<() => Response> {
  const body = JSON.stringify((await signWarningList({ list, privateKey })).envelope);
  return () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

/** What the stubbed `fetch` was asked, in order, and how it answers now (change `answer` to change the host's answer). */
export interface ListHosts {
  fetched: string[];
  answer: (url: string) => Response | Promise<Response>;
}

/**
 * `fetch` stubbed with `answer` (it records each URL asked), and the access to `origins` granted, as the options page
 * asked for it when the user subscribed. Undo the stub with `vi.unstubAllGlobals()` in an `afterEach`:
 * restoreMocks does not.
 */
export async function serveListHosts(origins: string[], answer: ListHosts['answer']): Promise<ListHosts> {
  const hosts: ListHosts = { fetched: [], answer };
  vi.stubGlobal('fetch', async (input: string) => {
    hosts.fetched.push(input);
    return hosts.answer(input);
  });
  await fakeBrowser.permissions.request({ origins });
  return hosts;
}
