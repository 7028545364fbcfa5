import { browser, type Browser } from 'wxt/browser';
import { parseChainWorkRequest, type ChainWorkRequest } from '@/lib/chain-work/chain-work';
import type { ChainWorkReply } from './chain-worker';

/**
 * Chrome's offscreen document (entrypoints/background/offscreen-client.ts makes and closes it):
 * takes the background's chain-work requests and runs each in a worker of its own (viem stays
 * out of the service worker, and a service worker cannot start a worker). Anything else on the
 * runtime channel, and every message not from our service worker, is ignored: content scripts
 * and pages reach the background's router, never this.
 */

/**
 * Our service worker's address, under this document's own origin (an offscreen document has the
 * runtime's messaging and little else: no `getManifest`). WXT names the worker `background.js`.
 */
const backgroundUrl = new URL('/background.js', location.origin).href;

/** The browser sets the sender; only our own service worker (this extension, no tab, the worker's own URL) may ask. */
function fromOurWorker(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === location.host && sender.tab === undefined && sender.url === backgroundUrl;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (answer: unknown) => void>();

function chainWorker(): Worker {
  if (worker !== undefined) return worker;
  const started = new Worker(new URL('./chain-worker.ts', import.meta.url), { type: 'module' });
  started.addEventListener('message', (event: MessageEvent<ChainWorkReply>) => {
    pending.get(event.data.id)?.(event.data.answer);
    pending.delete(event.data.id);
  });
  started.addEventListener('error', () => {
    // A broken worker answers nothing; the background fails closed on that. The next request starts a new one.
    for (const answer of pending.values()) answer(undefined);
    pending.clear();
    started.terminate();
    if (worker === started) worker = undefined;
  });
  worker = started;
  return started;
}

function inWorker(request: ChainWorkRequest): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    chainWorker().postMessage({ id, request });
  });
}

browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
  if (!fromOurWorker(sender)) return undefined;
  const request = parseChainWorkRequest(message);
  return request === undefined ? undefined : inWorker(request);
});
