import type { ReserveCheckTarget } from './ReserveCheck';

/** One reserve list in the shape of a registry entry (OKX's Ethereum wallets), for the verify page's tests. */
export const okxEthereumTarget: ReserveCheckTarget = {
  key: 'okx:1',
  exchangeId: 'okx',
  exchangeName: 'OKX',
  chainId: 1,
  chainName: 'Ethereum',
  defillamaChain: 'Ethereum',
  nativeSymbol: 'ETH',
  addresses: [`0x${'ab'.repeat(20)}`],
  tokens: [],
  publishedAt: 'https://www.okx.com/proof-of-reserves',
  readFrom: 'https://www.okx.com/proof-of-reserves',
  asOf: '2026-08-10',
};
