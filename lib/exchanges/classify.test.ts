import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, classifyUrl, exchangeMatchPatterns } from './classify';
import { exchanges } from './registry';
import { decodePunycode } from './punycode';
import { skeleton, isMixedScript } from './skeleton';
import { editDistance, collapseRepeats } from './edit-distance';
import { parseHostname, hostnameFromUrl } from './hostname';

describe('classify: official domains', () => {
  it.each([
    ['binance.com', 'binance'],
    ['www.binance.com', 'binance'],
    ['accounts.binance.com', 'binance'],
    ['BINANCE.COM', 'binance'],
    ['binance.com.', 'binance'],
    ['binance.com:443', 'binance'],
    ['  www.Binance.com  ', 'binance'],
    ['binance.me', 'binance'],
    ['binance.us', 'binance-us'],
    ['www.coinbase.com', 'coinbase'],
    ['pro.kraken.com', 'kraken'],
    ['www.gate.io', 'gate'],
    ['www.okx.com', 'okx'],
    ['www.htx.com', 'htx'],
    ['www.mexc.com', 'mexc'],
    ['ｂｉｎａｎｃｅ.com', 'binance'],
    // a group's regional sites and other own domains, each sourced in its registry file
    // Bybit's regional firms: their own entries, since the group's proof of reserves is not known to cover their customers
    ['www.bybit.eu', 'bybit-eu'],
    ['api.bybit.nl', 'bybit-nl'],
    ['www.bybit.tr', 'bybit-tr'],
    ['www.bybit.kz', 'bybit-kz'],
    ['www.bybit.ae', 'bybit-ae'],
    ['www.bybit.id', 'bybit-id'],
    ['api.bybitgeorgia.ge', 'bybit-georgia'],
    ['www.binance.th', 'binance-th'],
    ['www.binance.org', 'binance'],
    ['revolut.me', 'revolut'],
  ])('%s is %s', (host, id) => {
    const result = classify(host);
    expect(result.verdict).toBe('exchange');
    expect(result.exchange?.id).toBe(id);
    expect(result.reason).toContain(result.exchange!.name);
  });

  it('reads URLs, including ports, credentials and scheme-less input', () => {
    expect(classifyUrl('https://accounts.binance.com/en/login').exchange?.id).toBe('binance');
    expect(classifyUrl('https://www.binance.com:8443/en?x=1#y').exchange?.id).toBe('binance');
    expect(classifyUrl('binance.com/en/trade').exchange?.id).toBe('binance');
    expect(classifyUrl('https://binance.com@evil.io/').verdict).not.toBe('exchange');
    expect(classifyUrl('https://evil.io/?u=https://binance.com').verdict).toBe('unknown');
  });
});

