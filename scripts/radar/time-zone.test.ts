import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolatedKeyAndFolder } from './run-command.testkit';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { signFeed } from '../../lib/feed/sign-feed';
import { FEED_NAME } from '../../lib/feed/trust';
import { TEST_FEED_KEY, TEST_FEED_SIGNER } from '../../tests/fixtures/feed/test-key';

// Anvil's account #0, which signed the warning-list fixture.
const ANVIL_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const LIST = 'tests/fixtures/warning-lists/sample.signed.json';

const folder = isolatedKeyAndFolder('radar-time-zone-');

/** `radar` in a child process on a machine whose clock is set to `zone`: stdout and stderr together. */
function radarIn(zone: string, args: string[]): string {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/radar.ts', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TZ: zone } });
  return `${child.status}\n${child.stdout}${child.stderr}`;
}

// The maintainer's terminal and the CI log must show one feed the same way, whatever the machine's zone.
describe('radar prints moments the same on every machine', { timeout: 120_000 }, () => {
  it('feed verify and warnings verify say the same words in New York and in Tokyo, moments in UTC', async () => {
    const feed = join(folder(), 'feed.json');
    const { envelope } = await signFeed({
      snapshot: bundledSnapshot(),
      name: FEED_NAME,
      sequence: 1,
      issued: '2026-12-05T11:40:00Z',
      expires: '2026-12-12T11:40:00Z',
      privateKey: TEST_FEED_KEY,
    });
    writeFileSync(feed, JSON.stringify(envelope));
    const commands = [
      ['feed', 'verify', feed, '--signer', TEST_FEED_SIGNER, '--now', '2026-12-06T00:00:00Z'],
      ['feed', 'verify', feed, '--signer', TEST_FEED_SIGNER, '--now', '2030-01-01T00:00:00Z'],
      ['feed', 'verify', feed, '--signer', TEST_FEED_SIGNER, '--now', '2026-12-01T00:00:00Z'],
      ['warnings', 'verify', LIST, '--signer', ANVIL_0, '--now', '2026-12-01T00:00:00Z'],
      ['warnings', 'verify', LIST, '--signer', ANVIL_0, '--now', '2030-01-01T00:00:00Z'],
    ];
    const newYork = commands.map((args) => radarIn('America/New_York', args));
    const tokyo = commands.map((args) => radarIn('Asia/Tokyo', args));
    expect(tokyo).toEqual(newYork);
    // Each command writes its moments one way, the way the signed documents write them.
    expect(newYork).toEqual([
      expect.stringContaining('issued 2026-12-05T11:40:00Z, expires 2026-12-12T11:40:00Z'),
      expect.stringContaining('expired on 2026-12-12T11:40:00Z'),
      expect.stringContaining('2026-12-05T11:40:00Z'),
      expect.stringContaining('expires 2027-11-25T00:00:00Z'),
      expect.stringContaining('expired on 2027-11-25T00:00:00Z'),
    ]);
  });
});
