import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import type { ActiveWarning } from '../lib/community/active-warnings';
import type { WarningSubscription } from '../lib/community/subscription';
import { subscriptionLineMarked } from '../lib/words/warning-list-words';
import { getExchange } from '../lib/exchanges/registry';
import { evaluateRun } from '../lib/risk/run-signals';
import { buildExchangeView } from '../lib/view/exchange-view';
import { runAlertView } from '../lib/view/run-alert-view';
import { reasonText } from '../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom, type Messages } from '../utils/i18n';
import { ExchangeCard } from './ExchangeCard';
import { RunAlert } from './RunAlert';
import { WarningLists } from './options/WarningLists';
import { effectsOnNextTask, page } from './test-dom';
import { localeMessages } from '../utils/locale-files.testkit';

effectsOnNextTask();

/**
 * Text from a warning list is in its maintainer's language, not the reader's: it carries the
 * list's `lang` (screen readers pronounce it in that language) and, where that is not the
 * reader's language, the same "not translated" words our own English notes carry. A list that
 * does not say its language has its text marked unknown (`lang=""`), with nothing said about it.
 */

const now = new Date('2026-12-04T12:00:00Z');
const messagesOf = (locale: string) => localeMessages(locale);
const de = messagesOf('de');

function warning(listLang: string | undefined): ActiveWarning {
  return {
    exchange: 'kraken',
    severity: 'danger',
    title: 'Withdrawals halted',
    body: 'Users report no withdrawals since Monday.',
    sources: ['https://example.org/report'],
    published: '2026-12-01T00:00:00Z',
    expires: '2027-01-01T00:00:00Z',
    listName: 'Exchange Watch',
    listHost: 'lists.example.org',
    listSequence: 1,
    ...(listLang === undefined ? {} : { listLang }),
  };
}

function drawCard(listLang: string | undefined, locale = 'de') {
  const dom = page();
  const view = buildExchangeView({ exchange: getExchange('kraken')!, reserves: undefined, now, warnings: [warning(listLang)] });
  render(
    <I18nContext.Provider value={{ t: translateFrom(messagesOf(locale)), locale: locale.replace('_', '-') }}>
      <ReasonWordsContext.Provider value={reasonText}>
        <ExchangeCard view={view} />
      </ReasonWordsContext.Provider>
    </I18nContext.Provider>,
    dom.root,
  );
  return dom;
}

function drawAlert(listLang: string | undefined, locale = 'de') {
  const dom = page();
  const evaluation = evaluateRun({ exchange: { ownTokens: [] }, reserves: undefined, warnings: [warning(listLang)], now });
  const view = runAlertView({ exchange: { id: 'kraken', name: 'Kraken' }, evaluation, state: { phase: 'alert', startedAt: now.toISOString(), raisedBy: ['warning-list'] }, now });
  if (view === undefined) throw new Error('no alert view');
  render(
    <I18nContext.Provider value={{ t: translateFrom(messagesOf(locale)), locale }}>
      <RunAlert alert={view} onWithdraw={() => undefined} />
    </I18nContext.Provider>,
    dom.root,
  );
  return dom;
}

/** The element holding exactly `text`, and the "not translated" label just before it, if any. */
function marked(root: HTMLElement, text: string) {
  const holder = [...root.querySelectorAll('[lang]')].find((element) => element.textContent === text);
  return { lang: holder?.getAttribute('lang'), label: holder?.closest('[data-source-words]')?.querySelector('.source-words__label')?.textContent };
}

