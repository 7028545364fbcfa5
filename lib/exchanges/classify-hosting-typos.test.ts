/**
 * Table tests for the seventh round on issue 21: brands written another way beside bait on free hosting of any
 * kind, developer platforms too, and logins hidden in more ways. The hosts are made up in the shapes of the
 * fourth blind set's early part's misses by category (tests/fixtures/domains/heldout/README.md), none copied
 * from any set; the legitimate names are ordinary words two letters from a brand, and developers' projects.
 */
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { expectLookalike, expectNotLookalike } from './classify.testkit';

describe('a brand written another way beside bait, on free hosting of any kind', () => {
  it.each([
    ['cucoin-help.pages.dev', 'kucoin', 'hosted-typo'],
    ['qucoin-secure.netlify.app', 'kucoin', 'hosted-typo'],
    ['rbnhood-login.pages.dev', 'robinhood', 'hosted-typo'],
    ['cnbase-secure.pages.dev', 'coinbase', 'hosted-typo'],
    ['rebinhod-login.pages.dev', 'robinhood', 'hosted-typo'],
    ['krnken-login.netlify.app', 'kraken', 'hosted-typo'],
    // split by hyphens, or the hyphen moved into the brand
    ['ro-bin-hood-auth.pages.dev', 'robinhood', 'hosted'],
    ['krake-nlogin.pages.dev', 'kraken', 'hosted'],
  ])('%s imitates %s', (host, id, evidence) => {
    expectLookalike(host, id);
    expect(classify(host).evidence).toBe(evidence);
  });

  it.each([
    // ordinary words two letters from a brand, and the brand cut short
    'budget-login.pages.dev',
    'blocky-login.vercel.app',
    'bitkit-auth.netlify.app',
    'cryptoroom-login.pages.dev',
    'broken-login.pages.dev',
    'block-login.pages.dev',
    'coinage-support.pages.dev',
    'revolve-account.vercel.app',
    'balance-login.pages.dev',
    'kucixn-login.pages.dev',
    // a first letter said alike and one more change in a brand of six, two letters dropped from seven, the brand padded, crypto words (a second reader's finds)
    'corbin-portfolio.vercel.app',
    'korbin-login.github.io',
    'craven-login.github.io',
    'debit-wallet.vercel.app',
    'debit-account.github.io',
    'koinex-wallet.pages.dev',
    // a typo with no bait beside it, where developers name projects
    'rbinhood-demo.vercel.app',
  ])('%s is not a lookalike', expectNotLookalike);
});

describe('more ways to hide a login beside a common-word brand on a site builder, and page-kit words', () => {
  it.each([
    ['krakenoogin.webflow.io', 'kraken'],
    ['geminifogin.wixsite.com', 'gemini'],
    ['robinhood-logemz.webflow.io', 'robinhood'],
    ['gemini-erc20.com', 'gemini'],
  ])('%s imitates %s', expectLookalike);

  it.each(['gemini-origin.webflow.io', 'robinhood-begin.webflow.io', 'kraken-logement.wixsite.com'])('%s is not a lookalike', expectNotLookalike);
});

describe('the eleventh round: a coined brand with a letter after it beside bait on free hosting', () => {
  it.each([
    ['docs-blockfie-cdn.github.io', 'blockfi'],
    ['start-blockfie-cdn.webflow.io', 'blockfi'],
    ['kucoinn-login.pages.dev', 'kucoin'],
  ])('%s imitates %s', expectLookalike);

  it.each([
    // a word a letter past a coined brand: Cycas revoluta, CryptoCompare's package
    'revoluta-cdn.github.io',
    'cryptocomp-cdn.github.io',
    // a common word with a letter after it is another name (KrakenD, an API gateway)
    'krakend-docs.pages.dev',
    // a coined brand with a letter after it and no bait
    'blockfie-demo.vercel.app',
  ])('%s is not a lookalike', expectNotLookalike);
});

describe('a brand that begins other words, carrying on into one of them, is that word (revolution, coin exchange)', () => {
  it.each([
    ['revolutsupport.com', 'revolut'],
    ['revolutlink.com', 'revolut'],
    ['revolut-login.pages.dev', 'revolut'],
    // bait in the rest, or a rest that is no word's (a second reader's finds)
    ['revolutlearn.com', 'revolut'],
    ['revolutus-login.pages.dev', 'revolut'],
    ['revolutusdt.com', 'revolut'],
    ['coinexclaim.com', 'coinex'],
    ['coinexcustomer.com', 'coinex'],
    ['coinexaml.com', 'coinex'],
    ['coinexotc.com', 'coinex'],
  ])('%s imitates %s', expectLookalike);

  it.each(['revolution-login.com', 'revolution-support.com', 'revolution-login.pages.dev', 'revolutiva.com', 'revolutii.ro', 'revolutsiya.com', 'revolutum.org', 'revolutlabs.com'])(
    '%s is not a lookalike',
    expectNotLookalike,
  );
});
