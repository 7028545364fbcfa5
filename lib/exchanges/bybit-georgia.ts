import { bybitRegion } from './bybit-region';

/** Bybit's site for Georgia: Bybit's API guide tells "Georgia users" to use api.bybitgeorgia.ge (bybit-region.ts). */
export default bybitRegion({ id: 'bybit-georgia', name: 'Bybit Georgia', domain: 'bybitgeorgia.ge', statusCheckedOn: '2026-12-06' });
