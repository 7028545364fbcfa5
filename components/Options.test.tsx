import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { options, render } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../lib/settings';
import { I18nContext, translateFrom, type Messages } from '../utils/i18n';
import { Options } from './Options';

const t = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../public/_locales/tr/messages.json'), 'utf8')) as Messages);
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

// Effects (where focus moves) run on the next task, as after a paint in a browser, not 35 ms later.
beforeEach(() => {
  options.requestAnimationFrame = (callback) => setTimeout(callback, 0);
});
afterEach(() => {
  delete options.requestAnimationFrame;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Options reset', () => {
  test("asks in the page, in the reader's language, never through window.confirm; Escape cancels, focus comes back to the button", async () => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    // window.confirm draws its buttons in the browser's language, and a browser may suppress it.
    const confirm = vi.fn(() => true);
    vi.stubGlobal('window', Object.assign(window, { confirm }));
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    const focused: (string | null)[] = [];
    vi.spyOn(window.HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement) {
      focused.push(this.getAttribute('data-testid'));
    });
    const onReset = vi.fn(() => Promise.resolve());
    render(
      <I18nContext.Provider value={{ t, locale: 'tr' }}>
        <Options
          settings={defaultSettings}
          sources={[]}
          exchangeNames={{}}
          now={new Date('2026-08-10T12:00:00Z')}
          onChange={() => undefined}
          onLookalikeProtection={() => Promise.resolve(false)}
          onRefresh={() => Promise.resolve()}
          subscriptions={[]}
          onSubscribe={() => Promise.resolve({ ok: true })}
          onUnsubscribe={() => undefined}
          onReset={onReset}
        />
      </I18nContext.Provider>,
      root,
    );
    const $ = (testId: string) => root.querySelector(`[data-testid="${testId}"]`);
    const press = (testId: string) => $(testId)?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();

    press('reset');
    await settle();
    const question = root.querySelector('[role="group"]');
    expect(question?.querySelector('p')?.textContent).toBe(t('resetConfirm'));
    expect(question?.getAttribute('aria-labelledby')).toBe(question?.querySelector('p')?.id);
    expect($('reset-confirm')?.textContent).toBe(t('resetConfirmButton'));
    expect($('reset-cancel')?.textContent).toBe(t('holdingsCancel'));
    expect(focused).toEqual(['reset-cancel']);

    const escapeKey = new window.Event('keydown', { bubbles: true, cancelable: true });
    Object.defineProperty(escapeKey, 'key', { value: 'Escape' });
    // Sent to the group: linkedom runs a bubbling event's listeners with `this` set to the target, which Preact's handlers cannot take.
    root.querySelector('[role="group"]')?.dispatchEvent(escapeKey);
    await settle();
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect(focused).toEqual(['reset-cancel', 'reset']);

    press('reset');
    await settle();
    press('reset-confirm');
    await settle();
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect(focused).toEqual(['reset-cancel', 'reset', 'reset-cancel', 'reset']);
    expect($('options-notice')?.textContent).toBe(t('resetDone'));
    expect(confirm).not.toHaveBeenCalled();
    render(null, root);
  });
});
