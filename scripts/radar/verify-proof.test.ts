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
    // JSON that is not a proof is a failed check, as for every command that reads a file: exit 1, the reason on stdout.
    expect(await run(['-'], '[]')).toEqual({ code: 1, out: `NOT VERIFIED: ${messages.verifyProofFailNotObject.message}\n`, err: '' });
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

  it('exits 2 for a file that is not JSON, empty or too large, with the reason on one line of stderr and nothing on stdout, --json or not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'radar-proof-'));
    const notJsonFile = join(dir, 'proof.json');
    writeFileSync(notJsonFile, 'this is not json');
    const notJson = messages.verifyProofFailNotJson.message;
    const cases: [string[], string | undefined, string][] = [
      [['-'], 'this is not json', `radar verify-proof: standard input: ${notJson}\n`],
      [['-', '--json'], 'this is not json', `radar verify-proof: standard input: ${notJson}\n`],
      [[notJsonFile], undefined, `radar verify-proof: ${notJsonFile}: ${notJson}\n`],
      [[notJsonFile, '--json', '--root', okxRoot], undefined, `radar verify-proof: ${notJsonFile}: ${notJson}\n`],
      [['-'], '', `radar verify-proof: standard input: ${messages.verifyProofFailEmpty.message}\n`],
      [['-'], ' '.repeat(2_000_001), `radar verify-proof: standard input: ${messages.verifyProofFailTooLarge.message.replace('$1', '2 MB')}\n`],
    ];
    for (const [args, stdinText, err] of cases) {
      const result = await run(args, stdinText);
      expect(result, args.join(' ')).toEqual({ code: 2, out: '', err });
    }
  });

  it('exits 2 for an unreadable file and for bad usage, with one plain line on stderr and nothing on stdout', async () => {
    const missingFile = join(fixtures, 'no-such-proof.json');
    const missing = await run([missingFile]);
    expect(missing).toEqual({ code: 2, out: '', err: `radar verify-proof: cannot read ${missingFile}: no such file (ENOENT).\n` });
    expect(await run([fixtures])).toEqual({ code: 2, out: '', err: `radar verify-proof: cannot read ${fixtures}: it is a folder (EISDIR).\n` });
    const usage: [string[], string][] = [
      [[], 'expected a proof file.'],
      [[okx, '--root'], '--root needs a value.'],
      [[okx, '--root', 'not-hex'], '--root must be a hex hash.'],
      [[okx, '--format', 'binance'], 'unknown format "binance" (known: okx-v1, bybit, bitget).'],
      [[okx, 'second.json'], 'expected one proof file.'],
      [[okx, '--jsn'], 'unknown option --jsn.'],
    ];
    // A root of the wrong length for the file's format is a mistyped --root, not a proof that failed.
    const rootLength = messages.verifyProofFailRootLength.message.replace('$1', 'OKX v1').replace('$2', '64');
    for (const json of [[], ['--json']]) {
      expect(await run([okx, '--root', 'abcd', ...json]), json.join()).toEqual({
        code: 2,
        out: '',
        err: `radar verify-proof: --root abcd: ${rootLength} Run "radar verify-proof --help" for the usage.\n`,
      });
    }
    for (const [args, message] of usage) {
      expect(await run(args), args.join(' ')).toEqual({ code: 2, out: '', err: `radar verify-proof: ${message} Run "radar verify-proof --help" for the usage.\n` });
    }
  });

  it('runs through the radar entry point', () => {
    const result = spawnSync('npx', ['tsx', 'scripts/radar.ts', 'verify-proof', okx, '--root', okxRoot], { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('VERIFIED');
  });
});
