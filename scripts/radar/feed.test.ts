import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolatedKeyAndFolder, runCommand } from './run-command.testkit';
import { command } from './feed';
import { KEY_ENV } from './command';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { generatePrivateKey } from 'viem/accounts';
import { TEST_FEED_KEY, TEST_FEED_SIGNER } from '../../tests/fixtures/feed/test-key';
import { signFeed } from '../../lib/feed/sign-feed';
import { FEED_NAME } from '../../lib/feed/trust';

const run = (args: string[]) => runCommand(command, args, '');

const folder = isolatedKeyAndFolder('radar-feed-');

// The first offline build reads the phishing-list recordings, ScamSniffer's 165,446 entries among them,
// through the brand rule: some seconds on a shared machine (later builds reuse that reading).
describe('radar feed build --offline', { timeout: 60_000 }, () => {
  it('builds from the recorded answers, signs, and the result verifies; it is the bundled snapshot', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const out = join(folder(), 'feed.json');
    const report = join(folder(), 'report.json');
    const built = await run(['build', '--offline', '--out', out, '--report', report]);
    expect(built.code, built.err).toBe(0);
    const feed = JSON.parse(readFileSync(out, 'utf8')) as { feed: { issued: string; sequence: number }; snapshot: unknown };
    // Numbered by the build's moment, so a build that could not download the previous feed still counts up.
    expect(feed.feed.sequence).toBe(Date.parse(feed.feed.issued) / 1000);
    // `npm run data:snapshot -- --offline` made data/snapshot.json from the same answers.
    expect(feed.snapshot).toEqual(bundledSnapshot());
    const lines = JSON.parse(readFileSync(report, 'utf8')) as { exchanges: Record<string, { por: string }>; failedAdapters: string[] };
    expect(lines.exchanges.binance!.por).toBe('adapter');
    // OKX's reviewed file carries reports newer than the recorded answer; the adapter's report
    // still enters OKX's history, with the hash of the answer it was read from.
    expect(lines.exchanges.okx!.por).toBe('reviewed');
    const okx = (feed.snapshot as { exchanges: Record<string, { porHistory?: { asOf: string; sha256?: string }[] }> }).exchanges.okx!;
    expect(okx.porHistory).toContainEqual(expect.objectContaining({ asOf: '2026-05-07', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }));
    expect(lines.failedAdapters).toEqual([]);

    const verified = await run(['verify', out, '--signer', TEST_FEED_SIGNER, '--now', feed.feed.issued]);
    expect(verified).toMatchObject({ code: 0, out: expect.stringMatching(new RegExp(`^valid: feed number ${feed.feed.sequence},`)) });
    // "-" reads the feed from standard input, as `warnings` and `verify-proof` read theirs.
    expect(await runCommand(command, ['verify', '-', '--signer', TEST_FEED_SIGNER, '--now', feed.feed.issued], readFileSync(out, 'utf8'))).toEqual(verified);
    // Past its week, the same file is refused.
    expect((await run(['verify', out, '--signer', TEST_FEED_SIGNER, '--now', '2030-01-01T00:00:00Z'])).code).toBe(1);

    // Built again from the same recordings, on top of the first: one number higher, into a folder it makes.
    const second = join(folder(), 'site', 'v1', 'feed.json');
    expect((await run(['build', '--offline', '--previous', out, '--out', second, '--report', report])).code).toBe(0);
    expect((JSON.parse(readFileSync(second, 'utf8')) as { feed: { sequence: number } }).feed.sequence).toBe(feed.feed.sequence + 1);

    // A "previous feed" someone else signed, or changed, is not taken as our last good data.
    process.env[KEY_ENV] = generatePrivateKey();
    const foreign = join(folder(), 'foreign.json');
    expect((await run(['build', '--offline', '--out', foreign, '--report', report])).code).toBe(0);
    process.env[KEY_ENV] = TEST_FEED_KEY;
    expect(await run(['build', '--offline', '--previous', foreign, '--out', join(folder(), 'x.json'), '--report', report])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/not a feed we published: .*not signed by a maintainer key/),
    });
    writeFileSync(join(folder(), 'changed.json'), readFileSync(out, 'utf8').replace('"BTC": 1.000299', '"BTC": 1.1'));
    expect(await run(['build', '--offline', '--previous', join(folder(), 'changed.json'), '--out', join(folder(), 'x.json'), '--report', report])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/changed after signing/),
    });
  });

  it('carries the known-bad lists read within 30 days of the build, signed and verified with the rest', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const out = join(folder(), 'feed.json');
    const report = join(folder(), 'report.json');
    // A week after polkadot's recording (2026-02-03); MetaMask's (2024-12-09) and ScamSniffer's (2024-03-30) are too old to publish.
    const built = await run(['build', '--offline', '--now', '2026-02-10T06:00:00Z', '--out', out, '--report', report]);
    expect(built.code, built.err).toBe(0);
    const feed = JSON.parse(readFileSync(out, 'utf8')) as { feed: { issued: string }; snapshot: { knownBad?: { lists: { id: string; fetchedAt: string; hosts: [string, string][] }[] } } };
    expect(feed.snapshot.knownBad?.lists.map((list) => [list.id, list.fetchedAt])).toEqual([['polkadot', '2026-02-03T20:16:51.000Z']]);
    expect(feed.snapshot.knownBad?.lists[0]?.hosts).toContainEqual(['accountrestore-coinbase.com', 'coinbase']);
    const lines = JSON.parse(readFileSync(report, 'utf8')) as { knownBad: { lists: Record<string, { from: string; notes: string[] }> } };
    expect(lines.knownBad.lists.polkadot!.from).toBe('read');
    expect(lines.knownBad.lists.metamask).toMatchObject({ from: 'none', notes: [expect.stringMatching(/^read 13,752 entries/), expect.stringMatching(/more than 30 days old/)] });
    expect(lines.knownBad.lists.scamsniffer).toMatchObject({ from: 'none', notes: [expect.stringMatching(/^read 165,446 entries, kept 1,844;/), expect.stringMatching(/more than 30 days old/)] });
    const verified = await run(['verify', out, '--signer', TEST_FEED_SIGNER, '--now', feed.feed.issued]);
    expect(verified.code, verified.out).toBe(0);
  });

  it('holds a known-bad list that shrank below half of the copy held, naming the answer it held', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    // The previous feed's polkadot copy, read before the recording, with twice its hosts and more (made up).
    const hosts = Array.from({ length: 700 }, (_, index) => [`binance-held-${index}.example`, 'binance']);
    const held = { id: 'polkadot', name: 'polkadot{.js} phishing', url: 'https://polkadot.js.org/phishing/all.json', fetchedAt: '2026-02-01T00:00:00.000Z', sha256: 'a'.repeat(64), hosts };
    const previous = await signFeed({
      snapshot: { ...bundledSnapshot(), knownBad: { lists: [held] } },
      name: FEED_NAME,
      sequence: 1,
      issued: '2026-02-02T00:00:00Z',
      expires: '2026-02-09T00:00:00Z',
      privateKey: TEST_FEED_KEY,
    });
    const previousPath = join(folder(), 'previous.json');
    writeFileSync(previousPath, JSON.stringify(previous.envelope));
    const out = join(folder(), 'feed.json');
    const report = join(folder(), 'report.json');
    const built = await run(['build', '--offline', '--now', '2026-02-10T06:00:00Z', '--previous', previousPath, '--out', out, '--report', report]);
    expect(built.code, built.err).toBe(0);
    const feed = JSON.parse(readFileSync(out, 'utf8')) as { snapshot: { knownBad?: { lists: { id: string; hosts: unknown[] }[] } } };
    const lines = (JSON.parse(readFileSync(report, 'utf8')) as { knownBad: { held: string[]; lists: Record<string, { notes: string[] }> } }).knownBad;
    expect(feed.snapshot.knownBad?.lists.find((list) => list.id === 'polkadot')?.hosts).toHaveLength(700);
    expect(lines.held).toEqual(['polkadot']);
    // The note names the answer held, so the person who checks it knows which one they checked.
    expect(lines.lists.polkadot!.notes[0]).toBe(
      'held for review: it ties 343 hosts to an exchange against 700 in the copy held (limit: 50 % of it) (answer read 2026-02-03T20:16:51.000Z, SHA-256 791ae470062f4542d4a59f0bed0f078388538bf9dae26f92dbbce22446a8a404); the copy read 2026-02-01T00:00:00.000Z is kept',
    );
  });

  it('exit codes: 1 for an invalid feed with its reason, 2 for unreadable input, bad usage or a missing key', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const out = join(folder(), 'feed.json');
    await run(['build', '--offline', '--out', out, '--report', join(folder(), 'r.json')]);
    const text = readFileSync(out, 'utf8');
    const issued = (JSON.parse(text) as { feed: { issued: string } }).feed.issued;
    writeFileSync(join(folder(), 'changed.json'), text.replace('"BTC": 1.000299', '"BTC": 1.1'));
    expect(await run(['verify', join(folder(), 'changed.json'), '--signer', TEST_FEED_SIGNER, '--now', issued])).toMatchObject({ code: 1, out: expect.stringMatching(/tampered/) });
    expect(await run(['verify', out, '--signer', '0x0000000000000000000000000000000000000001', '--now', issued])).toMatchObject({ code: 1, out: expect.stringMatching(/wrong-signer/) });
    writeFileSync(join(folder(), 'garbage.json'), 'not json');
    expect((await run(['verify', join(folder(), 'garbage.json'), '--signer', TEST_FEED_SIGNER])).code).toBe(2);
    expect((await run(['verify', join(folder(), 'missing.json'), '--signer', TEST_FEED_SIGNER])).code).toBe(2);
    expect((await run(['verify', out])).code).toBe(2);
    expect((await run(['verify', out, '--signer', TEST_FEED_SIGNER, '--now', 'yesterday'])).code).toBe(2);
    delete process.env[KEY_ENV];
    expect(await run(['build', '--offline'])).toMatchObject({ code: 2, err: expect.stringMatching(/RADAR_SIGNER_KEY is not set/) });
  });
});
