/**
 * Table tests for the rules of the third round on issue 21, shaped on the categories and on
 * entries first listed before 2025-01-01 (the development half and the older, unreviewed candidates of
 * tests/fixtures/domains/heldout/candidates.tsv). Each rule has hosts it must catch (from those
 * entries, or made up in the same shape) and legitimate names it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { expectLookalike, expectNotLookalike } from './classify.testkit';

describe('an official domain with a hyphen where a dot belongs', () => {
  it.each([
    // a subdomain of the official domain, its dot turned into a hyphen, under the official ending
    ['mail-celsius.network', 'celsius'],
    ['claimsportal-celsius.network', 'celsius'],
    ['plan-ftx.com', 'ftx'],
    ['finance-ftx.com', 'ftx'],
    ['administration-ftx.us', 'ftx'],
    ['support-bitkub.com', 'bitkub'],
    // the official domain written as one name under any ending
    ['celsius-network.net', 'celsius'],
    ['gate-io.xyz', 'gate'],
    ['claims-celsius-network.com', 'celsius'],
  ])('%s imitates %s', expectLookalike);

  it.each([
    // a common word as the last token under .com is somebody's phrase
    'the-kraken.com',
    'release-the-kraken.com',
    'open-gemini.com',
    // a short common word under the official ending
    'star-gate.io',
    'golden-gate.com',
    'rio-luno.com',
  ])('%s is not a lookalike', expectNotLookalike);

  it('says which domain it imitates', () => {
    expect(classify('mail-celsius.network').explanation).toEqual({ code: 'dashed', host: 'mail-celsius.network', brand: 'celsius.network' });
    expect(classify('celsius-network.net').reason).toContain('with a hyphen where a dot belongs');
  });
});

describe('FTX as a whole token', () => {
  it.each([
    ['ftx-id.xyz', 'ftx'],
    ['ftx-bakery.org', 'ftx'],
    ['ftx.overdezuki.fun', 'ftx'],
    ['ftx-e49.pages.dev', 'ftx'],
  ])('%s imitates %s', expectLookalike);

  // Glued to other letters the three letters are other names: NFTX is a DeFi protocol.
  it.each(['nftx.io', 'softx.com', 'giftx.net', 'craftx.org'])('%s is not a lookalike', expectNotLookalike);
});

describe('Bitkub as a coined name glued to anything', () => {
  it.each([
    ['bitkubi.com', 'bitkub'],
    ['bitkubus.com', 'bitkub'],
    ['dropzones.bitkubnext.app', 'bitkub'],
  ])('%s imitates %s', expectLookalike);

  it.each(['bitkub.com', 'www.bitkub.com'])('%s is Bitkub', (host) => {
    expect(classify(host).verdict).toBe('exchange');
  });
});

describe('claims, repayment and earn words beside a brand', () => {
  it.each([
    ['geminipayouts.com', 'gemini'],
    ['redeem-gemini.com', 'gemini'],
    ['rebate-gemini.com', 'gemini'],
    ['claimant-kraken.net', 'kraken'],
    ['celsiusclaimstation.com', 'celsius'],
    ['geminiandkroll.net', 'gemini'],
    ['krakenfuturesway.com', 'kraken'],
    ['gusd-gemini.com', 'gemini'],
    ['sso-nexo.com', 'nexo'],
  ])('%s imitates %s', expectLookalike);

  it.each(['krakenbrewing.com', 'geminihealth.com', 'geminiscripts.com', 'krakenstudios.com', 'geminiacademy.org'])('%s is not a lookalike', expectNotLookalike);
});

describe('a bait or crypto word misspelled as its own token', () => {
  it.each([
    ['ftx-acoounts.com', 'ftx'],
    ['voyager-strettto.com', 'voyager'],
    ['xchange-gemini.com', 'gemini'],
    ['kraken-suporrt.com', 'kraken'],
  ])('%s imitates %s', expectLookalike);

  it.each(['kraken-studio.com', 'gemini-writer.com', 'kraken-lounge.net'])('%s is not a lookalike', expectNotLookalike);
});

describe('a filler word before a brand glued to bait', () => {
  it.each([
    ['mygeminiclaims.com', 'gemini'],
    ['yourgeminiclaims.net', 'gemini'],
    ['getgeminiearn.net', 'gemini'],
  ])('%s imitates %s', expectLookalike);

  // Without bait after the brand the filler word makes an ordinary phrase.
  it.each(['mygemini.com', 'thekraken.com', 'getkraken.net', 'yourgemini.org'])('%s is not a lookalike', expectNotLookalike);
});

describe('letter pairs the skeleton folds (rn → m)', () => {
  it.each([
    ['geminiearn.net', 'gemini'],
    ['kuciorn.com', 'kucoin'],
  ])('%s imitates %s', expectLookalike);

  it.each(['modern.com', 'acorn.com', 'krakenhorn.com'])('%s is not a lookalike', expectNotLookalike);
});

describe('a common word and its ending across a hyphen', () => {
  it.each([
    ['celsius-networks.com', 'celsius'],
    ['celsius-networks.web.app', 'celsius'],
  ])('%s imitates %s', expectLookalike);

  it.each(['celsius-thermometer.com', 'celsius-temperature.net'])('%s is not a lookalike', expectNotLookalike);
});

describe('a common-word brand beside two-letter language or country codes', () => {
  it.each([
    ['kraken-fr-en.com', 'kraken'],
    ['kraken-pt-br.com', 'kraken'],
    ['kraken-us-in.com', 'kraken'],
  ])('%s imitates %s', expectLookalike);

  // Product suffixes are not languages, and one short token on .com stays the padding rule's.
  it.each(['gemini-ai-ml.com', 'kraken-js-ui.com', 'gemini-ai.com'])('%s is not a lookalike', expectNotLookalike);
});

describe('a common-word brand under an ending made for money and trading', () => {
  it.each([
    ['kraken-studio.exchange', 'kraken'],
    ['geminiz.finance', 'gemini'],
    ['robinhood-app.markets', 'robinhood'],
    ['kraken.finance', 'kraken'],
  ])('%s imitates %s', expectLookalike);

  // Short common words still want bait: Stargate is a bridge (stargate.finance).
  it.each(['stargate.finance', 'star-gate.finance', 'gate-keeper.capital', 'kraken-studio.com'])('%s is not a lookalike', expectNotLookalike);
});

describe('letters added to a common-word brand, as any token of the registrable name', () => {
  it.each([
    ['assets-kralken.com', 'kraken'],
    ['kralken-portfolios.com', 'kraken'],
    ['en-kralken-us.com', 'kraken'],
  ])('%s imitates %s', expectLookalike);

  // In a subdomain it says nothing; real words of that shape stay near-miss words.
  it.each(['kralken.example.com', 'voyageur-travel.com', 'kranken-kasse.de'])('%s is not a lookalike', expectNotLookalike);
});

describe('a common-word brand mistyped, with context', () => {
  it.each([
    // beside a crypto word
    ['gemeni-exchange.godaddysites.com', 'gemini'],
    // as the whole name on a throwaway-favoured ending
    ['karken.vip', 'kraken'],
    ['gemeni.xyz', 'gemini'],
    ['kraiin.xyz', 'kraken'],
    // two letters off, keeping the first two and the last, beside bait here or in a subdomain
    ['krain-airdrop.digital', 'kraken'],
    ['airdrop.krain.network', 'kraken'],
    ['htx-dao.com', 'htx'],
  ])('%s imitates %s', expectLookalike);

  it.each([
    // no context: another word or name
    'krain.network',
    'gemeni.com',
    'robinwood.com',
    'karken.com',
    // two letters off without the frame
    'kroner-airdrop.com',
    'gamine-wallet.net',
  ])('%s is not a lookalike', expectNotLookalike);

  it('says how far the typo is', () => {
    expect(classify('krain-airdrop.digital').explanation).toMatchObject({ code: 'typo', brand: 'kraken', bait: 'airdrop', distance: 2 });
    expect(classify('airdrop.krain.network').explanation).toMatchObject({ code: 'typo', brand: 'kraken', bait: 'airdrop', distance: 2 });
  });
});

describe('a coined name glued to anything at the start of a token', () => {
  it.each([
    ['etorocrypt.com', 'etoro'],
    ['etorogb.com', 'etoro'],
    ['etoroop.com', 'etoro'],
    ['coinexeu.com', 'coinex'],
    ['coinexua.com', 'coinex'],
    ['coinexgold.com', 'coinex'],
  ])('%s imitates %s', expectLookalike);

  // Inside a word, or carrying on into the word the brand begins (coin exchange, coin express).
  it.each(['ketorolac.com', 'setoros.net', 'coinexchange.com', 'coinexpress.cc', 'coinexplorer.org', 'coinext.io', 'bitcoinexit.com'])('%s is not a lookalike', expectNotLookalike);
});

describe('trading and finance words beside a common-word brand', () => {
  it.each([
    ['krakenhft.com', 'kraken'],
    ['hftkrakens.com', 'kraken'],
    ['nexo-finance.pages.dev', 'nexo'],
    ['gemini-referral.net', 'gemini'],
  ])('%s imitates %s', expectLookalike);

  it.each(['krakenhouse.com', 'gemini-horoscope.net', 'nexo-design.com'])('%s is not a lookalike', expectNotLookalike);
});

describe('more free hosting services', () => {
  it.each([
    ['kraken.tumblr.com', 'kraken'],
    ['gemini-login.epizy.com', 'gemini'],
    ['coinbase-support.netlify.com', 'coinbase'],
    ['kraken.webcindario.com', 'kraken'],
    ['coinbase-wallet.on-fleek.app', 'coinbase'],
    ['kraken.appspot.com', 'kraken'],
  ])('%s imitates %s', (host, id) => {
    expectLookalike(host, id);
    expect(classify(host).evidence).toBe('hosted');
  });

  it.each(['mykitchen.tumblr.com', 'gemini-chat.vercel.app', 'krakenrecipes.myshopify.com', 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi.ipfs.dweb.link'])(
    '%s is not a lookalike',
    expectNotLookalike,
  );
});

describe('a coined or long brand split by a dot', () => {
  it.each([
    ['coin.base-verification.com', 'coinbase'],
    ['coin.base-web3-gateway.com', 'coinbase'],
    ['by.bit-com-aperture.xyz', 'bybit'],
    ['bin.ance.io', 'binance'],
  ])('%s imitates %s', expectLookalike);

  // The second part must be a whole token: `bit` is a common subdomain and `getmonero` another word.
  it.each(['bit.getmonero.org', 'coin.baseguardauth.net', 'coin.basement.io', 'kra.ken.example.com'])('%s is not a lookalike', expectNotLookalike);

  it('says so', () => {
    expect(classify('coin.base-verification.com').explanation).toEqual({ code: 'split', host: 'coin.base-verification.com', brand: 'coinbase' });
  });
});

describe('Mt. Gox as a coined name (its repayment scams)', () => {
  it.each([
    ['remtgox.com', 'mt-gox'],
    ['mtgoxclaims.com', 'mt-gox'],
  ])('%s imitates %s', expectLookalike);
});