describe('warning-list text says its language', () => {
  test('an English list inside the German card: lang="en" on title, body and list name, and the event notes’ words', () => {
    const { root } = drawCard('en');
    const items = [...root.querySelectorAll('li[data-kind="warning"], li.warning')];
    expect(items).toHaveLength(2);
    for (const item of items as HTMLElement[]) {
      expect(marked(item, 'Withdrawals halted')).toEqual({ lang: 'en', label: de.dataNotTranslated!.message });
      expect(marked(item, 'Exchange Watch').lang).toBe('en');
    }
    expect(marked(root.querySelector('li.warning') as HTMLElement, 'Users report no withdrawals since Monday.').lang).toBe('en');
  });

  test('a list in another language names it in the reader’s words', () => {
    const { root } = drawCard('fr');
    expect(marked(root, 'Withdrawals halted')).toEqual({ lang: 'fr', label: 'Nicht übersetzt, auf Französisch:' });
  });

  test('in Chinese the host comes before the name, each in its own slot, in full-width parentheses, and no space follows the full-width colon', () => {
    const { root } = drawCard('en', 'zh_CN');
    // The list's line is an aside in full-width parentheses, with no space before.
    expect(root.textContent).toContain('Withdrawals halted（来自 lists.example.org 的“Exchange Watch”）');
    expect(marked(root, 'Exchange Watch').lang).toBe('en');
    expect(root.textContent).toContain('未翻译，英文原文：Withdrawals halted');
  });

  test('a list in the reader’s language is marked with its own tag and says nothing more', () => {
    const { root } = drawCard('de-CH');
    expect(marked(root, 'Withdrawals halted')).toEqual({ lang: 'de-CH', label: undefined });
    expect(root.textContent).not.toContain('Nicht übersetzt');
  });

  test('a list that does not say its language: lang="" (unknown) on its text, and no claim about it', () => {
    const { root } = drawCard(undefined);
    for (const text of ['Withdrawals halted', 'Exchange Watch', 'Users report no withdrawals since Monday.']) expect(marked(root, text)).toEqual({ lang: '', label: undefined });
    expect(root.textContent).not.toContain('Nicht übersetzt');
  });

  test('the run alert a list raised marks the list’s name and title the same way', () => {
    const { root } = drawAlert('en');
    const reason = root.querySelector('[data-signal="warning-list"]') as HTMLElement;
    expect(marked(reason, 'Withdrawals halted')).toEqual({ lang: 'en', label: de.dataNotTranslated!.message });
    expect(marked(reason, 'Exchange Watch').lang).toBe('en');
    expect(reason.textContent).toMatch(/^Warnliste „Exchange Watch“: Nicht übersetzt, auf Englisch: Withdrawals halted/);
    const unknown = drawAlert(undefined).root.querySelector('[data-signal="warning-list"]') as HTMLElement;
    expect(marked(unknown, 'Withdrawals halted')).toEqual({ lang: '', label: undefined });
  });
});

describe('the options page marks a list’s name in its line', () => {
  const state: WarningSubscription = {
    url: 'https://lists.example.org/a.json',
    expectedSigner: '0x8ba1f109551bD432803012645Ac136ddd64DBA72',
    lastCheck: now.toISOString(),
    lastGood: {
      list: { name: 'Exchange Watch', sequence: 3, issued: '2026-12-01T00:00:00Z', expires: '2027-01-01T00:00:00Z', entries: [] },
      sequence: 3,
      verifiedAt: now.toISOString(),
      signer: '0x8ba1f109551bD432803012645Ac136ddd64DBA72',
      hash: '0x00',
      signature: '0x00',
    },
  };
  /** The line as the background words it, in `messages`, with the name's place; the row the page gets. */
  function drawRow(listLang: string | undefined, messages: Messages, locale: string) {
    const dom = page();
    const t = translateFrom(messages);
    const { message, nameAt } = subscriptionLineMarked({ state, now, locale }, t);
    const row = { url: state.url, expectedSigner: state.expectedSigner, health: 'ok' as const, message, listName: 'Exchange Watch', ...(nameAt === undefined ? {} : { nameAt }) };
    render(
      <I18nContext.Provider value={{ t, locale }}>
        <WarningLists
          subscriptions={[listLang === undefined ? row : { ...row, listLang }]}
          onSubscribe={() => Promise.resolve({ ok: true })}
          onUnsubscribe={() => undefined}
          onAllowAccess={() => Promise.resolve('granted' as const)}
        />
      </I18nContext.Provider>,
      dom.root,
    );
    return { dom, message };
  }

  const using = (text: string) => (messages: Messages) => ({ ...messages, listsStateUsing: { message: text } });
  const locales = readdirSync(join(import.meta.dirname, '../public/_locales')).map((folder) => [folder, (messages: Messages) => messages] as const);
  test.each([...locales, ['sv', using('Använder ”$1” nummer $2 ($3), verifierad $4.')], ['en', using('「$1」第$2号（$3）、$4に確認。')]] as const)(
    'in %s, with the list’s language or as unknown, the line’s words unchanged (whatever quotes it uses)',
    (folder, variant) => {
      for (const [lang, expected] of [
        ['en', 'en'],
        [undefined, ''],
      ] as const) {
        const { dom, message } = drawRow(lang, variant(messagesOf(folder)), folder.replace('_', '-'));
        const line = dom.root.querySelector('.subscription__state') as HTMLElement;
        expect(line.textContent).toBe(message);
        expect(marked(line, 'Exchange Watch').lang).toBe(expected);
        render(null, dom.root);
      }
    },
  );
});
