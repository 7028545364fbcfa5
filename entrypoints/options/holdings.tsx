import { RunNotifications } from '@/components/RunNotifications';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { HoldingsSection } from '@/components/HoldingsSection';
import { HoldingsData, type ImportResult, type Reminders } from '@/components/HoldingsData';
import { useLocale, useT } from '@/utils/i18n';
import { exportData, importData, MAX_IMPORT_BYTES } from '@/lib/holdings/export-data';
import { importFailureText } from '@/lib/words/import-failure';
import { formatByteSize } from '@/lib/words/format';
import { holdingsSaveFailureText } from '@/lib/words/holdings-save-failure';
import { parseHoldingsState, type HoldingsState } from '@/lib/holdings/model';
import { parseAddressBook } from '@/lib/custody/address-book';
import { addressBookProblemText } from '@/lib/words/address-text';
import { hasAnyRpcUrl, type Settings } from '@/lib/settings';
import { unusedRpcUrls } from '@/lib/chain/rpc-chains';
import type { PriceTable } from '@/lib/holdings/prices';
import type { AddressReadings } from '@/lib/holdings/address-readings';
import {
  getAddressReadings,
  getHoldings,
  getPriceTable,
  HoldingsSaveError,
  priceStatusItem,
  saveHoldingsEdit,
  watchAddressReadings,
  watchHoldings,
  watchPriceTable,
  type PriceStatus,
} from '@/utils/holdings';
import { loadAddressBook } from '@/utils/guide-state';
import { getSettings } from '@/utils/settings';
import { writeImport } from '@/utils/import-write';
import { NOTIFICATIONS, removeOptionalPermissions } from '@/utils/permissions';
import { usePermission } from '@/utils/broad-access';
import { changeRunNotifications } from './run-notify';
import { changeReminders, wantsAnyReminder } from './reminders';
import { importedResult } from './import-result';
import { addFileLists, listsForExport, listsOverLimit } from './import-lists';
import { send } from '@/utils/send';

interface Loaded {
  state: HoldingsState;
  prices: PriceTable;
  readings: AddressReadings | null;
  status: PriceStatus;
}

async function load(): Promise<Loaded> {
  const [state, prices, readings, status] = await Promise.all([getHoldings(), getPriceTable(), getAddressReadings(), priceStatusItem.getValue()]);
  return { state, prices, readings, status };
}

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface HoldingsGlueProps {
  settings: Settings;
  exchangeNames: Record<string, string>;
  /** After an import or a delete changed settings behind the page's back. */
  onSettingsReplaced: () => Promise<void>;
  /** Whether the browser gives the hosts the manifest requires: a delete that gave up the access to all sites may withhold them. */
  hostsHeld: boolean;
  /** Changes after "Delete everything": the holdings fields are drawn afresh, dropping what was typed. */
  draftsKey: number;
  /** After "Delete everything" emptied storage, for the rest of the page to follow. */
  onDeleted: () => Promise<void>;
}

