import type { ExchangeDefinition } from './types';
import binance from './binance';
import binanceUs from './binance-us';
import bitfinex from './bitfinex';
import bitget from './bitget';
import bitmex from './bitmex';
import bitstamp from './bitstamp';
import bittrex from './bittrex';
import blockfi from './blockfi';
import bybit from './bybit';
import celsius from './celsius';
import coinbase from './coinbase';
import cryptoCom from './crypto-com';
import deribit from './deribit';
import ftx from './ftx';
import gate from './gate';
import gemini from './gemini';
import htx from './htx';
import kraken from './kraken';
import kucoin from './kucoin';
import mexc from './mexc';
import mtGox from './mt-gox';
import okx from './okx';
import quadrigacx from './quadrigacx';
import voyager from './voyager';

/**
 * Every exchange the extension knows, sorted by id. One file per exchange beside this one; the
 * meta-test (`registry.test.ts`) fails when a file in the folder is missing here.
 */
export const exchanges: readonly ExchangeDefinition[] = [
  binance,
  binanceUs,
  bitfinex,
  bitget,
  bitmex,
  bitstamp,
  bittrex,
  blockfi,
  bybit,
  celsius,
  coinbase,
  cryptoCom,
  deribit,
  ftx,
  gate,
  gemini,
  htx,
  kraken,
  kucoin,
  mexc,
  mtGox,
  okx,
  quadrigacx,
  voyager,
];

const byId = new Map(exchanges.map((exchange) => [exchange.id, exchange]));

export function getExchange(id: string): ExchangeDefinition | undefined {
  return byId.get(id);
}
