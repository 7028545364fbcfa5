import { bybitRegion } from './bybit-region';

/** Bybit's site for Turkey: Bybit's API guide tells "Turkey users" to use api.bybit.tr (bybit-region.ts). */
export default bybitRegion({ id: 'bybit-tr', name: 'Bybit Turkey', domain: 'bybit.tr', statusCheckedOn: '2026-12-06' });
