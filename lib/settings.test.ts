import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { defaultSettings, guideRpcUrls, hasAnyRpcUrl, parseSettings, RpcUrlSchema, rpcUrlForChain } from './settings';

describe('endpoints per chain', () => {
  const settings = parseSettings({ rpcUrl: 'https://eth.example.org', chainRpcUrls: { '8453': 'https://base.example.org' } });

  test("a chain's own endpoint wins; others fall back to the main one", () => {
    expect(rpcUrlForChain({ settings, chainId: 8453 })).toBe('https://base.example.org');
    expect(rpcUrlForChain({ settings, chainId: 1 })).toBe('https://eth.example.org');
    expect(rpcUrlForChain({ settings, chainId: 42161 })).toBe('https://eth.example.org');
  });

  test('with only a per-chain endpoint, other chains have none', () => {
    const only = parseSettings({ chainRpcUrls: { '42161': 'https://arb.example.org' } });
    expect(rpcUrlForChain({ settings: only, chainId: 42161 })).toBe('https://arb.example.org');
    expect(rpcUrlForChain({ settings: only, chainId: 1 })).toBeUndefined();
    expect(hasAnyRpcUrl(only)).toBe(true);
    expect(hasAnyRpcUrl(defaultSettings)).toBe(false);
  });

  test('no endpoint at all: none for any chain', () => {
    expect(rpcUrlForChain({ settings: defaultSettings, chainId: 1 })).toBeUndefined();
  });

  test("the guide looks ENS names up through the main endpoint, and watches the arrival through the network's own", () => {
    const both = parseSettings({ rpcUrl: 'https://eth.example.org', chainRpcUrls: { '1': 'https://eth-own.example.org', '42161': 'https://arb.example.org' } });
    expect(guideRpcUrls({ settings: both, chainId: 42161 })).toEqual({ ens: 'https://eth.example.org', arrival: 'https://arb.example.org' });
    // ENS names live on Ethereum mainnet: the main endpoint, which the options ask to be one.
    expect(guideRpcUrls({ settings: both, chainId: 1 })).toEqual({ ens: 'https://eth.example.org', arrival: 'https://eth-own.example.org' });
    expect(guideRpcUrls({ settings: both, chainId: 10 })).toEqual({ ens: 'https://eth.example.org', arrival: 'https://eth.example.org' });
    // No network chosen yet, or one without a chain id (Bitcoin): the main endpoint, which such a network never asks.
    expect(guideRpcUrls({ settings: both, chainId: undefined })).toEqual({ ens: 'https://eth.example.org', arrival: 'https://eth.example.org' });
  });

  test('with only an Arbitrum endpoint the guide watches an Arbitrum withdrawal, and has none for ENS', () => {
    const only = parseSettings({ chainRpcUrls: { '42161': 'https://arb.example.org' } });
    expect(guideRpcUrls({ settings: only, chainId: 42161 })).toEqual({ ens: undefined, arrival: 'https://arb.example.org' });
    expect(guideRpcUrls({ settings: only, chainId: 8453 })).toEqual({ ens: undefined, arrival: undefined });
  });

  test('a bad key or a non-http endpoint makes the whole stored value unreadable, so the defaults apply', () => {
    expect(parseSettings({ chainRpcUrls: { base: 'https://base.example.org' } })).toEqual(defaultSettings);
    expect(parseSettings({ chainRpcUrls: { '8453': 'javascript:alert(1)' } })).toEqual(defaultSettings);
    expect(parseSettings(JSON.parse('{"chainRpcUrls": {"__proto__": "https://x.example.org"}}'))).toEqual(defaultSettings);
  });
});

describe('the language setting', () => {
  test('auto by default; any listed locale id is kept', () => {
    expect(defaultSettings.language).toBe('auto');
    for (const language of ['en', 'sv', 'es', 'pt_BR', 'tr', 'de', 'fr', 'zh_CN']) expect(parseSettings({ language }).language).toBe(language);
  });

  test('a well-formed id of a language this version lacks is kept (it reads as auto), so the other settings survive', () => {
    expect(parseSettings({ language: 'ja', corner: 'top-left' })).toMatchObject({ language: 'ja', corner: 'top-left' });
  });

  test('anything that is not a locale id makes the stored value unreadable, so the defaults apply', () => {
    for (const language of ['', 'pt-BR', 'EN', '../../popup', 'sv_se', 42]) expect(parseSettings({ language, corner: 'top-left' })).toEqual(defaultSettings);
  });
});

