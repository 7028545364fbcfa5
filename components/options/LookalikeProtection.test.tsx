import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../../lib/settings';
import { type I18n, I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { Options, type OptionsProps } from '../Options';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';

const sv: I18n = { t: translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/sv/messages.json'), 'utf8')) as Messages), locale: 'sv' };
const t = sv.t;

effectsOnNextTask();

function draw(props: Partial<OptionsProps>) {
  const dom = page();
  render(
    <I18nContext.Provider value={sv}>
      <Options
        settings={defaultSettings}
        sources={[]}
        exchangeNames={{}}
        now={new Date('2026-08-10T12:00:00Z')}
        onChange={() => undefined}
        protectionOn={false}
        onLookalikeProtection={() => Promise.resolve(true)}
        allowedHosts={[]}
        onAllowedHostRemove={() => undefined}
        onRefresh={() => Promise.resolve()}
        subscriptions={[]}
        onSubscribe={() => Promise.resolve({ ok: true })}
        onUnsubscribe={() => undefined}
        onReset={() => Promise.resolve(true)}
        {...props}
      />
    </I18nContext.Provider>,
    dom.root,
  );
  const box = () => dom.$('lookalike-protection') as HTMLInputElement;
  // linkedom keeps a box drawn ticked as the attribute, a box the user ticked as the property.
  const ticked = () => box().checked ?? box().hasAttribute('checked');
  const toggle = () => {
    box().checked = !box().checked;
    box().dispatchEvent(new dom.window.Event('change', { bubbles: true }));
  };
  return { ...dom, box, ticked, toggle };
}

describe('options: lookalike protection', () => {
  test('shows what the user has: the setting with the access, not the setting alone', async () => {
    const { ticked } = draw({ settings: { ...defaultSettings, lookalikeProtection: true }, protectionOn: false });
    await settle();
    expect(ticked()).toBe(false);
  });

  for (const [when, failing] of [
    ['turning it on', false],
    ['turning it off', true],
  ] as const) {
    test(`${when}: a browser or storage failure puts the box back and says so in the reader's language`, async () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const { ticked, toggle, $ } = draw({ protectionOn: failing, onLookalikeProtection: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) });
      await settle();
      toggle();
      await settle();
      expect(ticked()).toBe(failing);
      expect($('options-notice')?.textContent).toBe(t('lookalikeProtectionFailed'));
    });
  }

  test('declined: the box goes back and the page says why', async () => {
    const { ticked, toggle, $ } = draw({ onLookalikeProtection: () => Promise.resolve(false) });
    await settle();
    toggle();
    await settle();
    expect(ticked()).toBe(false);
    expect($('options-notice')?.textContent).toBe(t('permissionDeclined'));
  });
});

describe('options: the sites opened anyway', () => {
  test('none: a sentence says every lookalike gets the warning page', async () => {
    const { $ } = draw({ allowedHosts: [] });
    await settle();
    expect($('allowed-empty')?.textContent).toBe(t('lookalikeAllowedEmpty'));
    expect($('allowed-hosts')).toBeNull();
  });

  test('each listed with a Remove that names it; the focus stays on a Remove, then the sentence', async () => {
    const { window, root, $ } = page();
    const focused = recordFocus(window);
    const onAllowedHostRemove = vi.fn((_host: string) => Promise.resolve());
    function Glue() {
      const [hosts, setHosts] = useState(['binance-login.com', 'blnance.com']);
      return (
        <I18nContext.Provider value={sv}>
          <Options
            settings={defaultSettings}
            sources={[]}
            exchangeNames={{}}
            now={new Date('2026-08-10T12:00:00Z')}
            onChange={() => undefined}
            protectionOn={true}
            onLookalikeProtection={() => Promise.resolve(true)}
            allowedHosts={hosts}
            onAllowedHostRemove={(host) => {
              setHosts((before) => before.filter((allowed) => allowed !== host));
              return onAllowedHostRemove(host);
            }}
            onRefresh={() => Promise.resolve()}
            subscriptions={[]}
            onSubscribe={() => Promise.resolve({ ok: true })}
            onUnsubscribe={() => undefined}
            onReset={() => Promise.resolve(true)}
          />
        </I18nContext.Provider>
      );
    }
    render(<Glue />, root);
    await settle();
    const removes = () => [...root.querySelectorAll('[data-testid="allowed-hosts"] button')] as HTMLButtonElement[];
    expect(removes().map((button) => [button.textContent, button.getAttribute('aria-label')])).toEqual([
      [t('holdingsRemove'), t('lookalikeAllowedRemoveLabel', 'binance-login.com')],
      [t('holdingsRemove'), t('lookalikeAllowedRemoveLabel', 'blnance.com')],
    ]);
    removes()[0]?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    expect(onAllowedHostRemove).toHaveBeenCalledWith('binance-login.com');
    // The live region was in the page before, so the removal is read out, in the reader's language.
    expect($('allowed-removed')?.getAttribute('role')).toBe('status');
    expect($('allowed-removed')?.textContent).toBe(t('listRemoved', 'binance-login.com'));
    removes()[0]?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    expect($('allowed-empty')).not.toBeNull();
    expect($('allowed-removed')?.textContent).toBe(t('listRemoved', 'blnance.com'));
    expect(focused.slice(-2)).toEqual(['', 'allowed-empty']);
  });
});
