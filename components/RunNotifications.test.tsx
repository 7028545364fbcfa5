import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { I18nContext, translateFrom, type Messages } from '../utils/i18n';
import { RunNotifications } from './RunNotifications';
import { effectsOnNextTask, page, settle } from './test-dom';

const t = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../public/_locales/en/messages.json'), 'utf8')) as Messages);

describe('RunNotifications', () => {
  effectsOnNextTask();

  test('a declined permission is said in a status that was there before the answer, so it is read out', async () => {
    const { window, root, $ } = page();
    render(
      <I18nContext.Provider value={{ t, locale: 'en' }}>
        <RunNotifications enabled={false} holdsOnExchange notificationsGranted={false} onChange={() => Promise.resolve(false)} />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    const status = root.querySelector('[role="status"]');
    expect(status?.textContent).toBe('');
    const box = $('run-notify') as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    expect(status?.isConnected).toBe(true);
    expect(status?.textContent).toBe(t('runNotifyNoPermission'));
    expect($('run-notify-no-permission')?.textContent).toBe(t('runNotifyNoPermission'));
  });
});
