import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { I18nContext, translateFrom } from '../utils/i18n';
import { RunNotifications, type RunNotificationsProps } from './RunNotifications';
import { effectsOnNextTask, page, settle } from './test-dom';
import { localeMessages } from '../utils/locale-files.testkit';

const t = translateFrom(localeMessages('en'));

function draw(props: Partial<RunNotificationsProps>) {
  const dom = page();
  render(
    <I18nContext.Provider value={{ t, locale: 'en' }}>
      <RunNotifications enabled={false} holdsOnExchange notificationsGranted={false} onChange={() => Promise.resolve(true)} {...props} />
    </I18nContext.Provider>,
    dom.root,
  );
  const box = () => dom.$('run-notify') as HTMLInputElement;
  // linkedom keeps a box drawn ticked as the attribute, a box the user ticked as the property.
  const ticked = () => box().checked ?? box().hasAttribute('checked');
  const toggle = () => {
    box().checked = !ticked();
    box().dispatchEvent(new dom.window.Event('change', { bubbles: true }));
  };
  const status = () => dom.root.querySelector('[role="status"]');
  return { ...dom, ticked, toggle, status };
}

describe('RunNotifications', () => {
  effectsOnNextTask();

  test('a declined permission: the box goes back, and why is said in a status that was there before the answer, so it is read out', async () => {
    const { ticked, toggle, status } = draw({ onChange: () => Promise.resolve(false) });
    await settle();
    const region = status();
    expect(region?.textContent).toBe('');
    // The second time the sentence is the same: the box must still go back by itself, and the sentence be a new text.
    const said: (ChildNode | null | undefined)[] = [];
    for (const _ of [1, 2]) {
      toggle();
      await settle();
      expect(ticked()).toBe(false);
      expect(region?.isConnected).toBe(true);
      expect(region?.textContent).toBe(t('runNotifyDeclined'));
      said.push(region?.firstChild);
    }
    expect(said[1]).not.toBe(said[0]);
  });

  for (const [when, enabled] of [
    ['turning them on', false],
    ['turning them off', true],
  ] as const) {
    test(`${when}: the browser refusing the request or storage the write puts the box back and says so`, async () => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const { ticked, toggle, status } = draw({ enabled, notificationsGranted: true, onChange: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) });
      await settle();
      for (const _ of [1, 2]) {
        toggle();
        await settle();
        expect(ticked()).toBe(enabled);
        expect(status()?.textContent).toBe(t('runNotifyFailed'));
      }
      expect(error).toHaveBeenCalled();
    });
  }

  test('a change that works after one that failed: the failure is no longer said', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fails = true;
    const { toggle, status } = draw({ onChange: () => (fails ? Promise.reject(new Error('Could not establish connection')) : Promise.resolve(true)) });
    await settle();
    toggle();
    await settle();
    expect(status()?.textContent).toBe(t('runNotifyFailed'));
    fails = false;
    toggle();
    await settle();
    expect(status()?.textContent).toBe('');
  });

  test('on in the settings without the permission (taken away in the browser): the page says there are no notifications', async () => {
    const { status, $ } = draw({ enabled: true, notificationsGranted: false });
    await settle();
    expect(status()?.textContent).toBe(t('runNotifyNoPermission'));
    expect($('run-notify-no-permission')?.textContent).toBe(t('runNotifyNoPermission'));
  });
});
