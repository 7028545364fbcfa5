import { describe, expect, test } from 'vitest';
import { bundledSnapshot } from '../reserves/snapshot';
import { knownBadIndex, type KnownBad } from '../exchanges/known-bad';
import { isExchangeOwnUrl, tabStateForUrl } from './tab-state';

// Made-up hosts and list: what is tested is how a listing meets the rules' verdict.
const now = new Date('2026-12-05T12:00:00Z');
const section: KnownBad = {
  lists: [
    {
      id: 'one',
      name: 'Example phishing list',
      url: 'https://lists.example/one.json',
      fetchedAt: '2026-12-04T06:00:00.000Z',
      sha256: 'c'.repeat(64),
      hosts: [
        ['quiet-harbor-rewards.com', 'kraken'],
        ['kraken.com', 'kraken'],
        ['kraken-logins-support.com', 'coinbase'],
        ['meadow-ledger.example', 'not-in-this-registry'],
        ['xn--mnchen-preise-tickets-8hc.com', 'kraken'],
      ],
    },
  ],
};
const index = knownBadIndex(section);
const state = (url: string) => tabStateForUrl({ url, snapshot: bundledSnapshot(), now, listingFor: (host) => index.find(host, now) });

describe('tabStateForUrl with a phishing list', () => {
  test('a host the rules pass but a list names is a lookalike of the exchange the list says, with the list as its reason', () => {
    expect(tabStateForUrl({ url: 'https://login.quiet-harbor-rewards.com/', snapshot: bundledSnapshot(), now }).kind).toBe('not-exchange');
    expect(state('https://login.quiet-harbor-rewards.com/')).toMatchObject({
      kind: 'lookalike',
      host: 'login.quiet-harbor-rewards.com',
      imitates: { id: 'kraken', domain: 'kraken.com' },
      explanation: {
        code: 'listed',
        host: 'login.quiet-harbor-rewards.com',
        brand: 'quiet-harbor-rewards.com',
        list: { name: 'Example phishing list', source: 'https://lists.example/one.json', asOf: '2026-12-04T06:00:00.000Z' },
      },
    });
  });

  test("an exchange's own site stays the exchange whatever a list says", () => {
    expect(state('https://www.kraken.com/')).toMatchObject({ kind: 'exchange', host: 'www.kraken.com' });
  });

  test('where the rules already see a lookalike, their own reason and exchange stand', () => {
    expect(state('https://kraken-logins-support.com/')).toMatchObject({ kind: 'lookalike', imitates: { id: 'kraken' }, explanation: { code: 'token' } });
  });

  test('a listing of an exchange this version does not know is not shown', () => {
    expect(state('https://meadow-ledger.example/').kind).toBe('not-exchange');
  });

  test('a list read longer ago than the limit gives no warning', () => {
    const later = new Date('2027-02-01T00:00:00Z');
    expect(tabStateForUrl({ url: 'https://quiet-harbor-rewards.com/', snapshot: bundledSnapshot(), now: later, listingFor: (host) => index.find(host, later) }).kind).toBe('not-exchange');
  });

  test('a listed international name is shown in both spellings, as the rules show theirs', () => {
    expect(state('https://xn--mnchen-preise-tickets-8hc.com/')).toMatchObject({
      kind: 'lookalike',
      explanation: { code: 'listed', host: 'xn--mnchen-preise-tickets-8hc.com (münchen-preise-tickets.com)' },
    });
  });
});

describe('isExchangeOwnUrl: the tab addresses the background may keep', () => {
  test.each(['https://www.kraken.com/', 'https://accounts.binance.com/en/login?next=/trade', 'http://KRAKEN.COM./'])('%s is an exchange’s own', (url) => {
    expect(isExchangeOwnUrl(url)).toBe(true);
  });

  test.each([
    undefined,
    'file:///home/me/private.pdf',
    'https://mail.example.org/reset?token=SECRET',
    'https://kraken.com.evil.io/',
    'https://binance-login.com/en/login',
    'view-source:https://www.kraken.com/',
    'chrome-extension://abc/options.html',
    'https://1.2.3.4/',
    'not a url',
  ])('%s is not', (url) => {
    expect(isExchangeOwnUrl(url)).toBe(false);
  });
});