describe('classify: lookalikes', () => {
  it.each([
    // brand inside another registrable domain
    ['binance-login.com', 'binance'],
    ['secure-coinbase.app', 'coinbase'],
    ['coinbase.com-verify.site', 'coinbase'],
    ['login.kraken.com.evil.io', 'kraken'],
    ['binance-giveaway.example.co.za', 'binance'],
    ['kraken-logins-support.com', 'kraken'],
    ['binance.com.evil.io', 'binance'],
    ['coinbasecloud.club', 'coinbase'],
    ['accounts-binance-log-in.com', 'binance'],
    // typosquats
    ['binnance.com', 'binance'],
    ['coinbse.com', 'coinbase'],
    ['krakken.com', 'kraken'],
    ['coinbsae.com', 'coinbase'],
    ['bitfnex.com', 'bitfinex'],
    // homoglyphs, punycode and digit swaps
    ['xn--bnance-pvf.com', 'binance'], // bіnance.com with a Cyrillic і, as the URL bar encodes it
    ['xn--krken-5ve.com', 'kraken'], // krаken.com with a Cyrillic а
    ['xn--bnance-3va.com', 'binance'], // bínance.com, an accent
    ['bіnance.com', 'binance'], // Cyrillic і
    ['сoinbase.com', 'coinbase'], // Cyrillic с
    ['b1nance.com', 'binance'],
    ['c0inbase.com', 'coinbase'],
    ['krаken.com', 'kraken'], // Cyrillic а on a common-word brand
    ['gernini.com', 'gemini'], // rn → m
    ['0kx.com', 'okx'],
    // TLD swaps
    ['binance.co', 'binance'],
    ['kraken.fr', 'kraken'],
    ['coinbase.net', 'coinbase'],
    // hyphenation
    ['coin-base.com', 'coinbase'],
    ['bi-nance.com', 'binance'],
    // brand plus bait words, short and common brands
    ['okx-wallet.com', 'okx'],
    ['okx-airdrop.net', 'okx'],
    ['gate-io-login.com', 'gate'],
    ['gateio-support.net', 'gate'],
    ['htx-claim.com', 'htx'],
    ['mexc-bonus.org', 'mexc'],
    ['gemini-giveaway.blogspot.com', 'gemini'],
    ['luno-verify.com', 'luno'],
    ['krakenreward.com', 'kraken'],
    ['geminibonus.us', 'gemini'],
    ['www-logins-kraken-lo.com', 'kraken'],
    ['krakens-accounts-br.com', 'kraken'],
    ['kraken-com.com', 'kraken'],
  ])('%s imitates %s', (host, id) => {
    const result = classify(host);
    expect(result.verdict).toBe('lookalike');
    expect(result.exchange?.id).toBe(id);
    expect(result.reason).toContain('is not');
  });

  it('says which brand and which bait word it saw, in plain words', () => {
    expect(classify('kraken-logins-support.com').reason).toBe('kraken-logins-support.com contains the brand “kraken” plus the bait word “login” but is not a Kraken domain (Kraken uses kraken.com)');
    expect(classify('binnance.com').reason).toMatch(/one letter away from the brand “binance”/);
    expect(classify('bіnance.com').reason).toMatch(/look-alike characters, mixing Latin with Cyrillic/);
    expect(classify('xn--bnance-pvf.com').reason).toMatch(/^xn--bnance-pvf\.com \(bіnance\.com\) spells the brand “binance”/);
    expect(classify('login.kraken.com.evil.io').reason).toBe('login.kraken.com.evil.io starts with the Kraken domain “kraken.com” but belongs to evil.io, which is not a Kraken domain');
    expect(classify('binance.co').reason).toMatch(/the name “binance” under a different ending/);
    expect(classify('coin-base.com').reason).toMatch(/splits the brand “coinbase” with hyphens/);
  });

  it('classifies the punycode and the Unicode spelling of a host the same way', () => {
    const ascii = new URL('http://bіnance.com').hostname;
    expect(ascii.startsWith('xn--')).toBe(true);
    expect(classify(ascii).verdict).toBe('lookalike');
    expect(classifyUrl('https://bіnance.com/login').exchange?.id).toBe('binance');
  });
});

describe('classify: not flagged', () => {
  it.each([
    'finance',
    'yearn.finance',
    'finance.yahoo.com',
    'mycrypto.com',
    'ok.ru',
    'gatech.edu',
    'gemini.google.com',
    'www.gate.ac.uk',
    'www.gatehub.net',
    'gate.de',
    'luno.org',
    'okta.com',
    'cryptocompare.com',
    'revolution.com',
    'orbit.com',
    'bitcoin.org',
    'coinmarketcap.com',
    'example.com',
    'github.com',
    'basecamp.com',
    'hotel-gate.com',
    'krakenimages.com',
    'geminiapp.example',
  ])('%s is not an exchange nor a lookalike', (host) => {
    expect(classify(host).verdict).toBe('unknown');
  });

  it.each([
    ['127.0.0.1', /IP address/],
    ['[::1]', /IP address/],
    ['2001:db8::1', /IP address/],
    ['localhost', /local name/],
    ['co.uk', /public domain ending/],
    ['', /empty/],
    ['garbage!!', /cannot appear/],
    ['a..b.com', /empty label/],
    ['x'.repeat(64) + '.com', /longer than 63/],
    ['binance.com:99999', /invalid port/],
    [':::', /IPv6|hostname/],
    ['[1::2::3]', /not a valid IPv6/],
    ['[::ffff:999.1.1.1]', /not a valid IPv6/],
    ['https://binance.com/', /URL parts/],
    ['foo bar.com', /contains a space/],
  ])('%j is unknown: %s', (input, reason) => {
    const result = classify(input);
    expect(result.verdict).toBe('unknown');
    expect(result.exchange).toBeUndefined();
    expect(result.reason).toMatch(reason);
  });

  it('never throws and always explains itself, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.domain(), fc.string({ unit: 'binary' })), (input) => {
        const host = classify(input);
        const url = classifyUrl(input);
        for (const result of [host, url]) {
          expect(['exchange', 'lookalike', 'unknown']).toContain(result.verdict);
          expect(result.reason.length).toBeGreaterThan(0);
          expect(result.verdict === 'unknown').toBe(result.exchange === undefined);
        }
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('never calls a subdomain of an official domain a lookalike', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...exchanges.flatMap((e) => e.domains.map((d) => [e.id, d] as const))),
        fc.domain().filter((d) => d.length <= 200),
        ([id, domain], prefix) => {
          const result = classify(`${prefix}.${domain}`);
          expect(result.verdict).toBe('exchange');
          expect(result.exchange?.id).toBe(id);
        },
      ),
      { numRuns: 500 },
    );
  }, 30_000);
});

