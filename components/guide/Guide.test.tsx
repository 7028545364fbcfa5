import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { options, render } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createGuideState } from '../../lib/custody/steps';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { Guide } from './Guide';

const t = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/de/messages.json'), 'utf8')) as Messages);
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

describe('Guide start over', () => {
  test("asks in the page, in the reader's language, never through window.confirm; Escape cancels; starting over puts focus on the first step", async () => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    // window.confirm draws its buttons in the browser's language, and a browser may suppress it.
    const confirm = vi.fn(() => true);
    vi.stubGlobal('window', Object.assign(window, { confirm }));
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    const focused: (string | null)[] = [];
    vi.spyOn(window.HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement) {
      focused.push(this.getAttribute('data-testid') ?? this.id);
    });
    const onAction = vi.fn();
    render(
      <I18nContext.Provider value={{ t, locale: 'de' }}>
        <Guide
          state={createGuideState(new Date('2026-08-10T12:00:00Z'))}
          book={[]}
          exchanges={[]}
          rpcUrl={undefined}
          resetReason={null}
          ens={{ status: 'idle', name: '', address: null, errorCode: null }}
          watch={{ status: 'off', balance: null, increase: null, blockNumber: null, checkedAt: null, errorCode: null }}
          onAction={onAction}
          onSaveAddress={() => Promise.resolve()}
          onRemoveAddress={() => undefined}
          onResolveEns={() => undefined}
          onTestSent={() => undefined}
          onOpenOptions={() => undefined}
        />
      </I18nContext.Provider>,
      root,
    );
    const $ = (testId: string) => root.querySelector(`[data-testid="${testId}"]`);
    const press = (testId: string) => $(testId)?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();

    press('guide-reset-button');
    await settle();
    const question = root.querySelector('[role="group"]');
    expect(question?.querySelector('p')?.textContent).toBe(t('guideStartOverConfirm'));
    expect(question?.getAttribute('aria-labelledby')).toBe(question?.querySelector('p')?.id);
    expect($('guide-reset-confirm')?.textContent).toBe(t('guideStartOverConfirmButton'));
    expect($('guide-reset-cancel')?.textContent).toBe(t('holdingsCancel'));
    expect(focused).toEqual(['guide-reset-cancel']);

    const escapeKey = new window.Event('keydown', { bubbles: true, cancelable: true });
    Object.defineProperty(escapeKey, 'key', { value: 'Escape' });
    // Sent to the group: linkedom runs a bubbling event's listeners with `this` set to the target, which Preact's handlers cannot take.
    root.querySelector('[role="group"]')?.dispatchEvent(escapeKey);
    await settle();
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect(focused).toEqual(['guide-reset-cancel', 'guide-reset-button']);
    expect(onAction).not.toHaveBeenCalled();

    press('guide-reset-button');
    await settle();
    press('guide-reset-confirm');
    await settle();
    expect(onAction.mock.calls).toEqual([[{ type: 'reset' }]]);
    expect(root.querySelector('[role="group"]')).toBeNull();
    // The guide is back at its first step, and so is the focus: on that step's heading.
    expect($('step-route')).not.toBeNull();
    expect(focused).toEqual(['guide-reset-cancel', 'guide-reset-button', 'guide-reset-cancel', 'step-title']);
    expect(confirm).not.toHaveBeenCalled();
    render(null, root);
  });
});
