import type { ImportResult } from '@/components/HoldingsData';
import { unusedRpcUrls } from '@/lib/chain/rpc-chains';
import { recordedDays } from '@/lib/holdings/history';
import type { HoldingsState } from '@/lib/holdings/model';

/**
 * What a written import says it brought in. The history is counted as the chart counts it (recordedDays): a day that
 * could not be valued is stored but draws no point, so "N days of history" counts only the days with a share.
 */
export function importedResult(state: HoldingsState, settings: Parameters<typeof unusedRpcUrls>[0] | undefined): Extract<ImportResult, { ok: true }> {
  return {
    ok: true,
    holdings: state.holdings.length,
    addresses: state.addresses.length,
    history: recordedDays(state.history),
    // Imported as the file has them, like any setting, but sent nothing: the answer says so.
    unusedRpcUrls: settings === undefined ? [] : unusedRpcUrls(settings),
  };
}
