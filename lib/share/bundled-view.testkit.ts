import { readFileSync } from 'node:fs';
import { getExchange } from '../exchanges/registry';
import { bundledSnapshot } from '../reserves/snapshot';
import { buildExchangeView, type BuildExchangeViewParameters } from '../view/exchange-view';
import { translateFrom, type Messages } from '../words/translate-from';

/** The share tests' shared ground: a locale's real messages, and a bundled exchange's card view at one moment. */
export const words = (folder: string) => translateFrom(JSON.parse(readFileSync(new URL(`../../public/_locales/${folder}/messages.json`, import.meta.url), 'utf8')) as Messages);

export const now = new Date('2026-11-25T10:00:00Z');

export function viewOf(id: string, warnings: BuildExchangeViewParameters['warnings'] = []) {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no exchange ${id}`);
  return buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges[id], now, warnings });
}
