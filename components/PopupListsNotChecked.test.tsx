import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { I18nContext, translateFrom, type Messages } from '../utils/i18n';
import { Popup } from './Popup';
import { effectsOnNextTask, page, settle } from './test-dom';

/**
 * Warning lists Reserve Radar may not read (subscribed before it read each list with its host's
 * access, or the access taken away) are no longer checked: the popup, where users look, says how
 * many and opens the options page at the lists, where each can be allowed.
 */

const t = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../public/_locales/en/messages.json'), 'utf8')) as Messages);

function draw(load: () => Promise<number>, onOpenLists = () => undefined) {
  const dom = page();
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
  const none = () => Promise.resolve();
  render(
    <I18nContext.Provider value={{ t, locale: 'en' }}>
      <Popup
        tab={{ kind: 'not-exchange' }}
        loadAll={() => Promise.resolve([])}
        onWithdraw={() => undefined}
        onOpenOptions={() => undefined}
        onOpenVerify={() => undefined}
        onCopyText={none}
        onCopyImage={none}
        loadListsNotChecked={load}
        onOpenLists={onOpenLists}
      />
    </I18nContext.Provider>,
    dom.root,
  );
  return dom;
}

describe('the popup and warning lists that are not checked', () => {
  effectsOnNextTask();

  test('says how many, and its button opens the lists in the options', async () => {
    const onOpenLists = vi.fn();
    const dom = draw(() => Promise.resolve(3), onOpenLists);
    await vi.waitFor(() => expect(dom.$('popup-lists-not-checked')?.querySelector('p')?.textContent).toBe(t('listsNotChecked', '3')));
    const open = dom.$('popup-lists-open');
    expect(open?.textContent).toBe(t('listsNotCheckedOpen'));
    open?.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    expect(onOpenLists).toHaveBeenCalledOnce();
    render(null, dom.root);
  });

  test('says nothing when every list is checked', async () => {
    const load = vi.fn(() => Promise.resolve(0));
    const dom = draw(load);
    await vi.waitFor(() => expect(load).toHaveBeenCalled());
    await settle();
    expect(dom.$('popup-lists-not-checked')).toBeNull();
    render(null, dom.root);
  });
});
