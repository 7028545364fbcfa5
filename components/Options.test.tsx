import { render } from 'preact';
import { useState } from 'preact/hooks';
import { describe, expect, test, vi } from 'vitest';
import { type I18n, I18nContext, translateFrom } from '../utils/i18n';
import { Options } from './Options';
import { effectsOnNextTask, page, recordFocus, settle } from './test-dom';
import { quietOptions } from './options/options.testkit';
import { frenchSpacingProblems } from '../lib/words/french-spacing.testkit';
import { localeMessages } from '../utils/locale-files.testkit';

const words = (locale: string): I18n => ({
  t: translateFrom(localeMessages(locale)),
  locale,
});
const tr = words('tr');
const t = tr.t;

effectsOnNextTask();

/** The options page as the entrypoint draws it: the language comes from the stored settings, so a reset may change it. */
function Page({ initial, onReset }: { initial: I18n; onReset: (switchTo: (next: I18n) => void) => Promise<boolean> }) {
  const [i18n, setI18n] = useState(initial);
  return (
    <I18nContext.Provider value={i18n}>
      <Options {...quietOptions} onReset={() => onReset(setI18n)} />
    </I18nContext.Provider>
  );
}

describe('Options reset', () => {
  test("asks in the page, in the reader's language, never through window.confirm; yes resets once and says so", async () => {
    const { window, root, $, press } = page();
    // window.confirm draws its buttons in the browser's language, and a browser may suppress it.
    const confirm = vi.fn(() => true);
    vi.stubGlobal('window', Object.assign(window, { confirm }));
    const focused = recordFocus(window);
    const onReset = vi.fn(() => Promise.resolve(true));
    render(<Page initial={tr} onReset={onReset} />, root);
    await settle();

    press('reset');
    await settle();
    expect(root.querySelector('[role="group"] p')?.textContent).toBe(t('resetConfirm'));
    expect($('reset-confirm')?.textContent).toBe(t('resetConfirmButton'));
    expect($('reset-cancel')?.textContent).toBe(t('holdingsCancel'));
    press('reset-confirm');
    await settle();
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect(focused).toEqual(['reset-cancel', 'reset']);
    expect($('options-notice')?.textContent).toBe(t('resetDone'));
    expect(confirm).not.toHaveBeenCalled();
    render(null, root);
  });

  test('after "Delete everything" (a new draftsKey) the page\'s and the lookalike switch\'s answers from before are gone', async () => {
    const { window, root, $, press } = page();
    const draw = (draftsKey: number) =>
      render(
        <I18nContext.Provider value={tr}>
          <Options {...quietOptions} draftsKey={draftsKey} />
        </I18nContext.Provider>,
        root,
      );
    draw(0);
    await settle();
    press('reset');
    await settle();
    press('reset-confirm');
    await settle();
    const box = $('lookalike-protection') as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    expect($('options-notice')?.textContent).toBe(t('resetDone'));
    expect($('lookalike-notice')?.textContent).toBe(t('permissionDeclined'));
    draw(1);
    await settle();
    expect($('options-notice')?.textContent).toBe('');
    expect($('lookalike-notice')?.textContent).toBe('');
    render(null, root);
  });

  test('a reset that changes the language says "Reset done" in the new language', async () => {
    const { root, $, press } = page();
    const en = words('en');
    // Settings in German; the reset's stored settings have the default language, English here. The page loads
    // the new language's words after the reset has finished, as the entrypoint does.
    render(
      <Page
        initial={words('de')}
        onReset={async (switchTo) => {
          setTimeout(() => switchTo(en), 0);
          return true;
        }}
      />,
      root,
    );
    await settle();
    press('reset');
    await settle();
    press('reset-confirm');
    await settle();
    expect($('options-notice')?.textContent).toBe(en.t('resetDone'));
    render(null, root);
  });

  test('a reset whose permissions the browser kept is done all the same, and says that the browser kept them', async () => {
    const { root, $, press } = page();
    render(<Page initial={tr} onReset={() => Promise.resolve(false)} />, root);
    await settle();
    press('reset');
    await settle();
    press('reset-confirm');
    await settle();
    expect($('options-notice')?.textContent).toBe(t('resetDonePermissionsKept'));
    render(null, root);
  });
});

describe('Options snoozes', () => {
  test('in French, the exchange and its snooze are joined by a colon after a no-break space, as the French messages have it', async () => {
    const { root, $ } = page();
    const settings = { ...quietOptions.settings, snoozes: { kraken: { until: 'data-change' as const, fingerprint: 'f' } } };
    render(
      <I18nContext.Provider value={words('fr')}>
        <Options {...quietOptions} settings={settings} exchangeNames={{ kraken: 'Kraken' }} />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    const line = $('snoozes')?.querySelector('li span')?.textContent;
    expect(line).toBe(`Kraken\u00a0: ${words('fr').t('snoozedUntilChange')}`);
    expect(frenchSpacingProblems(line ?? '')).toEqual([]);
    render(null, root);
  });
});

describe('Options order', () => {
  test('Language is the first headed section, right under the nudge settings: a new reader finds it without scrolling; Reset stays last', async () => {
    const { root } = page();
    render(
      <I18nContext.Provider value={words('en')}>
        <Options {...quietOptions} />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    const headings = [...root.querySelectorAll('h2')].map((heading) => heading.id);
    expect(headings[0]).toBe('language-title');
    expect(headings.at(-1)).toBe('reset-title');
    // The nudge settings have no heading and sit under the page's title; the language follows them directly.
    expect(root.querySelector('[data-testid="nudge-policy"]')?.nextElementSibling?.getAttribute('aria-labelledby')).toBe('language-title');
    render(null, root);
  });
});