describe('exchangeMatchPatterns', () => {
  it('has one https://*.domain/* pattern per official domain, and none for plain http', () => {
    const patterns = exchangeMatchPatterns();
    expect(patterns).toContain('https://*.binance.com/*');
    expect(patterns).toContain('https://*.binance.me/*');
    const domains = new Set(exchanges.flatMap((exchange) => exchange.domains));
    expect(patterns).toHaveLength(domains.size);
    for (const pattern of patterns) expect(pattern).toMatch(/^https:\/\/\*\.[a-z0-9.-]+\/\*$/);
  });
});

describe('helpers', () => {
  it('decodes RFC 3492 sample strings and rejects malformed input', () => {
    // RFC 3492 §7.1 (A) Arabic (Egyptian) and (L) Japanese mixed sample.
    expect(decodePunycode('egbpdaj6bu4bxfgehfvwxn')).toBe('ليهمابتكلموشعربي؟');
    expect(decodePunycode('3B-ww4c5e180e575a65lsy2b')).toBe('3年B組金八先生');
    expect(decodePunycode('bcher-kva')).toBe('bücher');
    expect(decodePunycode('bnance-pvf')).toBe('bіnance');
    expect(decodePunycode('99999999999999')).toBeUndefined();
    expect(decodePunycode('ab!')).toBeUndefined();
  });

  it('decodes what the browser encodes', () => {
    for (const word of ['bіnance', 'сoinbase', 'münchen', 'крипто', 'ελληνικά']) {
      const label = new URL(`http://${word}.com`).hostname.split('.')[0]!;
      expect(decodePunycode(label.slice(4))).toBe(word);
    }
  });

  it('folds look-alike characters to one skeleton', () => {
    expect(skeleton('bіnance')).toBe(skeleton('binance'));
    expect(skeleton('сοіnbаsе')).toBe(skeleton('coinbase'));
    expect(skeleton('b1nance')).toBe(skeleton('binance'));
    expect(skeleton('c0inbase')).toBe(skeleton('coinbase'));
    expect(skeleton('gernini')).toBe(skeleton('gemini'));
    expect(skeleton('bïnäncé')).toBe(skeleton('binance'));
    expect(skeleton('binance')).not.toBe(skeleton('finance'));
    expect(isMixedScript('bіnance')).toBe(true);
    expect(isMixedScript('binance')).toBe(false);
    expect(isMixedScript('крипто')).toBe(false);
  });

  it('bounds the edit distance', () => {
    expect(editDistance({ a: 'coinbse', b: 'coinbase', max: 2 })).toBe(1);
    expect(editDistance({ a: 'coinbsae', b: 'coinbase', max: 2 })).toBe(1);
    expect(editDistance({ a: 'kitten', b: 'sitting', max: 5 })).toBe(3);
    expect(editDistance({ a: 'kitten', b: 'sitting', max: 1 })).toBe(2);
    expect(editDistance({ a: 'a', b: 'abcdef', max: 2 })).toBe(3);
    expect(collapseRepeats('krakken')).toBe('kraken');
  });

  it('parses hostnames and URLs into one canonical form', () => {
    expect(parseHostname('WWW.Binance.COM.:443')).toEqual({ ok: true, host: 'www.binance.com', kind: 'domain' });
    expect(parseHostname('[2001:DB8::1]:8080')).toEqual({ ok: true, host: '[2001:db8::1]', kind: 'ip' });
    expect(parseHostname('[::ffff:192.0.2.1]')).toEqual({ ok: true, host: '[::ffff:192.0.2.1]', kind: 'ip' });
    expect(parseHostname('1:2:3:4:5:6:7:8')).toEqual({ ok: true, host: '[1:2:3:4:5:6:7:8]', kind: 'ip' });
    expect(parseHostname('binance。com')).toEqual({ ok: true, host: 'binance.com', kind: 'domain' });
    expect(parseHostname('256.1.1.1').ok).toBe(false);
    expect(hostnameFromUrl('https://user:pw@Binance.com:8080/x')).toEqual({ ok: true, host: 'binance.com' });
    expect(hostnameFromUrl('localhost:3000/path')).toEqual({ ok: true, host: 'localhost' });
    expect(hostnameFromUrl('mailto:someone@example.com').ok).toBe(false);
    expect(hostnameFromUrl('http://').ok).toBe(false);
  });
});

