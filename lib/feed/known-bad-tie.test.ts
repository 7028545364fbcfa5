import { describe, expect, test } from 'vitest';
import { brandMatch } from '../exchanges/brand-target';
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
  ])('%s: %s, as a phishing page writes it', (host, id) => {
    expect(stands(host)).toEqual({ id, stands: true });
  });
});
