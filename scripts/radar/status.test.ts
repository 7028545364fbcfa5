import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { getExchange } from '../../lib/exchanges/registry';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { gradeExchange } from '../../lib/risk/grade';
import { command } from './status';
import { runCommand } from './run-command.testkit';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        append(chunk.toString());
        callback();
      },
    });
  const code = await command.run(args, {
    stdin: Readable.from([]),
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
  });
  return { code, stdout, stderr };
}

const NOW = '2026-11-25';
const tmp = mkdtempSync(join(tmpdir(), 'radar-status-'));
function file(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('radar status', () => {
  test('--json prints the verdict gradeExchange gives for the bundled snapshot', async () => {
    const { code, stdout } = await run(['binance', '--json', '--now', NOW]);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(printed).sort()).toEqual(['asOf', 'exchange', 'grade', 'incomplete', 'level', 'metrics', 'reasons', 'run', 'sources']);
    expect(printed.exchange).toEqual({ id: 'binance', name: 'Binance' });
    const expected = gradeExchange({ exchange: getExchange('binance')!, reserves: bundledSnapshot().exchanges.binance, now: new Date(`${NOW}T00:00:00Z`) });
    expect(printed.level).toBe(expected.level);
    expect(printed.grade).toBe(expected.grade);
    expect(printed.incomplete).toBe(expected.incomplete);
    expect(printed.reasons).toEqual(expected.reasons);
    expect(printed.sources).toEqual(expected.sources);
  });

  test('a "no proof of reserves" record is not a figure: its source\'s old date is never the oldest figure used', async () => {
    const bitstamp = bundledSnapshot().exchanges.bitstamp;
    expect(bitstamp?.por?.method).toBe('none');
    expect(bitstamp?.por?.asOf).toBe('2014-05-24');
    const { code, stdout } = await run(['bitstamp', '--now', NOW]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('2014-05-24');
    const json = JSON.parse((await run(['bitstamp', '--json', '--now', NOW])).stdout) as { asOf: string | null };
    expect(json.asOf === null || json.asOf > '2014-05-24').toBe(true);
    // Only the "none" record on file: no figure at all.
    const noneOnly = gradeExchange({ exchange: getExchange('bitstamp')!, reserves: { por: bitstamp!.por! }, now: new Date(`${NOW}T00:00:00Z`) });
    expect(noneOnly.asOf).toBeUndefined();
  });

  test('finds the exchange by id, domain or URL, and refuses lookalikes and strangers with exit 2', async () => {
    const ids = await Promise.all(
      ['binance', 'BINANCE', 'binance.com', 'https://www.binance.com/en/trade/BTC_USDT', 'accounts.binance.com'].map(async (target) => {
        const { code, stdout } = await run([target, '--json', '--now', NOW]);
        expect(code).toBe(0);
        return (JSON.parse(stdout) as { exchange: { id: string } }).exchange.id;
      }),
    );
    expect(new Set(ids)).toEqual(new Set(['binance']));

    const lookalike = await run(['binance-login.com']);
    expect(lookalike.code).toBe(2);
    expect(lookalike.stderr).toMatch(/is not Binance/);
    expect(lookalike.stdout).toBe('');
    const stranger = await run(['example.org']);
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toMatch(/no exchange in the registry matches "example\.org"/);
    expect((await run([])).code).toBe(2);
    expect((await run(['binance', '--now', 'yesterday'])).stderr).toMatch(/--now must be a date/);
  });

  test('prints level, grade and every reason with its source and date by default', async () => {
    const { code, stdout } = await run(['ftx', '--now', NOW]);
    expect(code).toBe(0);
    // No figures are kept for a collapsed exchange: danger on its status, marked incomplete.
    expect(stdout).toMatch(/^FTX \(ftx\): DANGER · INCOMPLETE, grade F/);
    expect(stdout).toContain('[danger] FTX collapsed on Nov 11, 2022: ');
    const status = getExchange('ftx')!.status;
    expect(status.kind).toBe('collapsed');
    expect(stdout).toContain(`${status.kind === 'operating' ? '' : status.source}, as of 2022-11-11`);
    expect(stdout).toContain('Reasons, worst first:');
  });

  test("reasons come worst first, as on the card: Binance's own-token caution before its unknowns", async () => {
    const { code, stdout } = await run(['binance', '--now', '2026-11-25T10:00:00Z']);
    expect(code).toBe(0);
    const effects = [
      ...stdout
        .split('Reasons, worst first:')[1]!
        .split('\n\n')[0]!
        .matchAll(/^ {2}\[(\w+)\]/gm),
    ].map((match) => match[1]);
    expect(effects[0]).toBe('caution');
    expect(effects.filter((effect) => effect === 'unknown').length).toBeGreaterThan(0);
    // Worst first, ok last: each effect's rank never falls back.
    const rank = ['danger', 'caution', 'unknown', 'info', 'ok'];
    const ranks = effects.map((effect) => rank.indexOf(effect!));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  test('--cexs replaces on-chain figures, matching entries by slug or by name in any case', async () => {
    const bySlug = file(
      'slug.json',
      JSON.stringify({ cexs: [{ name: 'Something Else', slug: 'BINANCE-CEX', currentTvl: 1000, cleanAssetsTvl: 700, coinSymbol: 'BNB', inflows_1w: -50, inflows_1m: -60 }] }),
    );
    const { code, stdout } = await run(['binance', '--json', '--cexs', bySlug, '--cexs-date', '2026-11-24', '--now', NOW]);
    expect(code).toBe(0);
    const verdict = JSON.parse(stdout) as { level: string; reasons: { metric: string; value?: number; source?: string; asOf?: string }[] };
    expect(verdict.level).toBe('danger');
    const own = verdict.reasons.find((reason) => reason.metric === 'own-token.share');
    expect(own).toMatchObject({ source: 'https://api.llama.fi/cexs', asOf: '2026-11-24' });
    expect(own?.value).toBeCloseTo(0.3);

    const byName = file('name.json', JSON.stringify({ cexs: [{ name: 'BINANCE', currentTvl: 1000, cleanAssetsTvl: 990, inflows_1w: 5, inflows_1m: 5 }] }));
    const named = JSON.parse((await run(['binance', '--json', '--cexs', byName, '--cexs-date', '2026-11-24', '--now', NOW])).stdout) as { metrics: { concentration?: { ownTokenShare?: number } } };
    expect(named.metrics.concentration?.ownTokenShare).toBeCloseTo(0.01);
  });

  test('an exchange missing from the --cexs file has no on-chain figures, and says so', async () => {
    const other = file('other.json', JSON.stringify({ cexs: [{ name: 'Kraken', currentTvl: 10, cleanAssetsTvl: 10 }] }));
    const { code, stdout, stderr } = await run(['binance', '--json', '--cexs', other, '--now', NOW]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/has no on-chain figures for Binance/);
    const verdict = JSON.parse(stdout) as { level: string; incomplete: boolean; reasons: { metric: string; effect: string }[] };
    // The on-chain block counts as missing: never ok, marked incomplete, whatever the PoR shows.
    expect(verdict.level).not.toBe('ok');
    expect(verdict.incomplete).toBe(true);
    expect(verdict.reasons.find((reason) => reason.metric === 'onchain')?.effect).toBe('unknown');
  });

  test('says "incomplete" beside the level when a figure is missing', async () => {
    const other = file('other-text.json', JSON.stringify({ cexs: [{ name: 'Kraken', currentTvl: 10, cleanAssetsTvl: 10 }] }));
    const { code, stdout } = await run(['binance', '--cexs', other, '--now', NOW]);
    expect(code).toBe(0);
    const verdict = gradeExchange({
      exchange: getExchange('binance')!,
      reserves: { ...(bundledSnapshot().exchanges.binance?.por === undefined ? {} : { por: bundledSnapshot().exchanges.binance!.por }) },
      now: new Date(`${NOW}T00:00:00Z`),
    });
    expect(verdict.incomplete).toBe(true);
    const head = verdict.level === 'unknown' ? 'UNKNOWN' : `${verdict.level.toUpperCase()} · INCOMPLETE`;
    expect(stdout.split('\n')[0]).toBe(`Binance (binance): ${head}, grade ${verdict.grade}`);
  });

  test('the run watch from the recorded /cexs rows of 10 August 2026: calm, with the figures and their source', async () => {
    const recorded = join(import.meta.dirname, '../../tests/fixtures/defillama/recorded/cexs-rows-trading-system-2026-08-10.json');
    const at = '2026-08-10T06:20:12Z';
    const { code, stdout } = await run(['bybit', '--cexs', recorded, '--cexs-date', at, '--now', at]);
    expect(code).toBe(0);
    expect(stdout).toContain('Run watch: CALM · INCOMPLETE');
    expect(stdout).toContain('[calm] $27.32M left in the last 24 hours: 0.2% of the $13.1B it held.');
    expect(stdout).toContain('[calm] $75.11M left in the last 7 days: 0.6% of the $13.15B it held.');
    expect(stdout).toContain('[unknown] No fresh price for its own token (BIT, MNT).');
    expect(stdout).toContain('https://api.llama.fi/cexs, as of 2026-08-10T06:20:12.000Z');
    // Seven hours later the same figures say nothing about a run now.
    const later = JSON.parse((await run(['bybit', '--json', '--cexs', recorded, '--cexs-date', at, '--now', '2026-08-10T13:30:00Z'])).stdout) as {
      run: { level: string; reasons: { effect: string }[] };
    };
    expect(later.run.level).toBe('calm');
    expect(later.run.reasons.map((reason) => reason.effect)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  test('--cexs - reads the answer from standard input, dated by --cexs-date, which it then needs', async () => {
    const recorded = join(import.meta.dirname, '../../tests/fixtures/defillama/recorded/cexs-rows-trading-system-2026-08-10.json');
    const at = '2026-08-10T06:20:12Z';
    const fromFile = await runCommand(command, ['bybit', '--json', '--cexs', recorded, '--cexs-date', at, '--now', at]);
    const fromStdin = await runCommand(command, ['bybit', '--json', '--cexs', '-', '--cexs-date', at, '--now', at], readFileSync(recorded, 'utf8'));
    expect(fromStdin).toEqual(fromFile);
    expect(fromFile.code).toBe(0);
    const undated = await runCommand(command, ['bybit', '--cexs', '-', '--now', at], readFileSync(recorded, 'utf8'));
    expect(undated.code).toBe(2);
    expect(undated.out).toBe('');
    expect(undated.err).toMatch(/^radar status: --cexs - reads standard input, which has no date; say when it was fetched with --cexs-date\./);
  });

  test('a run in a /cexs answer reads as an alert, with the reasons a replay can check', async () => {
    // Made up for the test: a quarter of Binance's assets gone in a day.
    const running = file(
      'run.json',
      JSON.stringify({ cexs: [{ name: 'Binance', slug: 'Binance-CEX', coinSymbol: 'BNB', currentTvl: 75e9, cleanAssetsTvl: 70e9, inflows_24h: -25e9, inflows_1w: -26e9, inflows_1m: -27e9 }] }),
    );
    const at = '2026-11-25T09:00:00Z';
    const { stdout } = await run(['binance', '--json', '--cexs', running, '--cexs-date', at, '--now', at]);
    const printed = JSON.parse(stdout) as { run: { level: string; reasons: { signal: string; effect: string; value?: number }[] } };
    expect(printed.run.level).toBe('alert');
    expect(printed.run.reasons.slice(0, 2)).toMatchObject([
      { signal: 'outflow-24h', effect: 'alert', value: 0.25 },
      { signal: 'outflow-7d', effect: 'alert' },
    ]);
    const text = (await run(['binance', '--cexs', running, '--cexs-date', at, '--now', at])).stdout;
    expect(text).toContain('Run watch: ALERT');
    expect(text).toContain('[alert] $25B left in the last 24 hours: 25% of the $100B it held (an alert from 15%).');
  });

  test('an unreadable --cexs file is a clear message and exit 2; JSON that is not /cexs exits 1', async () => {
    const missing = await run(['binance', '--cexs', join(tmp, 'absent.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*absent\.json/);
    const notJson = await run(['binance', '--cexs', file('bad.json', '{ cexs: [')]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/is not JSON/);
    const wrongShape = await run(['binance', '--cexs', file('shape.json', JSON.stringify({ protocols: [] }))]);
    expect(wrongShape.code).toBe(1);
    expect(wrongShape.stderr).toMatch(/is not a DefiLlama \/cexs response/);
    expect((await run(['binance', '--cexs'])).code).toBe(2);
  });

  test('runs as a real process: npx tsx scripts/radar.ts status binance --json', () => {
    const child = spawnSync('npx', ['tsx', 'scripts/radar.ts', 'status', 'binance', '--json'], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const verdict = JSON.parse(child.stdout) as { exchange: { id: string }; level: string; grade: string };
    expect(verdict.exchange.id).toBe('binance');
    expect(['ok', 'caution', 'danger', 'unknown']).toContain(verdict.level);
    expect(['A', 'B', 'C', 'D', 'F', '?']).toContain(verdict.grade);
  }, 60_000);
});