describe('classify: patterns that generalize (issue 21)', () => {
  it.each([
    // a coined brand glued to anything: random letters, a region, a misspelled bait word
    ['bybitq.com', 'bybit'],
    ['binanceasia.com', 'binance'],
    ['kucoin-int.com', 'kucoin'],
    ['okxweb.app', 'okx'],
    ['mexc-airdop.net', 'mexc'],
    ['binance-loggin.com', 'binance'],
    ['appbitgetweb.cam', 'bitget'],
    ['huobiglo.com', 'htx'],
    // old and alternative names
    ['okex-support.com', 'okx'],
    ['huobiglobal.net', 'htx'],
    ['gateio-login.com', 'gate'],
    ['ftx-claims.com', 'ftx'],
    ['ftx-repayment.com', 'ftx'],
    // free hosting and subdomains of unrelated domains
    ['coinbase.vercel.app', 'coinbase'],
    ['binance-login.pages.dev', 'binance'],
    ['kraken.pages.dev', 'kraken'],
    ['kucoin-verify.web.app', 'kucoin'],
    ['bybit.netlify.app', 'bybit'],
    ['coinbase.blogspot.com', 'coinbase'],
    ['binance.ethena.ltd', 'binance'],
    ['airdrop.binance-carv.com', 'binance'],
    // common-word brands with context: bait, a stray letter, padding
    ['wkraken.com', 'kraken'],
    ['v-kraken.com', 'kraken'],
    ['kraken-ix.com', 'kraken'],
    ['upbit-event.com', 'upbit'],
    ['gemini-login.vercel.app', 'gemini'],
    // a distinctive short brand as a whole token, with nothing else
    ['okx.abcd.xyz', 'okx'],
    ['listing-mexc.com', 'mexc'],
    ['ai-okx.asia', 'okx'],
    // claims, bankruptcy and listing bait
    ['declaration-ftx.com', 'ftx'],
    ['settlements-ftx.com', 'ftx'],
    ['ftx.case-debtors.com', 'ftx'],
    ['client.48213-ftx.com', 'ftx'],
    ['celsius.stretto-portal.com', 'celsius'],
    ['portal.cases-celsius.network', 'celsius'],
    ['nexo-client.icu', 'nexo'],
    ['gemini-vip.xyz', 'gemini'],
    ['robinhood-otc.com', 'robinhood'],
    // a common-word brand beside a number, as the whole name
    ['482913-gemini.com', 'gemini'],
    // a brand padded by a few letters on an ending phishers favour
    ['krakenz.top', 'kraken'],
    ['geminiop.cc', 'gemini'],
    ['coinexp.top', 'coinex'],
    ['robinhoodq.site', 'robinhood'],
    ['luno-xy.cc', 'luno'],
    // a brand split across two of the label's tokens
    ['claims-block-fi-portal.com', 'blockfi'],
    ['crypto-com-pay.xyz', 'crypto-com'],
    // a telling word in a subdomain is context for the registrable name
    ['stretto.ftx-claimz.com', 'ftx'],
  ])('%s imitates %s', (host, id) => {
    const result = classify(host);
    expect(result.verdict, result.reason).toBe('lookalike');
    expect(result.exchange?.id).toBe(id);
    expect(result.reason).toContain(host);
  });

  it.each([
    // things that share a word with a common-word brand
    'gemini-ai.com',
    'gemini-chat.vercel.app',
    'gemini.google.com',
    'krakend.io',
    'gate.github.io',
    'stargate.pages.dev',
    'stargate.finance',
    'coingate.com',
    'gatehub.net',
    'gateway.fm',
    // a padded common word off the endings phishers favour, or a real product beside a number
    'krakend.com',
    'geminiop.com',
    'robinhoodie.net',
    'app.gemini-chat.com',
    'kraken.example.com',
    // a common word as a subdomain on a throwaway-favoured ending is still a word (the Gemini protocol)
    'gemini.circumlunar.space',
    // official domains the registry now lists
    'data.binance.vision',
    // ordinary sites on free hosting
    'my-portfolio.vercel.app',
    'docs.pages.dev',
  ])('%s is not a lookalike', (host) => {
    expect(classify(host).verdict, classify(host).reason).not.toBe('lookalike');
  });

  it('says the free hosting service and the brand, and names the evidence kind', () => {
    const result = classify('binance-login.pages.dev');
    expect(result.evidence).toBe('hosted');
    expect(result.reason).toBe(
      'binance-login.pages.dev puts the brand “binance” and the bait word “login” on pages.dev, a free hosting service anyone can publish on, but is not a Binance domain (Binance uses binance.com, binance.me, binance.info, binance.vision, binance.org)',
    );
    expect(classify('kraken-ix.com').evidence).toBe('padded');
    expect(classify('kraken-ix.com').reason).toContain('pads the brand “kraken”');
  });
});