describe('the RPC address', () => {
  const bad = ['rpc.example.org', 'nonsense', 'not a url', 'ftp://x.org', 'javascript:alert(1)', '   ', '', 'https://', 'http//rpc.example.org', 42, null];

  test.each(bad)('%j is refused as a failed parse, never a throw', (input) => {
    const result = v.safeParse(RpcUrlSchema, input);
    expect(result.success).toBe(false);
  });

  test('a full http(s) address is kept, trimmed', () => {
    expect(v.parse(RpcUrlSchema, ' https://rpc.example.org ')).toBe('https://rpc.example.org');
    expect(v.parse(RpcUrlSchema, 'http://127.0.0.1:8545')).toBe('http://127.0.0.1:8545');
  });

  test('a stored or imported bad address gives the defaults, not a throw', () => {
    for (const rpcUrl of bad) {
      expect(parseSettings({ rpcUrl, corner: 'top-left' })).toEqual(defaultSettings);
      expect(parseSettings({ chainRpcUrls: { '8453': rpcUrl } })).toEqual(defaultSettings);
    }
  });
});

describe('reading stored settings', () => {
  test('never throws, whatever is stored: an unreadable value gives the defaults', () => {
    const stored = [
      undefined,
      null,
      'settings',
      42,
      [],
      [{}],
      { rpcUrl: {} },
      { rpcUrl: 'rpc.example.org', language: 'de' },
      { snoozes: 'x' },
      { chainRpcUrls: ['nonsense'] },
      { reminders: { monthlyDay: 40 } },
    ];
    for (const value of stored) expect(() => parseSettings(value)).not.toThrow();
    expect(parseSettings({ rpcUrl: 'rpc.example.org', language: 'de' })).toEqual(defaultSettings);
  });
});

describe('plain http only for a node on this computer', () => {
  test.each(['http://example.com', 'http://127.0.0.1.example.com', 'http://localhost.evil.com', 'http://localhost@evil.com', 'http://node.localhost:8545'])('the field refuses %s', (input) => {
    expect(v.safeParse(RpcUrlSchema, input).success).toBe(false);
  });

  test.each(['http://localhost:8545', 'HTTP://LOCALHOST:8545', 'http://127.0.0.1:8545', 'http://[::1]:8545', 'https://example.com'])('the field takes %s', (input) => {
    expect(v.safeParse(RpcUrlSchema, input).success).toBe(true);
  });

  test('a remote http endpoint stored by an older version is used for nothing, and every other setting stays', () => {
    const stored = { rpcUrl: 'http://example.com', chainRpcUrls: { '8453': 'http://base.example.com', '42161': 'https://arb.example.org' }, corner: 'top-left', language: 'de' };
    const settings = parseSettings(stored);
    expect(settings).toMatchObject({ corner: 'top-left', language: 'de' });
    // Kept as stored, so the options page can say why it is not in use.
    expect(settings.rpcUrl).toBe('http://example.com');
    expect(settings.chainRpcUrls['8453']).toBe('http://base.example.com');
    expect(rpcUrlForChain({ settings, chainId: 1 })).toBeUndefined();
    expect(rpcUrlForChain({ settings, chainId: 8453 })).toBeUndefined();
    expect(rpcUrlForChain({ settings, chainId: 42161 })).toBe('https://arb.example.org');
    expect(guideRpcUrls({ settings, chainId: 8453 })).toEqual({ ens: undefined, arrival: undefined });
    expect(hasAnyRpcUrl(settings)).toBe(true);
    expect(hasAnyRpcUrl(parseSettings({ rpcUrl: 'http://example.com' }))).toBe(false);
  });

  test('a refused per-network endpoint alone is no endpoint for holdings', () => {
    expect(hasAnyRpcUrl(parseSettings({ chainRpcUrls: { '8453': 'http://x.example' } }))).toBe(false);
  });

  test("a chain's refused endpoint does not fall back to the main one either: the user set that chain's own", () => {
    const settings = parseSettings({ rpcUrl: 'https://eth.example.org', chainRpcUrls: { '8453': 'http://base.example.com' } });
    expect(rpcUrlForChain({ settings, chainId: 8453 })).toBeUndefined();
  });
});
