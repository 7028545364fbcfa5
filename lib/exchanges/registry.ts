import type { ExchangeDefinition } from './types';
import binance from './binance';
import binanceTh from './binance-th';
import binanceUs from './binance-us';
import bingx from './bingx';
import bitfinex from './bitfinex';
import bitflyer from './bitflyer';
import bitget from './bitget';
import bithumb from './bithumb';
import bitkub from './bitkub';
import bitmart from './bitmart';
import bitmex from './bitmex';
import bitpanda from './bitpanda';
import bitrue from './bitrue';
import bitso from './bitso';
import bitstamp from './bitstamp';
import bittrex from './bittrex';
import bitvavo from './bitvavo';
import blockfi from './blockfi';
import btcturk from './btcturk';
import btcx from './btcx';
import bybit from './bybit';
import bybitEu from './bybit-eu';
import bybitNl from './bybit-nl';
import bybitTr from './bybit-tr';
import bybitKz from './bybit-kz';
import bybitGeorgia from './bybit-georgia';
import bybitAe from './bybit-ae';
import bybitId from './bybit-id';
import celsius from './celsius';
import coinbase from './coinbase';
import coincheck from './coincheck';
import coindcx from './coindcx';
import coinex from './coinex';
import coinone from './coinone';
import cryptoCom from './crypto-com';
import deribit from './deribit';
import etoro from './etoro';
import ftx from './ftx';
import gate from './gate';
import gemini from './gemini';
import htx from './htx';
import indodax from './indodax';
import korbit from './korbit';
import kraken from './kraken';
import kucoin from './kucoin';
import lbank from './lbank';
import luno from './luno';
import mercadoBitcoin from './mercado-bitcoin';
import mexc from './mexc';
import mtGox from './mt-gox';
import nexo from './nexo';
import okx from './okx';
import paribu from './paribu';
import phemex from './phemex';
import pionex from './pionex';
import poloniex from './poloniex';
import quadrigacx from './quadrigacx';
import revolut from './revolut';
import robinhood from './robinhood';
import safello from './safello';
import swissborg from './swissborg';
import upbit from './upbit';
import voyager from './voyager';
import wazirx from './wazirx';
import whitebit from './whitebit';
import xtCom from './xt-com';

/**
 * Every exchange the extension knows, sorted by id. One file per exchange beside this one; the
 * meta-test (`registry.test.ts`) fails when a file in the folder is missing here.
 */
export const exchanges: readonly ExchangeDefinition[] = [
  binance,
  binanceTh,
  binanceUs,
  bingx,
  bitfinex,
  bitflyer,
  bitget,
  bithumb,
  bitkub,
  bitmart,
  bitmex,
  bitpanda,
  bitrue,
  bitso,
  bitstamp,
  bittrex,
  bitvavo,
  blockfi,
  btcturk,
  btcx,
  bybit,
  bybitAe,
  bybitEu,
  bybitGeorgia,
  bybitId,
  bybitKz,
  bybitNl,
  bybitTr,
  celsius,
  coinbase,
  coincheck,
  coindcx,
  coinex,
  coinone,
  cryptoCom,
  deribit,
  etoro,
  ftx,
  gate,
  gemini,
  htx,
  indodax,
  korbit,
  kraken,
  kucoin,
  lbank,
  luno,
  mercadoBitcoin,
  mexc,
  mtGox,
  nexo,
  okx,
  paribu,
  phemex,
  pionex,
  poloniex,
  quadrigacx,
  revolut,
  robinhood,
  safello,
  swissborg,
  upbit,
  voyager,
  wazirx,
  whitebit,
  xtCom,
];

const byId = new Map(exchanges.map((exchange) => [exchange.id, exchange]));

export function getExchange(id: string): ExchangeDefinition | undefined {
  return byId.get(id);
}
