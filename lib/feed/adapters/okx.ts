import type { AdapterReport, PorAdapter, RawAnswer } from './types';
import { json, only, shape } from './binance';

/**
 * OKX publishes no PoR API: its report page carries the latest audit as JSON in
 * `<script id="appState">`, at `appContext.initialProps.App.auditRootInfo`. Shape as read by
 * working code and a recorded object (tests/fixtures/por/okx): `{ auditId, merkleHash,
 * createTime (ms), capitalRatio: { BTC: "106%" }, liabilityBalances / reserveBalances: { BTC:
 * "111188.86…" } (decimal text, in coins) }`. The recorded answers keep only that object, so
 * `parse` takes either the page or the object itself.
 */

export const OKX_POR_PAGE = 'https://www.okx.com/proof-of-reserves/detail';
/** OKX dates its reports in Hong Kong time; a snapshot at 16:00 UTC is the next day's report. */
const OKX_OFFSET_MS = 8 * 3_600_000;

export const okxAdapter: PorAdapter = {
  exchange: 'okx',
  requests: [{ name: 'page', url: OKX_POR_PAGE }],
  parse(answers) {
    const answer = only(answers, 'page');
    const info = answer.text.trimStart().startsWith('<') ? fromPage(answer) : json(answer);
    const createTime = info.createTime;
    if (typeof createTime !== 'number' || !Number.isFinite(createTime) || createTime < Date.UTC(2022, 0, 1))
      throw shape(answer, `createTime ${JSON.stringify(createTime)} is not a time in milliseconds`);
    const asOf = new Date(createTime + OKX_OFFSET_MS).toISOString().slice(0, 10);
    const reserveRatios = mapOf(info.capitalRatio, answer, 'capitalRatio', percentText);
    const customerLiabilities = mapOf(info.liabilityBalances, answer, 'liabilityBalances', decimalText);
    const reserves = mapOf(info.reserveBalances, answer, 'reserveBalances', decimalText);
    const merkle = typeof info.merkleHash === 'string' ? info.merkleHash.replace(/^0x/, '') : undefined;
    const report: AdapterReport = {
      reserveRatios,
      customerLiabilities,
      reserves,
      ...(merkle !== undefined && /^[0-9a-fA-F]{16,128}$/.test(merkle) ? { merkleRoot: merkle } : {}),
      fetchedAt: answer.fetchedAt,
      sha256: answer.sha256,
      source: OKX_POR_PAGE,
      asOf,
    };
    return [report];
  },
};

const APP_STATE = /<script[^>]*\bid="appState"[^>]*>([\s\S]*?)<\/script>/;

function fromPage(answer: RawAnswer): Record<string, unknown> {
  const match = APP_STATE.exec(answer.text);
  if (match === null) throw shape(answer, 'the page has no appState script');
  let state: unknown;
  try {
    state = JSON.parse(match[1]!);
  } catch {
    throw shape(answer, 'the appState script is not JSON');
  }
  let node: unknown = state;
  for (const key of ['appContext', 'initialProps', 'App', 'auditRootInfo']) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) throw shape(answer, 'appState has no appContext.initialProps.App.auditRootInfo object');
  return node as Record<string, unknown>;
}

function mapOf(value: unknown, answer: RawAnswer, field: string, read: (text: unknown) => number | undefined): Record<string, number> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw shape(answer, `${field} is not an object`);
  const out: Record<string, number> = {};
  for (const [coin, text] of Object.entries(value)) {
    const number = read(text);
    if (!/^[A-Z0-9]{1,20}$/.test(coin) || number === undefined) throw shape(answer, `${field}.${coin} is ${JSON.stringify(text)}`);
    out[coin] = number;
  }
  if (Object.keys(out).length === 0) throw shape(answer, `${field} is empty`);
  return out;
}

/** `"106%"` → 1.06. */
function percentText(text: unknown): number | undefined {
  const match = typeof text === 'string' ? /^(\d{1,5}(?:\.\d+)?)%$/.exec(text) : null;
  return match === null ? undefined : Number(match[1]) / 100;
}

function decimalText(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^\d{1,20}(?:\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}
