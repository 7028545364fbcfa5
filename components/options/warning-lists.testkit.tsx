import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { page, recordFocus, settle } from '../test-dom';
import type { OptionsProps } from '../Options';
import { WarningLists } from './WarningLists';

/** The lists section is tested in German: a missing or English string shows. */
export const t = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/de/messages.json'), 'utf8')) as Messages);
export const SIGNER = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';

/** The subscribe form with the lists section around it, in German (or `words`), answering with `onSubscribe`; the focus is recorded. */
export function setupLists(onSubscribe: OptionsProps['onSubscribe'], words: { t: typeof t; locale: string } = { t, locale: 'de' }) {
  const dom = page();
  const focused = recordFocus(dom.window);
  render(
    <I18nContext.Provider value={words}>
      <WarningLists subscriptions={[]} onSubscribe={onSubscribe} onUnsubscribe={() => undefined} onAllowAccess={() => Promise.resolve('granted' as const)} />
    </I18nContext.Provider>,
    dom.root,
  );
  const type = (testId: string, value: string) => {
    const input = dom.$(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  };
  const submit = () => dom.root.querySelector('form')?.dispatchEvent(new dom.window.Event('submit', { bubbles: true, cancelable: true }));
  /** Types a list's URL and maintainer address and subscribes, each step let run. */
  const subscribe = async (url: string, signer: string) => {
    type('list-url', url);
    type('list-signer', signer);
    await settle();
    submit();
    await settle();
  };
  return { ...dom, focused, type, submit, subscribe };
}
