import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { exchanges, getExchange } from '../../lib/exchanges/registry';
import type { WithdrawalFacts } from '../../lib/exchanges/types';
import { I18nContext, translateFrom } from '../../utils/i18n';
import type { GuideExchange } from './Guide';
import { WhereToClick } from './WhereToClick';
import { chineseBracketProblems } from '../../lib/words/chinese-brackets.testkit';
import { chineseSentenceProblems } from '../../lib/words/chinese-sentences.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

function draw(exchange: GuideExchange, asset: string | null, locale = 'en'): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  const t = translateFrom(localeMessages(locale));
  render(
    <I18nContext.Provider value={{ t, locale: locale.replace('_', '-') }}>
      <WhereToClick exchange={exchange} asset={asset} />
    </I18nContext.Provider>,
    root,
  );
  return root;
}

const line = (root: HTMLElement, topic: string) => root.querySelector(`[data-testid="where-${topic}"]`)?.textContent ?? '';
const fromRegistry = (id: string): GuideExchange => {
  const exchange = getExchange(id)!;
  return { id, name: exchange.name, ...(exchange.withdrawal === undefined ? {} : { withdrawal: exchange.withdrawal }) };
};

const seen = { source: 'https://help.example.test/withdraw', asOf: '2026-12-05', dated: 'seen' } as const;
const example = (withdrawal: WithdrawalFacts): GuideExchange => ({ id: 'example', name: 'Example', withdrawal });

describe('Where to click', () => {
  test.each(['fr', 'zh_CN'])('in %s, the exchange’s English menu path is its own words, marked English, with no "not translated" label mid-sentence', (locale) => {
    const root = draw(fromRegistry('binance'), 'BTC', locale);
    const menus = [...root.querySelectorAll('[data-testid="where-menu"]')];
    expect(menus.map((menu) => menu.textContent)).toContain('Security › Address Management');
    for (const menu of menus) expect(menu.getAttribute('lang')).toBe('en');
    // Marked as the site's own words, so the every-language check takes its English as words to look for, not as an untranslated message.
    for (const menu of menus) expect(menu.hasAttribute('data-site-words')).toBe(true);
    expect(root.textContent).not.toMatch(/traduit|翻译/);
  });

  test('puts the coin into a per-coin withdrawal link, and asks for the coin first', () => {
    const exchange = example({
      page: { status: 'deep-link', url: 'https://www.example.test/withdraw/{asset}', ...seen },
      whitelist: { status: 'unknown' },
      newAddressLock: { status: 'unknown' },
      networkFees: { status: 'unknown' },
    });
    const link = draw(exchange, 'USDT').querySelector('[data-testid="where-withdrawal-page-link"]');
    expect(link?.getAttribute('href')).toBe('https://www.example.test/withdraw/USDT');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.textContent).toBe("Open Example's withdrawal page");
    const root = draw(exchange, null);
    expect(root.querySelector('[data-testid="where-withdrawal-page-link"]')).toBeNull();
    expect(line(root, 'withdrawal-page')).toMatch(/^Withdrawal page: enter the coin above/);
  });

  test('says a hold of whole days in days, a shorter one in hours, and one without a length as such', () => {
    expect(line(draw(fromRegistry('gemini'), null), 'new-address-lock')).toMatch(/for 7 days\. With it on/);
    expect(line(draw(fromRegistry('okx'), null), 'new-address-lock')).toMatch(/for 24 hours\. With it on/);
    expect(line(draw(fromRegistry('kraken'), null), 'new-address-lock')).toMatch(
      /^Hold on new addresses: after a password change, Kraken can hold withdrawals to a newly added address for 12 hours\./,
    );
    const bybit = line(draw(fromRegistry('bybit'), null), 'new-address-lock');
    expect(bybit).toMatch(/we could not confirm how long it lasts/);
    expect(bybit).toContain('The setting is under Account and Security.');
  });

  test("names the exchange's menus in its own (English) words, in the reader's language around them", () => {
    const root = draw(fromRegistry('crypto-com'), 'BTC', 'sv');
    expect(root.querySelector('h3')?.textContent).toBe('Var du klickar hos Crypto.com');
    expect(line(root, 'withdrawal-page')).toMatch(/^Uttagssidan: öppna appen från Crypto.com själv\. Gå sedan till Accounts › Crypto Wallet › Transfer › Withdraw › External Wallet\./);
    const menu = root.querySelector('[data-testid="where-withdrawal-page"] .menu-path');
    expect(menu?.getAttribute('lang')).toBe('en');
    expect(menu?.textContent).toBe('Accounts › Crypto Wallet › Transfer › Withdraw › External Wallet');
    expect(line(root, 'network-fees')).toContain('Titta under Settings › Fees & Limits.');
    expect(line(root, 'whitelist')).toMatch(/^Godkända adresser \(whitelist\): Crypto.com kräver alltid/);
  });

  test('in Chinese each source is an aside in full-width parentheses, with no space before', () => {
    const root = draw(fromRegistry('kraken'), 'BTC', 'zh_CN');
    const sources = [...root.querySelectorAll('li')].map((item) => item.textContent ?? '').filter((text) => text.includes('\uff08'));
    expect(sources.length).toBeGreaterThan(0);
    for (const item of root.querySelectorAll('li')) expect(chineseBracketProblems(item.textContent ?? ''), item.textContent ?? '').toEqual([]);
  });

  test('in Chinese a menu path ends its sentence with "。", and what follows a full-width mark comes with no space', () => {
    const menus = draw(fromRegistry('crypto-com'), 'BTC', 'zh_CN');
    expect(line(menus, 'withdrawal-page')).toMatch(/External Wallet\u3002/);
    for (const exchange of exchanges.filter((entry) => entry.withdrawal !== undefined)) {
      const root = draw(fromRegistry(exchange.id), 'BTC', 'zh_CN');
      for (const item of root.querySelectorAll('li')) expect(chineseSentenceProblems(item.textContent ?? ''), `${exchange.id}: ${item.textContent}`).toEqual([]);
    }
  });

  test('an exchange with no entry gets four plain unknowns and nothing to click', () => {
    const root = draw(fromRegistry('bitvavo'), 'BTC');
    for (const topic of ['withdrawal-page', 'whitelist', 'new-address-lock', 'network-fees']) expect(line(root, topic), topic).toMatch(/^We could not confirm/);
    expect(root.querySelectorAll('a').length).toBe(0);
  });

  // Every link in the box is the exchange's own page: an action link, or a fact's source (on its domains, by the registry's rule).
  test('says links open the exchange’s pages only when the box has a link', () => {
    const none = draw(fromRegistry('bitvavo'), 'BTC');
    expect(none.querySelectorAll('a').length).toBe(0);
    expect(none.querySelector('[data-testid="where-never-fills"]')).toBeNull();
    const sourcesOnly = draw(fromRegistry('okx'), 'BTC');
    expect(sourcesOnly.querySelector('[data-testid$="-link"]')).toBeNull();
    expect(sourcesOnly.querySelectorAll('a').length).toBeGreaterThan(0);
    expect(sourcesOnly.querySelector('[data-testid="where-never-fills"]')).not.toBeNull();
  });
});
