import { browser } from 'wxt/browser';
import type { ChainWork, ChainWorkRequest } from '@/lib/chain-work/chain-work';
import { createRemoteChainWork } from '@/lib/chain-work/remote';

/**
 * Chrome: the background's viem work (feed and warning-list signatures, balance reads) runs in
 * an offscreen document, made when some is asked and closed once idle, so the service worker
 * evaluates no viem at any wake-up. The document spawns a worker for it (a service worker
 * cannot), hence the `WORKERS` reason. Answers are checked in `createRemoteChainWork`; no
 * document, no answer or a wrong one fails closed there.
 */

const DOCUMENT_PATH = '/offscreen.html' as const;
/** Closed this long after its last answer: the hourly work comes in one burst. */
const IDLE_MS = 10_000;
/** Making the document, its worker and viem, then the work; a balance read adds its own deadline. */
const ANSWER_MS = 30_000;
/** The document's script may not be listening yet right after it is made: asked again this often. */
const RETRY_MS = 25;

/** Making and closing the document, one step at a time: a close never overtakes a request that came in before it. */
let lifecycle: Promise<unknown> = Promise.resolve();
let inFlight = 0;
let closeTimer: ReturnType<typeof setTimeout> | undefined;
let work: ChainWork | undefined;

export function offscreenChainWork(): ChainWork {
  work ??= createRemoteChainWork(askOffscreen);
  return work;
}

async function hasDocument(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [browser.runtime.getURL(DOCUMENT_PATH)] });
  return contexts.length > 0;
}

function inTurn(step: () => Promise<void>): Promise<void> {
  const run = lifecycle.then(step, step);
  lifecycle = run.catch(() => undefined);
  return run;
}

function ensureDocument(): Promise<void> {
  return inTurn(async () => {
    if (await hasDocument()) return;
    try {
      await browser.offscreen.createDocument({
        url: DOCUMENT_PATH,
        reasons: ['WORKERS'],
        justification: 'Checks the signatures of the proof-of-reserves feed and of warning lists, and reads watched balances, in a worker.',
      });
    } catch (error) {
      // Made meanwhile (by an earlier worker's request): fine. Anything else: no document, so no answer.
      if (!(await hasDocument())) throw error;
    }
  });
}

const noReceiver = (error: unknown) => error instanceof Error && /Receiving end does not exist/i.test(error.message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function askOffscreen(request: ChainWorkRequest): Promise<unknown> {
  inFlight += 1;
  clearTimeout(closeTimer);
  const deadline = Date.now() + ANSWER_MS + (request.op === 'readChain' ? (request as ChainWorkRequest<'readChain'>).work.timeoutMs : 0);
  try {
    for (;;) {
      await beforeDeadline(ensureDocument(), deadline);
      try {
        return await beforeDeadline(browser.runtime.sendMessage(request), deadline);
      } catch (error) {
        if (!noReceiver(error) || Date.now() + RETRY_MS >= deadline) throw error;
        await sleep(RETRY_MS);
      }
    }
  } finally {
    inFlight -= 1;
    if (inFlight === 0) closeTimer = setTimeout(() => void closeIfIdle(), IDLE_MS);
  }
}

function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer in time')), Math.max(0, deadline - Date.now()))));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function closeIfIdle(): Promise<void> {
  return inTurn(async () => {
    if (inFlight > 0 || !(await hasDocument())) return;
    await browser.offscreen.closeDocument();
  }).catch((error: unknown) => console.warn('[reserve-radar] offscreen document: could not close it', error));
}
