// Draws the popup for its tests: not a test file itself (vitest runs *.test.ts(x) only).
import { render } from 'preact';
import { vi } from 'vitest';
import { localeMessages } from '../utils/locale-files.testkit';
import { I18nContext, translateFrom } from '../utils/i18n';
import type { Words } from './holdings-section.testkit';
import { Popup, type PopupProps } from './Popup';
import { page } from './test-dom';

/** A messages folder's words: its translator and the locale it writes (zh_CN writes zh-CN). */
export function wordsIn(folder = 'en'): Words {
  return { t: translateFrom(localeMessages(folder)), locale: folder.replace('_', '-') };
}

/** Animation frames come on the next task, as after a paint, instead of never (linkedom has none). */
export function framesOnNextTask() {
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
}

const none = () => Promise.resolve();

/** A popup on a page that is no exchange's, with an empty list, whose buttons do nothing and whose copies succeed. */
export const quietPopup: PopupProps = {
  tab: { kind: 'not-exchange' },
  loadAll: () => Promise.resolve([]),
  onWithdraw: () => undefined,
  onOpenOptions: () => undefined,
  onOpenVerify: () => undefined,
  onCopyText: none,
  onCopyImage: none,
};

/** The quiet popup with `props` put over it, to draw in a page of the test's own. */
export function popupWith(props: Partial<PopupProps> = {}) {
  return <Popup {...quietPopup} {...props} />;
}

/**
 * A fresh page (`document` stubbed to it) whose `draw(props)` draws the quiet popup with `props` over it in `words`,
 * again into the same root on each call, as the popup's page redraws it. Frames come on the next task unless the
 * test holds them itself (`ownFrames`).
 */
export function popupPage(words: Words = wordsIn(), { ownFrames = false } = {}) {
  const dom = page();
  if (!ownFrames) framesOnNextTask();
  const draw = (props: Partial<PopupProps> = {}) => render(<I18nContext.Provider value={{ t: words.t, locale: words.locale }}>{popupWith(props)}</I18nContext.Provider>, dom.root);
  const rows = () => [...dom.root.querySelectorAll('[data-testid="exchange-row"]')].map((row) => row.getAttribute('data-id'));
  return { ...dom, draw, rows };
}
