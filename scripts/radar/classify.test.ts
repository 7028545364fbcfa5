import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { runCommand } from './run-command.testkit';
import { command, classifyLine } from './classify';

async function run(input: string, args: string[] = []) {
  const { code, out, err } = await runCommand(command, args, input);
  const records = () =>
    out
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, out, err, records: code === 0 && !args.includes('--help') ? records() : [] };
}

describe('radar classify', () => {
  it('prints one JSON object per input line, hostnames and URLs alike', async () => {
    const { code, records } = await run(['www.binance.com', 'https://accounts.binance.com/en/login', 'binance-login.com', 'example.org', '', 'localhost'].join('\n'));
    expect(code).toBe(0);
    expect(records).toHaveLength(5);
    expect(records[0]).toMatchObject({ input: 'www.binance.com', host: 'www.binance.com', verdict: 'exchange', exchange: 'binance' });
    expect(records[1]).toMatchObject({ host: 'accounts.binance.com', verdict: 'exchange', exchange: 'binance' });
    expect(records[2]).toMatchObject({ host: 'binance-login.com', verdict: 'lookalike', exchange: 'binance' });
    expect(records[3]).toMatchObject({ host: 'example.org', verdict: 'unknown', exchange: null });
    expect(records[4]).toMatchObject({ host: 'localhost', verdict: 'unknown', exchange: null });
    for (const record of records) {
      expect(Object.keys(record)).toEqual(['input', 'host', 'verdict', 'exchange', 'reason']);
      expect(typeof record.reason).toBe('string');
    }
  });

  it('marks malformed lines invalid with a reason and keeps going', async () => {
    const { code, records } = await run('not a host\nbinance.com:99999\nhttps://\n\u0000\u0001\nkraken.com\r\n' + 'x'.repeat(300));
    expect(code).toBe(0);
    expect(records.map((record) => record.verdict)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'exchange', 'invalid']);
    for (const record of records.filter((r) => r.verdict === 'invalid')) {
      expect(record.host).toBeNull();
      expect(record.exchange).toBeNull();
      expect(String(record.reason).length).toBeGreaterThan(5);
    }
  });

  it('rejects arguments and answers --help', async () => {
    expect((await run('', ['extra'])).code).toBe(2);
    const help = await run('', ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('"verdict"');
  });

  it('classifyLine never throws on arbitrary text', () => {
    for (const input of ['', ' ', '://', '[', '[::1', 'a'.repeat(10_000), '💩.com', 'xn--.com', 'http://[::1]:80/']) {
      expect(() => classifyLine(input)).not.toThrow();
    }
  });

  it('works end to end through npm run radar', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/radar.ts', 'classify'], {
      cwd: root,
      input: 'coinbase.com\ncoinbase.com-verify.site\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    const records = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => [record.verdict, record.exchange])).toEqual([
      ['exchange', 'coinbase'],
      ['lookalike', 'coinbase'],
    ]);
  }, 60_000);
});