/** The options page's holdings: storage in, the components' callbacks out. */
export function HoldingsGlue({ settings, exchangeNames, onSettingsReplaced, hostsHeld, draftsKey, onDeleted }: HoldingsGlueProps) {
  const t = useT();
  const locale = useLocale();
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  // Followed live: a reset gives the permission back, and the browser's own settings can too.
  const [granted, setGranted] = usePermission(NOTIFICATIONS, false);
  const reload = useCallback(async () => setLoaded(await load()), []);

  useEffect(() => {
    void reload();
    const stops = [watchHoldings(() => void reload()), watchPriceTable(() => void reload()), watchAddressReadings(() => void reload())];
    return () => {
      stops.forEach((stop) => {
        stop();
      });
    };
  }, [reload]);

  if (loaded === undefined)
    return (
      <p class="muted" role="status" aria-busy="true">
        {t('loading')}
      </p>
    );

  const refreshPrices = async () => {
    await send({ type: 'holdings-refresh' });
    await reload();
  };

  const save = async (next: HoldingsState) => {
    try {
      const before = loaded.state;
      const saved = await saveHoldingsEdit(next);
      setLoaded({ ...loaded, state: saved });
      // A new asset or currency has no price yet: ask now rather than at the next hourly run.
      const needs = (state: HoldingsState) => new Set([...state.holdings.map((h) => (h.kind === 'asset' ? h.asset : h.currency)), state.limits.currency]);
      const added = [...needs(saved)].some((symbol) => !needs(before).has(symbol));
      if (added) void refreshPrices();
      return { ok: true } as const;
    } catch (error) {
      if (error instanceof HoldingsSaveError) return { ok: false, reason: holdingsSaveFailureText(error.code, t) } as const;
      // The browser's own words (a full quota, an extension updated under the page) are for the log, not the user.
      console.error('[reserve-radar] the holdings could not be saved', error);
      return { ok: false, reason: t('holdingsSaveFailed') } as const;
    }
  };

  const onImport = async (file: File): Promise<ImportResult> => {
    // Refused before reading: a huge file never reaches memory as text.
    if (file.size > MAX_IMPORT_BYTES) return { ok: false, reason: t('dataTooLarge', formatByteSize(MAX_IMPORT_BYTES, locale)) };
    let text: string;
    try {
      text = await file.text();
    } catch {
      return { ok: false, reason: t('dataFailNotText') };
    }
    // Holdings, settings and the address book are all checked here, before anything is written.
    const result = importData(text);
    if (!result.ok) return { ok: false, reason: importFailureText(result.failure, t, locale) };
    const { data } = result;
    const book = data.addressBook === undefined ? undefined : parseAddressBook(data.addressBook);
    if (book !== undefined && book.rejected.length > 0) return { ok: false, reason: t('dataBadAddressBook', addressBookProblemText(t, book.rejected[0]!.problem, locale)) };
    // The file's warning lists with the ones held must fit, or nothing is written; a read that fails leaves it to the background's own count.
    const fileLists = data.warningLists === undefined || data.warningLists.length === 0 ? undefined : data.warningLists;
    if (fileLists !== undefined) {
      const held = await send({ type: 'subscriptions-state' }).catch(() => undefined);
      if (listsOverLimit(held, fileLists)) return { ok: false, reason: t('dataFailListsOverLimit') };
    }
    const state = parseHoldingsState({ holdings: data.holdings, addresses: data.addresses, ...(data.goal === undefined ? {} : { goal: data.goal }), limits: data.limits, history: data.history });
    // All or nothing: one write, which the browser stores whole or refuses whole.
    const written = await writeImport({ holdings: state, settings: data.settings, addressBook: book?.entries });
    if (!written.ok) return { ok: false, reason: t(written.reason) };
    // Added after the holdings, in the lists' own turn in the background; a failure there is said after the counts, not hidden.
    const lists = fileLists === undefined ? undefined : await addFileLists(fileLists, (asked) => send({ type: 'import-lists', lists: asked }));
    try {
      if (data.settings !== undefined) await onSettingsReplaced();
      await reload();
    } catch (error) {
      // Written and kept: the page follows storage (holdings here, settings in main.tsx), so it redraws without this re-read.
      console.error('Imported, but the first re-read failed', error);
    }
    void refreshPrices();
    return { ...importedResult(state, data.settings), ...(lists === undefined ? {} : { lists }) };
  };

  return (
    <>
      <HoldingsSection
        key={draftsKey}
        state={loaded.state}
        prices={loaded.prices}
        readings={loaded.readings}
        priceStatus={loaded.status}
        exchangeNames={exchangeNames}
        rpcUrlSet={hasAnyRpcUrl(settings)}
        now={new Date()}
        onSave={save}
        onRefreshPrices={refreshPrices}
        onRefreshBalances={async () => {
          await send({ type: 'holdings-refresh', balances: true });
          await reload();
        }}
      />
      <RunNotifications
        key={draftsKey}
        enabled={settings.runAlertNotifications}
        holdsOnExchange={loaded.state.holdings.some((holding) => holding.custodian !== 'self')}
        notificationsGranted={granted}
        onChange={async (enabled) => {
          const done = await changeRunNotifications(enabled, granted);
          if (!done) return false;
          if (enabled) setGranted(true);
          // Written and kept: the page follows storage (main.tsx), so a failed re-read is no failed change.
          await onSettingsReplaced().catch((error: unknown) => console.error('[reserve-radar] run notifications changed, but the re-read failed', error));
          return true;
        }}
      />
      <HoldingsData
        reminders={settings.reminders}
        notificationsGranted={granted}
        hostsHeld={hostsHeld}
        unusedRpcUrls={unusedRpcUrls(settings)}
        onReminders={async (next: Reminders) => {
          const held = await changeReminders(next, granted);
          if (held && wantsAnyReminder(next)) setGranted(true);
          // Written and kept: the page follows storage (main.tsx), so a failed re-read is no failed change.
          await onSettingsReplaced().catch((error: unknown) => console.error('[reserve-radar] reminders changed, but the re-read failed', error));
          return held;
        }}
        onExport={async () => {
          // Lists that cannot be read now are left out of the file, and the page says so.
          const [state, current, addressBook, warningLists] = await Promise.all([getHoldings(), getSettings(), loadAddressBook(), listsForExport(() => send({ type: 'subscriptions-state' }))]);
          const now = Date.now();
          download(
            exportData({ state, settings: current, addressBook, ...(warningLists === undefined ? {} : { warningLists }), now }),
            `reserve-radar-${new Date(now).toISOString().slice(0, 10)}.json`,
          );
          return warningLists === undefined ? 'without-lists' : 'with-lists';
        }}
        onImport={onImport}
        onDeleteEverything={async () => {
          await send({ type: 'delete-all-data' });
          // Least privilege: the settings that asked for the access to tab addresses and for notifications are gone, so are those.
          // After the delete, so that the background, seeing the access go, finds protection already off and writes nothing back.
          const givenBack = await removeOptionalPermissions();
          await onSettingsReplaced();
          await reload();
          // Deleted all the same when the page's redraw fails: the confirmation is still due.
          await onDeleted().catch((error: unknown) => console.error('[reserve-radar] deleted, but the page could not read the emptied storage again', error));
          return givenBack;
        }}
      />
    </>
  );
}
