import { DataSourceError } from '../../reserves/errors';
import type { AdapterReport, PorAdapter, RawAnswer } from './types';

/**
 * Binance's monthly PoR summary, from the public endpoint its own PoR page calls. Only the current
 * month is served. Shape as read by working code and a recorded answer (tests/fixtures/por/binance):
 * `{ code: "000000", data: { snapshotTime: "DD/MM/YY HH:mm:ss UTC" (day first), merkleRootHash,
 * auditor (the proof system, "zk-SNARKs", not a firm: not read as an attestor), snapshotDataList: [{ coin, ratio: "1.0003" (a fraction, as text), customerLiability,
 * exchangeBalance, thirdPartyCustody (numbers, in coins) }] } }`.
 */

const SNAPSHOT_URL = 'https://www.binance.com/bapi/apex/v1/public/apex/market/query/userReserveAuditProofSnapshot';
export const BINANCE_POR_PAGE = 'https://www.binance.com/en/proof-of-reserves';

export const binanceAdapter: PorAdapter = {
  exchange: 'binance',
  requests: [{ name: 'snapshot', url: SNAPSHOT_URL, method: 'POST', body: '{"time":"","pageIndex":0,"pageSize":0}' }],
  parse(answers) {
    const answer = only(answers, 'snapshot');
    const body = json(answer);
    if (body.code !== '000000' || typeof body.data !== 'object' || body.data === null) throw shape(answer, `expected code "000000" and a data object, got code ${JSON.stringify(body.code)}`);
    const data = body.data as Record<string, unknown>;
    const asOf = dayFirstDate(data.snapshotTime, answer);
    const list = data.snapshotDataList;
    if (!Array.isArray(list) || list.length === 0) throw shape(answer, 'snapshotDataList is missing or empty');
    const reserveRatios: Record<string, number> = {};
    const customerLiabilities: Record<string, number> = {};
    const reserves: Record<string, number> = {};
    for (const row of list as Record<string, unknown>[]) {
      const coin = row?.coin;
      if (typeof coin !== 'string' || !/^[A-Z0-9]{1,20}$/.test(coin)) throw shape(answer, `a row has coin ${JSON.stringify(coin)}`);
      const ratio = typeof row.ratio === 'string' ? Number(row.ratio) : Number.NaN;
      if (!Number.isFinite(ratio) || ratio < 0 || ratio > 100) throw shape(answer, `${coin} has ratio ${JSON.stringify(row.ratio)}, not a fraction`);
      reserveRatios[coin] = ratio;
      const liability = row.customerLiability;
      if (typeof liability !== 'number' || !Number.isFinite(liability) || liability < 0) throw shape(answer, `${coin} has customerLiability ${JSON.stringify(liability)}`);
      customerLiabilities[coin] = liability;
      // Reserves are the exchange's own wallets plus assets held by third-party custodians.
      if (typeof row.exchangeBalance === 'number' && typeof row.thirdPartyCustody === 'number') reserves[coin] = row.exchangeBalance + row.thirdPartyCustody;
    }
    const report: AdapterReport = {
      reserveRatios,
      customerLiabilities,
      ...(Object.keys(reserves).length === 0 ? {} : { reserves }),
      ...(typeof data.merkleRootHash === 'string' && /^[0-9a-fA-F]{16,128}$/.test(data.merkleRootHash) ? { merkleRoot: data.merkleRootHash } : {}),
      fetchedAt: answer.fetchedAt,
      sha256: answer.sha256,
      source: BINANCE_POR_PAGE,
      asOf,
    };
    return [report];
  },
};

/** `01/04/26 00:00:00 UTC` is 1 April 2026: Binance writes the day first. */
function dayFirstDate(value: unknown, answer: RawAnswer): string {
  const match = typeof value === 'string' ? /^(\d{2})\/(\d{2})\/(\d{2}) \d{2}:\d{2}:\d{2} UTC$/.exec(value) : null;
  if (match === null) throw shape(answer, `snapshotTime ${JSON.stringify(value)} is not "DD/MM/YY HH:mm:ss UTC"`);
  const iso = `20${match[3]}-${match[2]}-${match[1]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) throw shape(answer, `snapshotTime ${JSON.stringify(value)} is not a calendar date`);
  return iso;
}

export function only(answers: readonly RawAnswer[], name: string): RawAnswer {
  const answer = answers.find((candidate) => candidate.name === name);
  if (answer === undefined) throw new DataSourceError({ shortMessage: 'An answer is missing', details: `no "${name}" answer`, source: name });
  return answer;
}

export function json(answer: RawAnswer): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw shape(answer, 'the answer is not JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw shape(answer, 'the answer is not a JSON object');
  return body as Record<string, unknown>;
}

export function shape(answer: RawAnswer, details: string): DataSourceError {
  return new DataSourceError({ shortMessage: 'The exchange sent its PoR data in an unexpected shape', details, source: answer.url });
}
