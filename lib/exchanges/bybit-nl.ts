import { bybitRegion } from './bybit-region';

/** Bybit's site for Netherlands: Bybit's API guide tells "Netherlands users" to use api.bybit.nl (bybit-region.ts). */
export default bybitRegion({ id: 'bybit-nl', name: 'Bybit Netherlands', domain: 'bybit.nl', statusCheckedOn: '2026-12-06' });
