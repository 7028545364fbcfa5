import { bybitRegion } from './bybit-region';

/**
 * Bybit's site for the EEA: Bybit's API guide tells "EEA users" to use api.bybit.eu (bybit-region.ts). The
 * company is Bybit EU GmbH, supervised by Austria's FMA (its General Terms, version of 2025-09-12).
 */
export default bybitRegion({
  id: 'bybit-eu',
  name: 'Bybit EU',
  domain: 'bybit.eu',
  statusCheckedOn: '2026-12-06',
  sources: ['https://www.bybit.eu/de-EU/help-center/article/General-Terms'],
  pages: ['https://www.bybit.eu/en-EU/help-center/article/General-Terms'],
});
