import { forgetAllTabStates } from '@/utils/tab-states';
import { refreshDue, sourceViews, type SourceView } from './data';
import { updateRunAlerts } from './run-alerts';
import { checkSubscriptions } from './warnings';

/** Every source and warning list asked at once, whatever their schedule ("Refresh now"); the run watch and the tabs' states follow. */
export async function refreshNow(): Promise<SourceView[]> {
  await Promise.all([refreshDue({ force: true }), checkSubscriptions({ force: true })]);
  await updateRunAlerts();
  await forgetAllTabStates();
  return sourceViews();
}
