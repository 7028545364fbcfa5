/**
 * Table tests for the sixth round on issue 21: common-word brands (Kraken, Gemini, Robinhood) on throwaway
 * endings, padded on their own, beside an exchange's services, compound bait and hidden logins. The hosts
 * are made up in the shapes of the readable sets' misses by category (tests/fixtures/domains/heldout/README.md),
 * none copied from any set; the legitimate names are other things that share the words.
 */
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { expectLookalike, expectNotLookalike } from './classify.testkit';

describe('a common-word brand anywhere in a name on a throwaway ending', () => {
  it.each([
    ['world-kraken.xyz', 'kraken'],
    ['gemini-office.cc', 'gemini'],
    ['bitegemini.top', 'gemini'],
    ['robinhoodelon.cfd', 'robinhood'],
    ['alphakrakenpass.icu', 'kraken'],
    ['kraken-studio.exchange', 'kraken'],
  ])('%s imitates %s', expectLookalike);

  it.each([
    // a word beside it says what else the word names
    'kraken-rum.shop',
    'gemini-ai.xyz',
    'krakengames.online',
    'celsius-converter.online',
    // the same names on an ordinary ending want bait
    'world-kraken.com',
    'gemini-office.com',
  ])('%s is not a lookalike', expectNotLookalike);
});

describe('a common-word brand of seven letters or more padded with one letter, as its own domain', () => {
  it.each([
    ['robinhoodz.com', 'robinhood'],
    ['celsiusq.network', 'celsius'],
    ['voyagerx.co', 'voyager'],
    ['robinhoodz-x.com', 'robinhood'],
  ])('%s imitates %s', (host, id) => {
    expectLookalike(host, id);
    expect(classify(host).evidence).toBe('padded');
  });

  it.each([
    // six letters: one letter makes other names
    'krakenx.com',
    'geminiz.com',
    // the old generic endings, where ordinary words belong to others
    'robinhoodz.io',
    'robinhoodz.org',
    // two letters
    'robinhoodxy.com',
  ])('%s is not a lookalike', expectNotLookalike);
});

describe("an exchange's services and currencies, drainers' words and giveaway names beside a common-word brand", () => {
  it.each([
    ['gemini-centre.com', 'gemini'],
    ['intl-robinhood.com', 'robinhood'],
    ['kraken-download.com', 'kraken'],
    ['geminieur.com', 'gemini'],
    ['krakenjpy.com', 'kraken'],
    ['kraken-diagnostic.com', 'kraken'],
    ['revoke-robinhood.com', 'robinhood'],
    ['elonmusk-gemini.com', 'gemini'],
    ['krakenpainel.com', 'kraken'],
  ])('%s imitates %s', expectLookalike);

  it.each(['kraken-cryptonews.com', 'gemini-prevent.com', 'kraken-mistake.com', 'gemini-accessories.com'])('%s is not a lookalike', expectNotLookalike);
});

describe('bait words run together in a token beside a common-word brand', () => {
  it.each([
    ['securityportal-kraken.com', 'kraken'],
    ['loginhelp-gemini.com', 'gemini'],
    ['coldwallet-robinhood.com', 'robinhood'],
    ['accountcenter-kraken.com', 'kraken'],
  ])('%s imitates %s', expectLookalike);

  it.each([
    // a bait word begins the token (other words begin so), or ends it after too few letters
    'kraken-supportive.com',
    'gemini-reclaim.com',
  ])('%s is not a lookalike', expectNotLookalike);
});

describe('a misspelled login hidden in letters glued to a common-word brand on a site builder', () => {
  it.each([
    ['krakenxylogiin.webflow.io', 'kraken'],
    ['geminiqqlugin.wixsite.com', 'gemini'],
    ['robinhood-zzlojinn.gitbook.io', 'robinhood'],
    ['krakenlugenx.godaddysites.com', 'kraken'],
  ])('%s imitates %s', expectLookalike);

  it.each([
    'gemini-catalogue.wixsite.com',
    'kraken-legends.webflow.io',
    'gemini-religion.wordpress.com',
    'kraken-longitude.webflow.io',
    'gemini-cologne.wixsite.com',
    'robinhood-logistics.webflow.io',
    'kraken-lodging.wixsite.com',
    'gemini-analogue.webflow.io',
  ])('%s is not a lookalike', expectNotLookalike);
});

describe('a mistyped common-word brand numbered or padded, as a whole name on a throwaway ending', () => {
  it.each([
    ['geminx7.top', 'gemini'],
    ['kraknez.vip', 'kraken'],
    ['robinhod42.cfd', 'robinhood'],
  ])('%s imitates %s', (host, id) => {
    expectLookalike(host, id);
    expect(classify(host).evidence).toBe('typo');
  });

  it.each(['geminx7.com', 'kraknez.de'])('%s is not a lookalike', expectNotLookalike);
});

describe('one stray letter before a common-word brand, bait glued after it', () => {
  it.each([
    ['xkrakenbonus.com', 'kraken'],
    ['qgeminisupport.net', 'gemini'],
  ])('%s imitates %s', expectLookalike);

  it.each(['skrakenapp.com', 'agatebonus.com'])('%s is not a lookalike', expectNotLookalike);
});
