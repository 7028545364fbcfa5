import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabState } from '@/lib/view/exchange-view';
import { ANSWER_DEADLINE_MS } from '@/utils/answer-deadline';
import { send } from '@/utils/send';
import { followAnswers, type PopupFrame } from './answers';

/**
 * The popup's questions to a background that answers late or never, through the real message
 * channel (fakeBrowser's `runtime`): what the popup draws, and when.
 */

const lookalike: TabState = {
  kind: 'lookalike',
  host: 'kraken-login.com',
  explanation: { code: 'dashed', host: 'kraken-login.com', brand: 'kraken.com' },
  imitates: { id: 'kraken', name: 'Kraken', domain: 'kraken.com', domains: ['kraken.com'] },
};
const notExchange: TabState = { kind: 'not-exchange' };

/** The background: answers `tab-state` with `state` after `afterMs` (never when undefined), `all-exchanges` at once. */
function background(answers: { state: TabState; afterMs: number | undefined }[]) {
  const asked: string[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    const { type } = message as { type: string };
    asked.push(type);
    if (type === 'all-exchanges') {
      sendResponse([]);
      return true;
    }
    const answer = answers[asked.filter((kind) => kind === 'tab-state').length - 1] ?? answers.at(-1);
    if (answer?.afterMs !== undefined) setTimeout(() => sendResponse(answer.state), answer.afterMs);
    return true;
  });
  return asked;
}

function popup(held: TabState | undefined = undefined) {
  const frames: PopupFrame[] = [];
  const answers = followAnswers({
    askTab: () => send({ type: 'tab-state', tabId: 7 }),
    askAll: () => send({ type: 'all-exchanges' }),
    held: Promise.resolve(held),
    drawer: Promise.resolve((frame: PopupFrame) => frames.push(frame)),
  });
  const shown = () => frames.map((frame) => (frame.failed ? 'failed' : (frame.tab?.kind ?? 'loading')));
  return { frames, shown, retry: answers.retry, refresh: answers.refresh };
}

describe('the popup and a background that does not answer', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('no answer at all: "Loading…" until the deadline, then the failed state (Try again, the list, the footer), never "Loading…" for ever', async () => {
    background([{ state: notExchange, afterMs: undefined }]);
    const { shown, frames } = popup();
    await vi.advanceTimersByTimeAsync(ANSWER_DEADLINE_MS - 1);
    expect(shown()).toEqual(['loading']);
    await vi.advanceTimersByTimeAsync(1);
    expect(shown()).toEqual(['loading', 'failed']);
    // The list under the failure says the background could not be reached, rather than loading for ever too.
    await expect(frames.at(-1)?.loadAll()).rejects.toThrow();
  });

  test('Try again after the deadline asks anew and draws the answer; Try again settles once it is drawn', async () => {
    const asked = background([
      { state: notExchange, afterMs: undefined },
      { state: lookalike, afterMs: 300 },
    ]);
    const { shown, retry } = popup();
    await vi.advanceTimersByTimeAsync(ANSWER_DEADLINE_MS);
    expect(shown()).toEqual(['loading', 'failed']);
    let settled = false;
    void retry().then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(shown()).toEqual(['loading', 'failed', 'lookalike']);
    expect(settled).toBe(true);
    expect(asked.filter((type) => type === 'tab-state')).toHaveLength(2);
  });

  test('Try again that gets no answer either settles at the deadline, failed again, so the button works again', async () => {
    background([{ state: notExchange, afterMs: undefined }]);
    const { shown, retry } = popup();
    await vi.advanceTimersByTimeAsync(ANSWER_DEADLINE_MS);
    let settled = false;
    void retry().then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(ANSWER_DEADLINE_MS);
    expect(settled).toBe(true);
    expect(shown()).toEqual(['loading', 'failed', 'failed']);
  });

  test('an answer that comes after the deadline is still the answer: it replaces the failure, with its list', async () => {
    const asked = background([{ state: notExchange, afterMs: ANSWER_DEADLINE_MS + 2_000 }]);
    const { shown, frames } = popup();
    await vi.advanceTimersByTimeAsync(ANSWER_DEADLINE_MS);
    expect(shown()).toEqual(['loading', 'failed']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(shown()).toEqual(['loading', 'failed', 'not-exchange']);
    await expect(frames.at(-1)?.loadAll()).resolves.toEqual([]);
    expect(asked).toEqual(['tab-state', 'all-exchanges']);
  });

  test('only the latest asking is drawn: the first asking’s late answer, coming after Try again’s, never replaces it', async () => {
    background([
      { state: notExchange, afterMs: ANSWER_DEADLINE_MS + 3_000 },
      { state: lookalike, afterMs: 1_000 },
    ]);
    const { shown, retry } = popup();
    await vi.advanceTimersByTimeAsync(ANSWER_DEADLINE_MS + 1_000);
    void retry();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shown()).toEqual(['loading', 'failed', 'lookalike']);
    await vi.advanceTimersByTimeAsync(3 * ANSWER_DEADLINE_MS);
    expect(shown()).toEqual(['loading', 'failed', 'lookalike']);
  });

  test('a background that answers in time: its answer, and no failure after the deadline', async () => {
    background([{ state: notExchange, afterMs: 1_500 }]);
    const { shown } = popup();
    await vi.advanceTimersByTimeAsync(3 * ANSWER_DEADLINE_MS);
    expect(shown()).toEqual(['loading', 'not-exchange']);
  });

  test('a card drawn from the held copy stays when the background does not answer', async () => {
    background([{ state: notExchange, afterMs: undefined }]);
    const { shown } = popup(lookalike);
    await vi.advanceTimersByTimeAsync(3 * ANSWER_DEADLINE_MS);
    expect(shown()).toEqual(['loading', 'lookalike']);
  });

  test('new data while the popup is open: asked anew, the new answer drawn with its own list; no answer keeps what is drawn', async () => {
    const asked = background([
      { state: notExchange, afterMs: 100 },
      { state: lookalike, afterMs: 100 },
      { state: notExchange, afterMs: undefined },
    ]);
    const { shown, frames, refresh } = popup();
    await vi.advanceTimersByTimeAsync(100);
    expect(shown()).toEqual(['loading', 'not-exchange']);
    void refresh();
    await vi.advanceTimersByTimeAsync(100);
    expect(shown()).toEqual(['loading', 'not-exchange', 'lookalike']);
    await expect(frames.at(-1)?.loadAll()).resolves.toEqual([]);
    // A background that does not answer this time: the last good drawing stays, with no failure over it.
    void refresh();
    await vi.advanceTimersByTimeAsync(3 * ANSWER_DEADLINE_MS);
    expect(shown()).toEqual(['loading', 'not-exchange', 'lookalike']);
    expect(asked.filter((type) => type === 'tab-state')).toHaveLength(3);
  });
});
