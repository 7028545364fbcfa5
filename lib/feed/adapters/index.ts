import { binanceAdapter } from './binance';
import { okxAdapter } from './okx';
import type { PorAdapter } from './types';

/**
 * The exchanges whose PoR publication a machine can read, each built and tested on a recorded
 * answer (tests/fixtures/por/README.md says which exist and which do not). Every other exchange
 * goes through its reviewed file in data/por/.
 */
export const porAdapters: readonly PorAdapter[] = [binanceAdapter, okxAdapter];
