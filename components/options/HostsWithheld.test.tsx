import { render } from 'preact';
import { useState } from 'preact/hooks';
import { describe, expect, test, vi } from 'vitest';
import { type I18n, I18nContext, translateFrom } from '../../utils/i18n';
import type { AccessAnswer } from '../../utils/permissions';
import { Options, type OptionsProps } from '../Options';
import { effectsOnNextTask, page, settle } from '../test-dom';
import { quietOptions } from './options.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const en: I18n = { t: translateFrom(localeMessages('en')), locale: 'en' };
const t = en.t;

effectsOnNextTask();

function draw(props: Partial<OptionsProps>) {
  const dom = page();
  let setHeld: (held: boolean) => void = () => undefined;
  function Glue() {
    const [hostsHeld, set] = useState(props.hostsHeld ?? true);
    setHeld = set;
    return (
      <I18nContext.Provider value={en}>
        <Options {...quietOptions} {...props} hostsHeld={hostsHeld} />
      </I18nContext.Provider>
    );
  }
  render(<Glue />, dom.root);
  const button = () => dom.$('hosts-regrant');
  return { ...dom, button, setHeld: (held: boolean) => setHeld(held) };
}

/** Whether `element` or one of its ancestors has `role`. */
function within(element: Element | null, role: string): boolean {
  for (let node = element; node !== null; node = node.parentElement) if (node.getAttribute('role') === role) return true;
  return false;
}

/** A request the test answers when it wants. */
function pending() {
  let answer: (answer: AccessAnswer) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const onRegrantHosts = vi.fn(
    () =>
      new Promise<AccessAnswer>((resolve, reject) => {
        answer = resolve;
        fail = reject;
      }),
  );
  return { onRegrantHosts, answer: (said: AccessAnswer) => answer(said), fail: (error: Error) => fail(error) };
}

describe('options: the required hosts withheld', () => {
  test('withheld at load: the notice is in the first draw, says why, and is no alert', () => {
    const { $, button } = draw({ hostsHeld: false });
    // No settle: the first draw, before any effect.
    const notice = $('hosts-withheld');
    expect(notice).not.toBeNull();
    expect(within(notice, 'alert')).toBe(false);
    expect(notice?.querySelector('[role="alert"]')).toBeNull();
    expect(notice?.querySelector('p')?.textContent).toBe(t('hostAccessWithheld'));
    expect(t('hostAccessWithheld')).toContain('Chrome does this when an extension gives up its access to all sites');
    expect(button()?.textContent).toBe('Allow access again');
  });

  test('held: no notice', async () => {
    const { $ } = draw({ hostsHeld: true });
    await settle();
    expect($('hosts-withheld')).toBeNull();
  });

  test('withheld while the page is open: the notice comes in a status region that was there before it, so it is read out politely', async () => {
    const { $, setHeld } = draw({ hostsHeld: true });
    await settle();
    const region = $('hosts-status');
    expect(region?.getAttribute('role')).toBe('status');
    setHeld(false);
    await settle();
    expect($('hosts-withheld')?.parentElement).toBe(region);
    expect(within($('hosts-withheld'), 'alert')).toBe(false);
  });

  test('the request refused: the button is busy while the browser asks, then says so in plain words and can be pressed again', async () => {
    const request = pending();
    const { $, button, press } = draw({ hostsHeld: false, onRegrantHosts: request.onRegrantHosts });
    await settle();
    expect(button()?.getAttribute('aria-disabled')).toBe('false');
    press('hosts-regrant');
    await settle();
    expect(button()?.getAttribute('aria-disabled')).toBe('true');
    // A second press while the browser's prompt is open asks nothing more.
    press('hosts-regrant');
    expect(request.onRegrantHosts).toHaveBeenCalledTimes(1);
    request.answer('declined');
    await settle();
    expect($('hosts-regrant-notice')?.textContent).toBe(t('hostAccessDeclined'));
    expect(button()?.getAttribute('aria-disabled')).toBe('false');
    press('hosts-regrant');
    expect(request.onRegrantHosts).toHaveBeenCalledTimes(2);
    // The sentence goes at the next press, so the same one said again is read out again.
    await settle();
    expect($('hosts-regrant-notice')?.textContent ?? '').toBe('');
  });

  test.each(['failed', 'rejected'] as const)('the browser failing to ask (%s: no gesture, a policy): says so in plain words and can be pressed again', async (said) => {
    const request = pending();
    const { $, button, press } = draw({ hostsHeld: false, onRegrantHosts: request.onRegrantHosts });
    await settle();
    press('hosts-regrant');
    request.answer(said);
    await settle();
    expect($('hosts-regrant-notice')?.textContent).toBe(t('hostAccessRequestFailed'));
    expect(button()?.getAttribute('aria-disabled')).toBe('false');
    press('hosts-regrant');
    expect(request.onRegrantHosts).toHaveBeenCalledTimes(2);
  });

  test('a fault past the request (it throws): said as a request that failed, logged, and the button works again', async () => {
    const request = pending();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { $, button, press } = draw({ hostsHeld: false, onRegrantHosts: request.onRegrantHosts });
    await settle();
    press('hosts-regrant');
    request.fail(new Error('boom'));
    await settle();
    expect($('hosts-regrant-notice')?.textContent).toBe(t('hostAccessRequestFailed'));
    expect(error).toHaveBeenCalledWith(expect.stringContaining('access'), expect.any(Error));
    expect(button()?.getAttribute('aria-disabled')).toBe('false');
  });

  test('granted: no sentence, the button is free again', async () => {
    const request = pending();
    const { $, button, press } = draw({ hostsHeld: false, onRegrantHosts: request.onRegrantHosts });
    await settle();
    press('hosts-regrant');
    request.answer('granted');
    await settle();
    expect($('hosts-regrant-notice')).toBeNull();
    expect(button()?.getAttribute('aria-disabled')).toBe('false');
  });

  test('granted: the notice goes with the hosts, and no sentence is left for a later notice', async () => {
    const request = pending();
    const { $, press, setHeld } = draw({ hostsHeld: false, onRegrantHosts: request.onRegrantHosts });
    await settle();
    press('hosts-regrant');
    request.answer('declined');
    await settle();
    expect($('hosts-regrant-notice')?.textContent).toBe(t('hostAccessDeclined'));
    setHeld(true);
    await settle();
    expect($('hosts-withheld')).toBeNull();
    setHeld(false);
    await settle();
    expect($('hosts-regrant-notice')?.textContent ?? '').toBe('');
  });

  test('a reset that left the hosts withheld (Chromium, the access to all sites given up): "Reset done" says so, with a link to the notice', async () => {
    const glue = draw({
      hostsHeld: true,
      onReset: async () => {
        glue.setHeld(false);
        return true;
      },
    });
    await settle();
    glue.press('reset');
    await settle();
    glue.press('reset-confirm');
    await settle();
    const notice = glue.$('options-notice');
    expect(notice?.textContent).toBe(`${t('resetDone')} ${t('hostAccessWithheldSee')}`);
    expect(notice?.querySelector('a')?.getAttribute('href')).toBe('#sources-title');
  });

  test('a reset with the hosts still held says only "Reset done"', async () => {
    const { $, press } = draw({ hostsHeld: true });
    await settle();
    press('reset');
    await settle();
    press('reset-confirm');
    await settle();
    expect($('options-notice')?.textContent).toBe(t('resetDone'));
  });
});
