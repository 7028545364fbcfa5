import { render, type ComponentChild } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { parseHoldingsState, type HoldingsState } from '../lib/holdings/model';
import type { PriceTable } from '../lib/holdings/prices';
import { translateFrom } from '../utils/i18n';
import { HoldingsMini } from './HoldingsMini';
import { drawHoldingsSection, mountInWords } from './holdings-section.testkit';
import { localeMessages } from '../utils/locale-files.testkit';

/** What the pages say while a watched address is unread: unknown, never "$0.00", and one account of why. */

const t = translateFrom(localeMessages('en'));
const asOf = '2026-12-06T09:00:00Z';
const prices: PriceTable = { fetchedAt: Date.parse(asOf), prices: { ETH: { usd: 2000, asOf, source: 'https://coins.llama.fi/prices' } }, fiat: {} };
const watched = [{ id: 'w', address: '0x000000000000000000000000000000000000dEaD', chainIds: [1] }];
const binanceEth = { id: 'a', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 1, updatedAt: 0 };

afterEach(() => vi.unstubAllGlobals());

const mount = (node: ComponentChild) => mountInWords(node, { t, locale: 'en' }).root;

function section(holdings: unknown[]) {
  const state = parseHoldingsState({ holdings, addresses: watched, history: [] }) as HoldingsState;
  if (state.addresses.length !== 1) throw new Error('the fixture does not parse');
  const { root } = drawHoldingsSection({ t, locale: 'en' }, { state, prices, exchangeNames: { binance: 'Binance' } });
  const row = (custodian: string) => [...root.querySelectorAll(`[data-testid="holdings-share-row"][data-custodian="${custodian}"] td`)].map((cell) => cell.textContent);
  return { root, row, text: (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent ?? null };
}

describe('a watched address nobody has read yet', () => {
  test('alone: the self row is "Unknown", share and value; the page says once why, without "shares are of what could be valued"', () => {
    const { root, row, text } = section([]);
    expect(row('self')).toEqual(['Unknown', 'Unknown']);
    expect(text('holdings-share')).toBe('Your own share is not known yet: some holdings could not be valued (no price, no exchange rate or an unread address).');
    expect(text('holdings-incomplete')).toBeNull();
    expect(root.textContent).not.toContain('$0.00');
    render(null, root);
  });

  test('beside a valued exchange holding: the exchange keeps its value, but no share is made up, self custody’s 0 % least of all', () => {
    const { root, row, text } = section([binanceEth]);
    expect(row('self')).toEqual(['Unknown', 'Unknown']);
    expect(row('binance')).toEqual(['Unknown', '$2,000']);
    expect(text('holdings-share')).toBe(t('holdingsShareUnknown'));
    expect(text('holdings-incomplete')).toBeNull();
    expect(root.textContent).not.toMatch(/\b0%|100%|\$0\.00/);
    render(null, root);
  });

  test('beside a valued self holding: self custody is "at least" that value, its share of what could be valued, and the page says so', () => {
    const { root, row, text } = section([{ ...binanceEth, id: 'b', custodian: 'self' }, binanceEth]);
    expect(row('self')).toEqual(['50%', 'at least $2,000']);
    // The headline itself says the share leaves the unvalued out: read alone, it must not pass for the whole.
    expect(text('holdings-share')).toBe('Of what could be valued, you hold 50% yourself');
    expect(text('holdings-incomplete')).toBe(t('holdingsIncomplete'));
    render(null, root);
  });

  test('the popup: a share of what could be valued says so in its own line, goal and all', async () => {
    const root = mount(<HoldingsMini load={() => Promise.resolve({ selfShare: 0.25, target: 0.8, complete: false, history: [] })} />);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="holdings-mini-share"]')?.textContent).toBe('Of what could be valued, you hold 25% yourself; your goal is 80%'));
    render(null, root);
  });

  test('the popup: a share of everything is said plainly', async () => {
    const root = mount(<HoldingsMini load={() => Promise.resolve({ selfShare: 0.25, target: 0.8, complete: true, history: [] })} />);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="holdings-mini-share"]')?.textContent).toBe('You hold 25% yourself; your goal is 80%'));
    render(null, root);
  });

  test('the popup: an unknown own share is said once, without "shares are of what could be valued"', async () => {
    const root = mount(<HoldingsMini load={() => Promise.resolve({ selfShare: null, complete: false, history: [] })} />);
    // The load runs in an effect, which Preact runs after a paint (35 ms here): wait for the line, not for a few turns.
    await vi.waitFor(() => expect(root.querySelector('[data-testid="holdings-mini-share"]')?.textContent).toBe(t('holdingsShareUnknown')));
    expect(root.textContent).not.toContain(t('holdingsIncomplete'));
    render(null, root);
  });
});

describe('self custody with nothing recorded', () => {
  test('its row says nothing is recorded, not a value of $0.00 beside an unknown share', () => {
    const state = parseHoldingsState({ holdings: [{ ...binanceEth, asset: 'DOGEX' }], addresses: [], history: [] }) as HoldingsState;
    const { root } = drawHoldingsSection({ t, locale: 'en' }, { state, prices, exchangeNames: { binance: 'Binance' } });
    const row = (custodian: string) => [...root.querySelectorAll(`[data-testid="holdings-share-row"][data-custodian="${custodian}"] td`)].map((cell) => cell.textContent);
    expect(row('self')).toEqual(['Unknown', 'Nothing recorded']);
    expect(row('binance')).toEqual(['Unknown', 'Unknown']);
    expect(root.textContent).not.toContain('$0.00');
    render(null, root);
  });

  test('beside valued holdings its share is 0 %, and its row still says nothing is recorded', () => {
    const state = parseHoldingsState({ holdings: [binanceEth], addresses: [], history: [] }) as HoldingsState;
    const { root } = drawHoldingsSection({ t, locale: 'en' }, { state, prices, exchangeNames: { binance: 'Binance' } });
    const cells = [...root.querySelectorAll('[data-testid="holdings-share-row"][data-custodian="self"] td')].map((cell) => cell.textContent);
    expect(cells).toEqual(['0%', 'Nothing recorded']);
    render(null, root);
  });
});
