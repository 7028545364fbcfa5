import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCommand } from './run-command.testkit';
import { command } from './replay';

const root = join(import.meta.dirname, '../..');

describe('radar replay', () => {
  test('FTX, November 2022: the alert begins on 7 November, 29.6 hours before withdrawals stopped', async () => {
    const { code, out } = await runCommand(command, ['ftx-2022-11']);
    expect(code).toBe(0);
    expect(out).toContain('2022-11-07T06:00:00Z · ALERT BEGINS');
    expect(out).toContain('[alert] $5B left in the last 24 hours: 59.5% of the $8.4B it held (an alert from 15%).');
    expect(out).toContain('First alert 2022-11-07T06:00:00Z, 29.6 hours before withdrawals stopped; 1 alert episode.');
    expect(out.match(/ALERT BEGINS/g)).toHaveLength(1);
  });

  test('Binance, December 2022: a caution, never an alert', async () => {
    const { code, out } = await runCommand(command, ['binance-2022-12', '--json']);
    expect(code).toBe(0);
    const [binance] = JSON.parse(out) as { peak: string; alerts: number; readings: { level: string }[] }[];
    expect(binance).toMatchObject({ peak: 'caution', alerts: 0 });
    expect(binance?.readings.map((reading) => reading.level)).toEqual(['calm', 'caution']);
  });

  test('--table prints the table docs/risk-model.md carries; every episode ends with the false-alarm count', async () => {
    const table = await runCommand(command, ['--table']);
    expect(readFileSync(join(root, 'docs/risk-model.md'), 'utf8')).toContain(table.out.trim());
    const all = await runCommand(command, []);
    expect(all.out.trim().split('\n').at(-1)).toBe('1 alert in 8 readings of 5 episodes: 1 before a halt, 0 false alarms, 0 halts missed.');
  });

  test('an unknown episode or option is exit 2 with the list', async () => {
    const unknown = await runCommand(command, ['mt-gox-2014']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no episode "mt-gox-2014"; the episodes are ftx-2022-11, /);
    expect((await runCommand(command, ['--csv'])).code).toBe(2);
    expect((await runCommand(command, ['--table', '--json'])).code).toBe(2);
  });

  test('runs as a real process: npx tsx scripts/radar.ts replay ftx-2022-11 --json', () => {
    const child = spawnSync('npx', ['tsx', 'scripts/radar.ts', 'replay', 'ftx-2022-11', '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const [ftx] = JSON.parse(child.stdout) as { firstAlertAt: string; leadHours: number }[];
    expect(ftx).toMatchObject({ firstAlertAt: '2022-11-07T06:00:00Z', leadHours: 29.6 });
  }, 60_000);
});
