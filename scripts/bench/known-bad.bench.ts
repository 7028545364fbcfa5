/**
 * Known-bad hosts in the background (lib/exchanges/known-bad.ts): what the first look-up after the
 * worker wakes costs (the stored section checked by `readKnownBad`, then indexed), side by side in
 * the same run with checking the bundled snapshot (`parseSnapshot`, which the worker pays anyway),
 * for the section the real recordings give (tests/fixtures/known-bad/) and for one at the host cap;
 * and a look-up against a `classify` call on the same hosts.
 */
import { readFileSync } from 'node:fs';
import { classify } from '../../lib/exchanges/classify';
import { KNOWN_BAD_LIMITS, knownBadIndex, readKnownBad, type KnownBad } from '../../lib/exchanges/known-bad';
import { parseSnapshot } from '../../lib/reserves/snapshot';
import { offlineKnownBad } from '../feed/known-bad';
import { opsPerSecond, type BenchReport } from './report';

const RUNS = 31;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function timed(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The section the recordings give, read as an offline feed build reads them, dated now so the extension would use it. */
function recorded(): KnownBad {
  const fetchedAt = new Date().toISOString();
  const lists = Object.values(offlineKnownBad().outcomes).flatMap((outcome) => (outcome.ok ? [{ ...outcome.list, fetchedAt }] : []));
  return { lists };
}

/** As many made-up hosts as the cap allows, of the recorded hosts' length. */
function atCap(): KnownBad {
  const hosts = Array.from({ length: KNOWN_BAD_LIMITS.maxHosts }, (_, index): [string, string] => [`binance-rewards-desk-${index}.example`, 'binance']);
  return { lists: [{ id: 'cap', name: 'at the cap', url: 'https://lists.example/cap.json', fetchedAt: new Date().toISOString(), sha256: 'c'.repeat(64), hosts }] };
}

export async function bench(): Promise<BenchReport> {
  const snapshotText = readFileSync(new URL('../../data/snapshot.json', import.meta.url), 'utf8');
  const snapshotMs = timed(() => parseSnapshot(JSON.parse(snapshotText)));
  const rows: BenchReport['rows'] = [{ name: 'bundled snapshot checked (JSON.parse + parseSnapshot), median', value: `${snapshotMs.toFixed(2)} ms` }];
  const now = new Date();
  for (const [label, section] of [
    ['the recordings', recorded()],
    ['the host cap', atCap()],
  ] as const) {
    const text = JSON.stringify(section);
    const hosts = section.lists.reduce((sum, list) => sum + list.hosts.length, 0);
    const firstMs = timed(() => knownBadIndex(readKnownBad(JSON.parse(text))).find('login.example.org', now));
    rows.push({
      name: `first look-up, ${label} (${hosts.toLocaleString('en-US')} hosts, ${(text.length / 1024).toFixed(0)} KiB), median`,
      value: `${firstMs.toFixed(2)} ms, ${(firstMs / snapshotMs).toFixed(1)}× the snapshot`,
    });
  }
  const index = knownBadIndex(recorded());
  const probes = ['login.kraken-support-desk.example', 'www.example.org', 'app.binance-rewards.example', 'news.example.co.uk'];
  let at = 0;
  const lookups = opsPerSecond(() => index.find(probes[at++ % probes.length]!, now));
  const classified = opsPerSecond(() => classify(probes[at++ % probes.length]!));
  rows.push({
    name: 'a look-up against a classify call, same hosts',
    value: `${(lookups / classified).toFixed(1)}×`,
    goal: '≥ 1× (the list adds less than the rules cost)',
    met: lookups >= classified,
  });
  return { title: 'Known-bad hosts: the first look-up after a wake-up, and each one after', rows };
}
