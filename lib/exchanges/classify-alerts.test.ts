/**
 * Table tests for the eighth round on issue 21: security alerts beside a common-word brand, a misspelled
 * "exchange" on site builders, and more ways a brand is written beside bait on free hosting. The hosts are made
 * up in the shapes of the fourth and fifth blind sets' misses first listed before 2026-04-01, by category
 * (tests/fixtures/domains/heldout/README.md), none copied from any set; the legitimate names are other words.
 */
import { describe, it } from 'vitest';
import { expectLookalike, expectNotLookalike } from './classify.testkit';

describe('a security alert beside a common-word brand of six letters or more', () => {
  it.each([
    ['geminithreats.com', 'gemini'],
    ['kraken-suspicious.com', 'kraken'],
    ['robinhoodunusual.com', 'robinhood'],
    ['krakenfirewall.net', 'kraken'],
    ['notification-gemini.co', 'gemini'],
  ])('%s imitates %s', expectLookalike);

  it.each([
    // a short common word is its own business's (`gate-warning`), and alerts are never read one letter off
    'gate-warning.com',
    'nexo-fraud.com',
    'krakenbeach.com',
    'gemini-thread.com',
    'gemini-warming.com',
    'kraken-guard.com',
  ])('%s is not a lookalike', expectNotLookalike);
});

describe('a misspelled "exchange" glued to a common-word brand on a site builder', () => {
  it.each([
    ['krakenexchnage.webflow.io', 'kraken'],
    ['geminiexchagne.gitbook.io', 'gemini'],
    ['robinhoodxexchaange.godaddysites.com', 'robinhood'],
  ])('%s imitates %s', expectLookalike);

  it.each(['kraken-expanse.webflow.io', 'gemini-excellence.wixsite.com'])('%s is not a lookalike', expectNotLookalike);
});

describe('more ways a brand is written beside bait on free hosting', () => {
  it.each([
    // the hyphen moved into a brand of six letters, four before it
    ['gemi-nisupport.gitbook.io', 'gemini'],
    // split, in the plural
    ['ku-coins-help.webflow.io', 'kucoin'],
    ['coin-bases-login.pages.dev', 'coinbase'],
    // a brand of seven letters or more cut short by one letter
    ['robinhoo-login.pages.dev', 'robinhood'],
    ['blockf-support.vercel.app', 'blockfi'],
    // a typo beside a phishing kit's `cdn`
    ['blokfi-cdn.pages.dev', 'blockfi'],
  ])('%s imitates %s', expectLookalike);

  it.each([
    // cut short by two letters, another word
    'coinba-login.pages.dev',
    // `cdn` is bait only on hosting, and a name a letter from a brand is not a typo
    'kraken-cdn.com',
    'robinwood-cdn.pages.dev',
  ])('%s is not a lookalike', expectNotLookalike);
});
