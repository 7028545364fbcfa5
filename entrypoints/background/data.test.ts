import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshDue, sourceViews } from './data';

const cexs = readFileSync(join(import.meta.dirname, '../../tests/fixtures/defillama/cexs.json'), 'utf8');

/** DefiLlama as the test wants it: `/cexs` from the recorded fixture once `online`, else a network error. */
function network() {
  const state = { online: false, cexsCalls: 0, release: () => {} };
  const firstCall = new Promise<void>((resolve) => (state.release = resolve));
  let held = true;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const path = new URL(input).pathname;
      if (path === '/cexs') {
        state.cexsCalls++;
        // The first (scheduled) request hangs until the test lets it fail.
        if (held) {
          held = false;
          await firstCall;
        }
      }
      if (!state.online) throw new TypeError('Failed to fetch');
      return path === '/cexs' ? new Response(cexs, { status: 200, headers: { 'content-type': 'application/json' } }) : new Response('not found', { status: 404 });
    }),
  );
  return state;
}

describe('refreshDue', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  test('"Refresh now" during a scheduled run that is failing asks again instead of settling for that run', async () => {
    const net = network();
    const scheduled = refreshDue();
    const forced = refreshDue({ force: true });
    // The network comes back while the scheduled run's /cexs request is still out; that request fails.
    await vi.waitFor(() => expect(net.cexsCalls).toBe(1));
    net.release();
    await scheduled;
    net.online = true;
    await forced;
    expect(net.cexsCalls).toBe(2);
    expect((await sourceViews()).find((row) => row.id === 'cexs')?.lastSuccess).toBeDefined();
  });

  test('two questions at once share one run', async () => {
    const net = network();
    net.online = true;
    net.release();
    await Promise.all([refreshDue({ force: true }), refreshDue({ force: true }), refreshDue()]);
    expect(net.cexsCalls).toBe(1);
  });
});

describe('sourceViews', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a refused answer reaches the Data sources rows as its code and figures; an old stored English sentence does not', async () => {
    const base = { status: 'failing', failures: 1, nextAttemptAt: '2026-12-05T12:00:00.000Z' };
    await fakeBrowser.storage.local.set({
      sources: {
        cexs: { ...base, lastAnswerFailure: { answer: 'older', answerAt: '2026-12-05T10:00:00.000Z', heldAt: '2026-12-05T11:00:00.000Z' } },
        'own-token-prices': { ...base, lastError: 'no usable price in the answer (BNB: not in the answer)' },
      },
    });
    const views = await sourceViews();
    expect(views.find((row) => row.id === 'cexs')?.lastAnswerFailure).toEqual({ answer: 'older', answerAt: '2026-12-05T10:00:00.000Z', heldAt: '2026-12-05T11:00:00.000Z' });
    const prices = views.find((row) => row.id === 'own-token-prices');
    expect(prices?.status).toBe('failing');
    expect(JSON.stringify(prices)).not.toContain('no usable price');
  });
});
