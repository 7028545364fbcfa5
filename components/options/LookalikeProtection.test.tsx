import { render } from 'preact';
import { useState } from 'preact/hooks';
import { describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../../lib/settings';
import { type I18n, I18nContext, translateFrom } from '../../utils/i18n';
import { Options, type OptionsProps } from '../Options';
import { focusAfterRemovedElsewhere } from '../focus-after-remove.testkit';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { quietOptions } from './options.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const sv: I18n = { t: translateFrom(localeMessages('sv')), locale: 'sv' };
const t = sv.t;

effectsOnNextTask();

function draw(props: Partial<OptionsProps>) {
  const dom = page();
  render(
    <I18nContext.Provider value={sv}>
      <Options {...quietOptions} onLookalikeProtection={() => Promise.resolve(true)} {...props} />
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

  /** The page with protection as its state: `onLookalikeProtection` is given a way to change it, as the access going would. */
  function drawLive(onLookalikeProtection: (enabled: boolean, setProtection: (on: boolean) => void) => Promise<boolean>, initial: boolean) {
    const dom = page();
    function Glue() {
      const [protectionOn, setProtection] = useState(initial);
      return (
        <I18nContext.Provider value={sv}>
          <Options {...quietOptions} protectionOn={protectionOn} onLookalikeProtection={(enabled) => onLookalikeProtection(enabled, setProtection)} />
        </I18nContext.Provider>
      );
    }
    render(<Glue />, dom.root);
    const box = () => dom.$('lookalike-protection') as HTMLInputElement;
    const ticked = () => box().checked ?? box().hasAttribute('checked');
    const toggle = () => {
      box().checked = !box().checked;
      box().dispatchEvent(new dom.window.Event('change', { bubbles: true }));
    };
    return { ...dom, ticked, toggle };
  }

  for (const [when, failing] of [
    ['turning it on', false],
    ['turning it off', true],
  ] as const) {
    // The second time the notice is already the same, so nothing else draws the page again: the box must go back by itself.
    test(`${when}: a browser or storage failure, twice in a row, puts the box back each time and says so in the reader's language`, async () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const { ticked, toggle, $ } = draw({ protectionOn: failing, onLookalikeProtection: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) });
      await settle();
      for (const _ of [1, 2]) {
        toggle();
        await settle();
        expect(ticked()).toBe(failing);
        expect($('lookalike-notice')?.textContent).toBe(t('lookalikeProtectionFailed'));
      }
    });
  }

  test('turning it off: the access went but storage refused the setting: the box shows off, as protection now stands, not the old "on"', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let calls = 0;
    const { ticked, toggle, $ } = drawLive(async (_enabled, setProtection) => {
      calls += 1;
      // The first attempt fails before anything changed; the second after the browser took the access away.
      if (calls === 2) {
        setProtection(false);
        await settle();
      }
      throw new Error('QUOTA_BYTES quota exceeded');
    }, true);
    await settle();
    toggle();
    await settle();
    expect(ticked()).toBe(true);
    toggle();
    await settle();
    expect(ticked()).toBe(false);
    expect($('lookalike-notice')?.textContent).toBe(t('lookalikeProtectionFailed'));
  });

  test('declined: the box goes back and the page says why', async () => {
    const { ticked, toggle, $ } = draw({ onLookalikeProtection: () => Promise.resolve(false) });
    await settle();
    toggle();
    await settle();
    expect(ticked()).toBe(false);
    expect($('lookalike-notice')?.textContent).toBe(t('permissionDeclined'));
  });

  test('declined twice: the second time the sentence is a new text, so it is read out again', async () => {
    const { ticked, toggle, $ } = draw({ onLookalikeProtection: () => Promise.resolve(false) });
    await settle();
    const said: (ChildNode | null | undefined)[] = [];
    for (const _ of [1, 2]) {
      toggle();
      await settle();
      expect(ticked()).toBe(false);
      expect($('lookalike-notice')?.textContent).toBe(t('permissionDeclined'));
      said.push($('lookalike-notice')?.firstChild);
    }
    expect(said[1]).not.toBe(said[0]);
  });

  test('declined, then granted: the refusal is no longer said beside the ticked box', async () => {
    let grant = false;
    const { ticked, toggle, $ } = drawLive(async (enabled, setProtection) => {
      if (grant) setProtection(enabled);
      return grant;
    }, false);
    await settle();
    toggle();
    await settle();
    expect($('lookalike-notice')?.textContent).toBe(t('permissionDeclined'));
    grant = true;
    toggle();
    await settle();
    expect(ticked()).toBe(true);
    expect($('lookalike-notice')?.textContent).toBe('');
  });

  test('its words are said beside the switch, and leave what the page said before in place', async () => {
    const { toggle, press, $, root } = draw({ onLookalikeProtection: () => Promise.resolve(false) });
    await settle();
    press('refresh-now');
    await settle();
    expect($('options-notice')?.textContent).toBe(t('refreshDone'));
    toggle();
    await settle();
    expect($('lookalike-notice')?.textContent).toBe(t('permissionDeclined'));
    expect($('lookalike-notice')?.getAttribute('role')).toBe('status');
    expect($('lookalike-notice')?.closest('section')?.querySelector('[data-testid="lookalike-protection"]')).not.toBeNull();
    expect($('options-notice')?.textContent).toBe(t('refreshDone'));
    expect(root.textContent?.split(t('permissionDeclined')).length).toBe(2);
  });
});

