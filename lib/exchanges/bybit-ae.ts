import { bybitRegion } from './bybit-region';

/** Bybit's site for United Arab Emirates: Bybit's API guide tells "United Arab Emirates users" to use api.bybit.ae (bybit-region.ts). */
export default bybitRegion({ id: 'bybit-ae', name: 'Bybit UAE', domain: 'bybit.ae', statusCheckedOn: '2026-12-06' });
