import { describe, expect, test } from 'vitest';
import { brandMatch } from '../exchanges/brand-target';
import { exchangeOf } from './known-bad-lists';
import { brandStands } from './known-bad-tie';

// Made-up hosts (none copied from a list): the kinds of name the brand rule ties wrongly, and the kinds it ties rightly.
const stands = (host: string) => {
  const match = brandMatch(host);
  if (match === undefined || match.via !== 'brand') throw new Error(`${host}: the brand rule finds no brand`);
  return { id: match.id, stands: brandStands(host, match.word) };
};

describe('brandStands: whether a listed host names the exchange the brand rule ties it to', () => {
  test.each([
    ['riverstatenationalbank.example', 'lbank'],
    ['crypto-revolution-fund.example', 'revolut'],
    ['coin-expressway.example', 'coinex'],
    ['coinexchangehub.example', 'coinex'],
    ['cryptocompanyhub.example', 'crypto-com'],
    ['snowbridgemining.example', 'gemini'],
    ['capgeminidigital.example', 'gemini'],
    ['blockfieldsurvey.example', 'blockfi'],
    // A split brand whose first letters end another word: a bank's name, `signup-bit…`.
    ['hal-bank-offers.example', 'lbank'],
    ['pickup-bitfarm.example', 'upbit'],
    // Two letters before LBank, an initial and a word, make another name of it.
    ['kalbank-portal.example', 'lbank'],
    ['mollbank-card.example', 'lbank'],
    // Kraken is also a darknet market, whose sites are named for the darknet.
    ['kraken-darkweb-guide.example', 'kraken'],
    ['krakendarknet-site.example', 'kraken'],
    ['krakenx-onions.example', 'kraken'],
  ])('%s: the letters of %s inside another word are not the brand', (host, id) => {
    expect(stands(host)).toEqual({ id, stands: false });
  });

  test.each([
    ['co-in-base-help.example', 'coinbase'],
    ['bin.ance-rewards.example', 'binance'],
    ['krakenaxlogon.example', 'kraken'],
    ['ckraken.example', 'kraken'],
    ['mygeminiclaims.example', 'gemini'],
    ['gemini-login-desk.example', 'gemini'],
    ['coinexmkts.example', 'coinex'],
    ['revolut-refund.example', 'revolut'],
    ['celsi-us-network-claims.example', 'celsius'],
    ['support2blockfi.example', 'blockfi'],
    ['up-bit-support.example', 'upbit'],
    ['coin-base-pro-login.example', 'coinbase'],
    ['lbybit-login.example', 'bybit'],
    ['xbittrex-wallet.example', 'bittrex'],
    ['kraken2fa-reset.example', 'kraken'],
    ['claim-gate-rewards.example', 'gate'],
    ['gate-launchpad.example', 'gate'],
    ['boost-nexo-rewards.example', 'nexo'],
    ['mylbank-airdrop.example', 'lbank'],
    // A number, "mirror", a short code before Gate, or one stray letter before LBank leave the brand standing.
    ['gemini-24-help.example', 'gemini'],
    ['kraken-24-support.example', 'kraken'],
    ['kraken-10x-trade.example', 'kraken'],
    ['gate-mirror-login.example', 'gate'],
    ['luno-mirror-app.example', 'luno'],
    ['mirror-kraken-login.example', 'kraken'],
    ['kraken-darkmode-login.example', 'kraken'],
    ['hk-gate-login.example', 'gate'],
    ['japan-gate-support.example', 'gate'],
    ['kraken-login.darkweb-news.example', 'kraken'],
    ['secure-gate-verify.example', 'gate'],
    ['wlbank-wallet.example', 'lbank'],
    ['hlbank-exchange.example', 'lbank'],
  ])('%s: %s, as a phishing page writes it', (host, id) => {
    expect(stands(host)).toEqual({ id, stands: true });
  });
});

describe('exchangeOf: near-words', () => {
  test.each([
    ['linea-voyage-quest.example', 'voyage'],
    ['voyages-pass.example', 'voyages'],
    ['revolt-pay.example', 'revolt'],
    ['blockai-claims.example', 'blockai'],
  ])('%s: %s is a word of its own, one edit from a brand', (host, word) => {
    expect(brandMatch(host)).toMatchObject({ via: 'near', word });
    expect(exchangeOf(host)).toBe(false);
  });

  test.each([
    ['voyagr-claims.example', 'voyager'],
    ['revolutt-pay.example', 'revolut'],
  ])('%s: a misspelling of %s', (host, id) => {
    expect(exchangeOf(host)).toBe(id);
  });
});
