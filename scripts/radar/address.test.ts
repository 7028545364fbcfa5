import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCommand } from './run-command.testkit';
import { command } from './address';
import en from '../../public/_locales/en/messages.json';

const run = (args: string[]) => runCommand(command, args);

describe('radar address', () => {
  it('prints the validation result and exits 0 for a valid address', async () => {
    const { code, out } = await run(['ethereum', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ valid: true, network: 'ethereum', normalized: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', kind: 'evm', error: null });
    expect(result.warnings.map((w: { code: string }) => w.code)).toContain('no-checksum');
  });

  it('exits 1 and names the mismatch for a wrong-network address', async () => {
    const { code, out } = await run(['ethereum', 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8']);
    expect(code).toBe(1);
    expect(JSON.parse(out).error).toEqual({
      code: 'wrong-network',
      belongsTo: ['tron'],
      message: 'This looks like an address for Tron, but you chose Ethereum. Sending on the wrong network can lose the funds.',
    });
  });

  it('words every warning and error with the English sentence the extension shows', async () => {
    const uq = JSON.parse((await run(['ton', 'UQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPuwA'])).out);
    const eq = JSON.parse((await run(['ton', 'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF'])).out);
    expect(uq.warnings).toEqual([
      { code: 'ton-non-bounceable', message: en.addressWarnTonNonBounceable.message },
      { code: 'memo', message: en.addressWarnMemo.message },
    ]);
    expect(eq.warnings[0]).toEqual({ code: 'ton-bounceable', message: en.addressWarnTonBounceable.message });
    const burn = await run(['xrp', 'rrrrrrrrrrrrrrrrrrrrrhoLvTp']);
    expect(JSON.parse(burn.out).error).toEqual({ code: 'burn-address', message: en.addressErrorBurn.message });
  });

  it('exits 2 for an unknown network and for bad usage', async () => {
    // An unknown network is bad usage: no result on stdout, and not the extension's "choose it again in step 1".
    const unknown = await run(['ethreum', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed']);
    expect(unknown).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^radar address: unknown network "ethreum" \(known: [a-z, -]+\)\.\n$/) });
    const missing = await run(['bitcoin']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/expected a network and one address/);
  });

  it('is found and run by the radar entry point', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/radar.ts', 'address', 'xrp', 'rrrrrrrrrrrrrrrrrrrrrhoLvTp'], {
      encoding: 'utf8',
      timeout: 60_000,
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
    expect(child.status).toBe(1);
    expect(JSON.parse(child.stdout)).toMatchObject({ valid: false, error: { code: 'burn-address' } });
  }, 60_000);
});
