import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCommand } from './run-command.testkit';
import { command } from './address';

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
      message: 'This looks like a Tron address, but you chose Ethereum (ERC20). Sending it on the wrong network can lose the funds.',
    });
  });

  it('exits 2 for an unknown network and for bad usage', async () => {
    const unknown = await run(['ethreum', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed']);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.out).error.code).toBe('unknown-network');
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
