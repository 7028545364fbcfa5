/** Signed test data the browser tests serve: feeds signed with the key the test build pins, and warning lists signed with anvil's well-known keys. */
import { signWarningList } from '../../../lib/community/sign-warning-list';
import { signFeed } from '../../../lib/feed/sign-feed';
import { FEED_NAME } from '../../../lib/feed/trust';
import { bundledSnapshot } from '../../../lib/reserves/snapshot';
import { stableStringify } from '../../../lib/reserves/stable-json';
import { TEST_FEED_KEY } from '../../fixtures/feed/test-key';

/** Anvil's well-known test key #0: anyone can sign as it, so it only ever signs test lists. */
export const ANVIL_KEY_0: `0x${string}` = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
export const ANVIL_SIGNER_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
/** Anvil's well-known test key #1. */
export const ANVIL_KEY_1: `0x${string}` = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
export const ANVIL_SIGNER_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A feed signed with the test key (the test build pins it), valid for a day, with a fresh Kraken report whose BTC
 * ratio is given: at 50 % the pill on kraken.com must say danger, which the bundled data never does.
 */
export async function krakenFeed(sequence: number, btcRatio: number): Promise<string> {
  const base = bundledSnapshot();
  const kraken = base.exchanges.kraken!;
  const asOf = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
  const por = { ...kraken.por!, reserveRatios: { BTC: btcRatio }, asOf, snapshotDate: asOf, checkedAt: new Date().toISOString().slice(0, 10) };
  delete por.publishedDate;
  const snapshot = { ...base, exchanges: { ...base.exchanges, kraken: { ...kraken, por } } };
  const { envelope } = await signFeed({ snapshot, name: FEED_NAME, sequence, issued: iso(Date.now() - 3_600_000), expires: iso(Date.now() + 86_400_000), privateKey: TEST_FEED_KEY });
  return stableStringify(envelope);
}

/** A warning list, as served, with one caution about Kraken titled `title`; `lang` only when given. */
export async function krakenWarningList({ name, sequence, title, privateKey, lang }: { name: string; sequence: number; title: string; privateKey: `0x${string}`; lang?: string }): Promise<string> {
  const list = {
    name,
    ...(lang === undefined ? {} : { lang }),
    sequence,
    issued: '2026-01-01T00:00:00Z',
    expires: '2099-01-01T00:00:00Z',
    entries: [
      {
        exchange: 'kraken',
        severity: 'caution',
        title,
        body: 'A test warning, shown only in this end-to-end run.',
        sources: ['https://www.example.org/warning-source'],
        published: '2026-01-01T00:00:00Z',
        expires: '2099-01-01T00:00:00Z',
      },
    ],
  };
  return JSON.stringify((await signWarningList({ list, privateKey })).envelope);
}

/** A warning list with no entries, as served, signed with Anvil's test key #0: a subscription that warns of nothing. */
export async function emptyWarningList(): Promise<string> {
  const list = { name: 'E2E test list', sequence: 1, issued: '2026-01-01T00:00:00Z', expires: '2099-01-01T00:00:00Z', entries: [] };
  return JSON.stringify((await signWarningList({ list, privateKey: ANVIL_KEY_0 })).envelope);
}
