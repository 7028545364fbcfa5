import { describe, expect, it } from 'vitest';
import { checkPoisoning, createAddressBookEntry, parseAddressBook, type AddressBookEntry } from './address-book';
import { resolveEnsName } from './ens';
import { guideForExchange } from './guides';
import { networkIds, networks } from './networks';
import { applyGuideAction, createGuideState, exchangeWithdrawalHints, guideStepIds, parseGuideState, testTransactionAdvice, validateStep, walletOptions, type GuideState } from './steps';
import { validateAddress } from './validate-address';

/**
 * lib/custody returns codes and parameters; every sentence lives in the messages files and is
 * worded by lib/words. Network names ("BNB Smart Chain") and user labels are names, not prose:
 * anything of four words or more is a sentence that escaped.
 */
function sentences(value: unknown, path = '$', found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.trim().split(/\s+/).length >= 4) found.push(`${path}: ${value}`);
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) sentences(item, `${path}[${index}]`, found);
  } else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) sentences(item, `${path}.${key}`, found);
  return found;
}

const samples = [
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD',
  '0x0000000000000000000000000000000000000000',
  'vitalik.eth',
  'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
  '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
  'tb1qw508d6qejxtdg4y5r3zarvary0c5xdfc7j3t',
  'ltcmweb1qqxyz',
  'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
  '11111111111111111111111111111111',
  'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8',
  'rrrrrrrrrrrrrrrrrrrrrhoLvTp',
  'rGWrZyQqhTp9Xu7G5Pkayo7bXjH4k4QYpf',
  'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF',
  'UQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPuwA',
  '-1:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e',
  'cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu',
  '',
  'x'.repeat(200),
  'not an address at all',
];

describe('lib/custody speaks in codes', () => {
  it('address checks return codes and parameters, no sentences, for every network and kind of input', () => {
    const results = [...networkIds, 'moon'].flatMap((network) => samples.map((address) => validateAddress({ network, address })));
    expect(results.some((result) => result.error?.code === 'wrong-network')).toBe(true);
    expect(results.some((result) => result.warnings.length > 0)).toBe(true);
    expect(sentences(results)).toEqual([]);
  });

  it('the network table, the guide steps, the advice and the address book carry no sentences', async () => {
    const saved: AddressBookEntry[] = parseAddressBook([{ label: 'Ledger', network: 'ethereum', address: samples[0], addedAt: '2026-11-25T10:00:00Z' }]).entries;
    const lookalike = `0x5aAe${'0'.repeat(32)}BeAed`;
    let state: GuideState = createGuideState(new Date('2026-11-25T10:00:00Z'));
    state = applyGuideAction(state, { type: 'set-route', asset: 'DOGE', network: 'ethereum' });
    const outputs = [
      networks.map(({ name, exchangeLabels, ...rest }) => rest),
      guideStepIds.map((step) => validateStep({ state, step, book: saved })),
      validateStep({ state: { ...state, address: lookalike }, step: 'address', book: saved }),
      networkIds.map((network) => [walletOptions({ network }), testTransactionAdvice({ network })]),
      parseGuideState({ version: 1, damaged: true }),
      parseGuideState({ ...state, address: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8' }),
      guideForExchange({ current: undefined, own: { ...state, exchangeId: 'okx' }, exchangeId: 'kraken' }),
      exchangeWithdrawalHints({ withdrawal: undefined }),
      parseAddressBook([{ label: '', network: 'moon', address: 'x', addedAt: 'never' }, { label: 'Burn', network: 'xrp', address: samples[12], addedAt: '2026-11-25T10:00:00Z' }, 'junk']),
      parseAddressBook('not a list'),
      createAddressBookEntry({ label: 'Typo', network: 'ethereum', address: '0x1234' }),
      checkPoisoning({ candidate: { network: 'ethereum', address: lookalike }, book: saved }),
      await resolveEnsName({ name: 'vitalik.com', rpcUrl: 'http://127.0.0.1:9' }),
      await resolveEnsName({ name: 'bad name!.eth', rpcUrl: 'http://127.0.0.1:9' }),
    ];
    expect(JSON.stringify(outputs)).toMatch(/"code"/);
    expect(sentences(outputs)).toEqual([]);
  });
});