describe('options: the sites opened anyway', () => {
  test('none: a sentence says no site is exempt from the warning page', async () => {
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
            {...quietOptions}
            protectionOn={true}
            onLookalikeProtection={() => Promise.resolve(true)}
            allowedHosts={hosts}
            onAllowedHostRemove={(host) => {
              setHosts((before) => before.filter((allowed) => allowed !== host));
              return onAllowedHostRemove(host);
            }}
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

  test("a site that could not be removed: the page says so in the reader's language", async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { root, window, $ } = draw({ allowedHosts: ['binance-login.com'], onAllowedHostRemove: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) });
    const focused = recordFocus(window);
    await settle();
    root.querySelector('[data-testid="allowed-hosts"] button')?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    // Said under the list, shown as well as read out, where the Remove that failed (and keeps the focus) still is.
    expect($('allowed-removed')?.textContent).toBe(t('lookalikeAllowedRemoveFailed'));
    expect($('allowed-removed')?.getAttribute('class')).toBe('removal-failed');
    expect(focused).toEqual([]);
    expect($('options-notice')?.textContent).toBe('');
    expect(error).toHaveBeenCalled();
  });
});

describe('options: a site whose removal failed', () => {
  test('stays listed; when it goes later for another reason, the focus stays and nothing is said', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { window, root, $ } = page();
    const focused = recordFocus(window);
    let elsewhere: (hosts: string[]) => void = () => undefined;
    function Glue() {
      const [hosts, setHosts] = useState(['binance-login.com', 'blnance.com']);
      elsewhere = setHosts;
      return (
        <I18nContext.Provider value={sv}>
          <Options
            {...quietOptions}
            protectionOn={true}
            onLookalikeProtection={() => Promise.resolve(true)}
            allowedHosts={hosts}
            onAllowedHostRemove={() => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))}
          />
        </I18nContext.Provider>
      );
    }
    render(<Glue />, root);
    await settle();
    root.querySelector('[data-testid="allowed-hosts"] button')?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    expect($('allowed-removed')?.textContent).toBe(t('lookalikeAllowedRemoveFailed'));
    const before = focused.length;
    // Another options page removes it: storage draws the list without it.
    elsewhere(['blnance.com']);
    await settle();
    expect($('allowed-hosts')?.textContent).not.toContain('binance-login.com');
    expect(focused.length).toBe(before);
    expect($('allowed-removed')?.textContent).toBe('');
  });
});

describe('options: a site removed on another page', () => {
  test('while its Remove has the focus: the focus goes to the list heading, not the page', async () => {
    const { window, root } = page();
    recordFocus(window);
    const draw = (hosts: string[]) =>
      render(
        <I18nContext.Provider value={sv}>
          <Options {...quietOptions} protectionOn={true} onLookalikeProtection={() => Promise.resolve(true)} allowedHosts={hosts} />
        </I18nContext.Provider>,
        root,
      );
    draw(['binance-login.com', 'blnance.com']);
    await settle();
    const removes = () => root.querySelectorAll('[data-testid="allowed-hosts"] button');
    expect(await focusAfterRemovedElsewhere(window, removes()[1], () => draw(['binance-login.com']))).toBe('allowed-title');
    expect(await focusAfterRemovedElsewhere(window, removes()[0], () => draw([]))).toBe('allowed-title');
    render(null, root);
  });
});
