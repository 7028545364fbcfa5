import { bybitRegion } from './bybit-region';

/** Bybit's site for Indonesia: Bybit's API guide tells "Indonesia users" to use api.bybit.id (bybit-region.ts). */
export default bybitRegion({ id: 'bybit-id', name: 'Bybit Indonesia', domain: 'bybit.id', statusCheckedOn: '2026-12-06' });
