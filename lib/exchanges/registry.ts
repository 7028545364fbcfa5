import type { ExchangeDefinition } from './types';
import binance from './binance';

/**
 * Every exchange the extension knows. One file per exchange beside this one; the meta-test
 * (`registry.test.ts`) fails when a file in the folder is missing here.
 */
export const exchanges: readonly ExchangeDefinition[] = [binance];

const byId = new Map(exchanges.map((exchange) => [exchange.id, exchange]));

export function getExchange(id: string): ExchangeDefinition | undefined {
  return byId.get(id);
}
