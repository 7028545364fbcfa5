import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolatedKeyAndFolder, runCommand } from './run-command.testkit';
import { command as feed } from './feed';
import { command as status } from './status';
import { command as verifyProof } from './verify-proof';
import { command as warnings } from './warnings';

const SIGNER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const folder = isolatedKeyAndFolder('radar-exit-');

/** One convention for every command: 0 ok, 1 invalid content (with the reason), 2 unreadable file, not JSON, or bad usage. */
describe('radar exit codes', () => {
  it('exits 2 for a file that is not JSON, whichever command reads it', async () => {
    const file = join(folder(), 'garbage.json');
    writeFileSync(file, 'this is not JSON');
    expect((await runCommand(verifyProof, [file])).code).toBe(2);
    expect((await runCommand(warnings, ['verify', file, '--signer', SIGNER])).code).toBe(2);
    expect((await runCommand(feed, ['verify', file, '--signer', SIGNER])).code).toBe(2);
    expect((await runCommand(status, ['binance', '--cexs', file])).code).toBe(2);
  });

  it('exits 2 for a file that is missing or empty, whichever command reads it', async () => {
    const missing = join(folder(), 'missing.json');
    const empty = join(folder(), 'empty.json');
    writeFileSync(empty, '');
    for (const file of [missing, empty]) {
      expect((await runCommand(verifyProof, [file])).code, file).toBe(2);
      expect((await runCommand(warnings, ['verify', file, '--signer', SIGNER])).code, file).toBe(2);
      expect((await runCommand(feed, ['verify', file, '--signer', SIGNER])).code, file).toBe(2);
      expect((await runCommand(status, ['binance', '--cexs', file])).code, file).toBe(2);
    }
  });

  it('exits 1 for JSON that is not what the command reads, an object or not', async () => {
    const file = join(folder(), 'other.json');
    for (const text of ['{"hello":"world"}', '[]', '42']) {
      writeFileSync(file, text);
      expect((await runCommand(verifyProof, [file])).code, text).toBe(1);
      expect((await runCommand(warnings, ['verify', file, '--signer', SIGNER])).code, text).toBe(1);
      expect((await runCommand(feed, ['verify', file, '--signer', SIGNER])).code, text).toBe(1);
      expect((await runCommand(status, ['binance', '--cexs', file])).code, text).toBe(1);
    }
  });
});
