/**
 * What the bundled data lets the verdict say about the largest exchanges (data/largest-exchanges.json):
 * how many have a PoR record, and how many of the 25 largest get a level (ok, caution or danger)
 * with at least one reason that rests on the exchange's own figures or facts (its PoR report,
 * method or ratios, or DefiLlama's measure of its wallets), graded as of the day the data was
 * built and as of today, side by side.
 */
import { readFileSync } from 'node:fs';
import { getExchange } from '../../lib/exchanges/registry';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { gradeExchange } from '../../lib/risk/grade';
import type { BenchReport } from './report';

const largest = (JSON.parse(readFileSync(new URL('../../data/largest-exchanges.json', import.meta.url), 'utf8')) as { exchanges: string[] }).exchanges;

/** Reasons about the exchange's own publication or its wallets, not about our copy or a gap. */
const OWN_FIGURE = /^(por\.method|por\.age-days|reserve-ratio|own-token|own-affiliated|top-asset|minor-asset|hhi|outflow|leverage|status|incident)/;

function graded(ids: readonly string[], now: Date): { levelled: string[]; own: string[] } {
  const snapshot = bundledSnapshot();
  const levelled: string[] = [];
  const own: string[] = [];
  for (const id of ids) {
    const exchange = getExchange(id);
    if (exchange === undefined) continue;
    const verdict = gradeExchange({ exchange, reserves: snapshot.exchanges[id], now });
    if (verdict.level === 'unknown') continue;
    levelled.push(`${id} ${verdict.level}${verdict.incomplete ? '·incomplete' : ''}`);
    if (verdict.reasons.some((reason) => reason.effect !== 'unknown' && reason.effect !== 'ok' && OWN_FIGURE.test(reason.metric))) own.push(id);
  }
  return { levelled, own };
}

export async function bench(): Promise<BenchReport> {
  const snapshot = bundledSnapshot();
  const withRecord = largest.filter((id) => snapshot.exchanges[id]?.por !== undefined);
  const top25 = largest.slice(0, 25);
  const built = new Date(snapshot.generatedAt);
  const atBuild = graded(top25, built);
  const today = graded(top25, new Date());
  return {
    title: 'Coverage of the largest exchanges on the bundled data',
    rows: [
      {
        name: `30 largest with a PoR record ("none published" included)`,
        value: `${withRecord.length} of 30 (missing: ${largest.filter((id) => !withRecord.includes(id)).join(', ') || 'none'})`,
        goal: '30 of 30',
        met: withRecord.length === 30,
      },
      {
        name: `25 largest with a level, graded on ${snapshot.generatedAt.slice(0, 10)} (when the data was built)`,
        value: `${atBuild.levelled.length} of 25 (${atBuild.levelled.join(', ')})`,
        goal: '≥ 20',
        met: atBuild.levelled.length >= 20,
      },
      { name: "… of which a reason rests on the exchange's own figures", value: `${atBuild.own.length}`, goal: '= levelled', met: atBuild.own.length === atBuild.levelled.length },
      { name: '25 largest with a level, graded today', value: `${today.levelled.length} of 25`, goal: '≥ 20', met: today.levelled.length >= 20 },
    ],
  };
}
