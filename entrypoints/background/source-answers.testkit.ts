import { signFeed } from '@/lib/feed/sign-feed';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import { stableStringify } from '@/lib/reserves/stable-json';
import type { KnownBad } from '@/lib/exchanges/known-bad';
import { TEST_FEED_KEY } from '@/tests/fixtures/feed/test-key';

/** Answers for the background's data sources that no recording gives: the signed feed and DefiLlama's own-token `/chart`. */

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A made-up host and list: what is tested is how the background keeps what a feed brings. */
export function knownBadSection(fetchedAt: string, host: string): KnownBad {
  return { lists: [{ id: 'one', name: 'Example phishing list', url: 'https://lists.example/one.json', fetchedAt, sha256: 'd'.repeat(64), hosts: [[host, 'kraken']] }] };
}

/** The feed as served: the bundled snapshot issued now, carrying `knownBad`, signed with the test key (tests/fixtures/feed/test-key.ts). */
export async function signedFeed(sequence: number, knownBad: KnownBad): Promise<string> {
  const snapshot = { ...bundledSnapshot(), generatedAt: new Date().toISOString(), knownBad };
  const { envelope } = await signFeed({ snapshot, name: 'Reserve Radar PoR feed', sequence, issued: iso(Date.now() - 3_600_000), expires: iso(Date.now() + 86_400_000), privateKey: TEST_FEED_KEY });
  return stableStringify(envelope);
}

/**
 * A `/chart` answer in the shape DefiLlama documents, with a good BNB series up to an hour ago; made up, as no recorded
 * answer exists (tests/fixtures/coins-llama/README.md).
 */
export function ownTokenChart(nowMs = Date.now()): string {
  const now = Math.floor(nowMs / 1000);
  return JSON.stringify({
    coins: {
      'coingecko:binancecoin': {
        symbol: 'BNB',
        confidence: 0.99,
        prices: [
          { timestamp: now - 86400, price: 600 },
          { timestamp: now - 3600, price: 610 },
        ],
      },
    },
  });
}
