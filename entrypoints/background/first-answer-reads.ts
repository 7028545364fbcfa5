import { WARNING_LISTS_KEY } from '@/utils/warning-lists-watch';
import { SOURCES_KEY } from '@/utils/sources-watch';

/**
 * Every storage key the exchange page's first question reads (page-handlers.ts: the held snapshot,
 * the warning lists, the run watch's prices and episodes, the settings, the pill's last-shown
 * times, the holdings, the data sources' state for the card's first-data line), asked for in one question as the worker wakes, so that the browser reads
 * them while it hands the question over (issue 16). index.test.ts checks the answer asks no more.
 */
export const FIRST_ANSWER_READS = [
  'local:heldSnapshot',
  WARNING_LISTS_KEY,
  'local:ownTokenPrices',
  'local:runAlerts',
  'local:settings',
  'local:nudgeSeen',
  'local:holdings',
  'local:priceTable',
  'local:addressReadings',
  SOURCES_KEY,
] as const;
