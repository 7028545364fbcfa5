import { bybitRegion } from './bybit-region';

/** Bybit's site for Kazakhstan: Bybit's API guide tells "Kazakhstan users" to use api.bybit.kz (bybit-region.ts). */
export default bybitRegion({ id: 'bybit-kz', name: 'Bybit Kazakhstan', domain: 'bybit.kz', statusCheckedOn: '2026-12-06' });
