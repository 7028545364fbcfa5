import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from './run-command.testkit';
import { command } from './verify-proof';
import messages from '../../public/_locales/en/messages.json';

const fixtures = fileURLToPath(new URL('../../tests/fixtures/proofs/', import.meta.url));
const okx = join(fixtures, 'okx-v1-example.json');
const okxRoot = 'ac6b39d2a0aa8112bd1aadff5e7d4b5c2b91cd54d595262ba4367f5d2db4160d';

const run = (args: string[], stdinText?: string) => runCommand(command, args, stdinText);

describe('radar verify-proof', () => {
  it('exits 0 and says VERIFIED when the path reaches the published root', async () => {
    const { code, out } = await run([okx, '--root', okxRoot]);
    expect(code).toBe(0);
    expect(out).toContain('Format: OKX (Merkle tree v1) — okx-v1, snapshot 499930592');
    expect(out).toContain('  BTC      1.000069');
    expect(out).toContain(`Computed root:  ${okxRoot}`);
    // The verdict is the verify page's sentence, from the messages file.
    expect(out).toContain(`Published root: ${messages.verifyRootMatches.message}\n\nVERIFIED: ${messages.verifyProofVerifiedBody.message}\n`);
    expect(out.match(/sibling on the/g)).toHaveLength(23);
  });

  it('exits 0 without --root but says only internal consistency was checked', async () => {
    const { code, out } = await run([okx]);
    expect(code).toBe(0);
    expect(out).toContain(`CONSISTENT ONLY: ${messages.verifyProofNoRootBody.message}`);
    expect(out).toContain('Without --root only internal consistency is checked.');
    expect(out).not.toContain('VERIFIED:');
  });

  it('exits 1 on a different published root, and on a tampered file', async () => {
    const mismatch = await run([okx, '--root', '0'.repeat(64)]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.out).toContain(`NOT VERIFIED: ${messages.verifyProofMismatchBody.message}`);

    const dir = mkdtempSync(join(tmpdir(), 'radar-proof-'));
    const tampered = join(dir, 'proof.json');
    writeFileSync(tampered, readFileSync(okx, 'utf8').replace('"USDT":"19398.33550812"', '"USDT":"19398.33550813"'));
    const result = await run([tampered, '--root', okxRoot]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^NOT VERIFIED \(OKX \(Merkle tree v1\)\): Your leaf does not match its balances/);
  });

  it('words a failure with the English of the messages file, and gives its code and figures with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'radar-proof-'));
    const tampered = join(dir, 'proof.json');
    writeFileSync(tampered, readFileSync(okx, 'utf8').replace('"USDT":"19398.33550812"', '"USDT":"19398.33550813"'));
    const json = await run([tampered, '--json']);
    const result = JSON.parse(json.out);
    expect(result).toMatchObject({ ok: false, format: 'okx-v1', failure: { code: 'leaf-hash', written: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const sentence = messages.verifyProofFailLeafHash.message.replace('$1', result.failure.computed).replace('$2', result.failure.written);
    expect(result.reason).toBe(sentence);
    expect((await run([tampered])).out).toBe(`NOT VERIFIED (OKX (Merkle tree v1)): ${sentence}\n`);
    expect((await run(['-'], '[]')).out).toBe(`NOT VERIFIED: ${messages.verifyProofFailNotObject.message}\n`);
  });

  it('prints the result as JSON with --json and reads standard input with -', async () => {
    const { code, out } = await run(['-', '--json', `--root=0x${'8eac815c495e6a67'}`], readFileSync(join(fixtures, 'bitget-2025.json'), 'utf8'));
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ ok: true, format: 'bitget', variant: 'bitget-2025', computedRoot: '8eac815c495e6a67', rootMatches: true, verdict: 'verified' });
    expect(result.path).toHaveLength(26);
  });

  it('exits 1 with a reason for a file that is not a proof', async () => {
    const { code, out } = await run(['-'], '{"hello": "world"}');
    expect(code).toBe(1);
    expect(out).toContain('does not look like an OKX (v1), Bybit or Bitget Merkle proof');
  });

  it('exits 2 for a file that is not JSON or is empty, with the reason', async () => {
    const notJson = await run(['-'], 'this is not json');
    expect(notJson.code).toBe(2);
    expect(notJson.out).toContain('NOT VERIFIED: The file is not valid JSON.');
    expect((await run(['-'], '')).code).toBe(2);
  });

  it('exits 2 for an unreadable file and for bad usage', async () => {
    const missing = await run([join(fixtures, 'no-such-proof.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
    expect((await run([fixtures])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run([okx, '--root'])).code).toBe(2);
    expect((await run([okx, '--root', 'not-hex'])).code).toBe(2);
    expect((await run([okx, '--format', 'binance'])).code).toBe(2);
    expect((await run([okx, 'second.json'])).code).toBe(2);
  });

  it('runs through the radar entry point', () => {
    const result = spawnSync('npx', ['tsx', 'scripts/radar.ts', 'verify-proof', okx, '--root', okxRoot], { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('VERIFIED');
  });
});
