import { useState } from 'preact/hooks';
import type { Settings } from '../lib/settings';
import { HostsWithheldAfter } from './options/HostsWithheld';
import { pluralText } from '../lib/words/plural';
import { formatCount } from '../lib/words/format';
import { rpcOriginsText } from '../lib/words/rpc-origins';
import { gapAfter } from '../lib/words/punctuation';
import { useLocale, useT } from '../utils/i18n';
import { FileButton } from './FileButton';
import { InlineConfirm, useInlineConfirm } from './InlineConfirm';
import { NotSavedStatus } from './options/setting-change';

export type Reminders = Settings['reminders'];

/**
 * An import's answer; `unusedRpcUrls` are the file's RPC addresses stored but used for nothing (plain http to another
 * computer), one for each options field that holds one.
 */
export type ImportResult = { ok: true; holdings: number; addresses: number; history: number; unusedRpcUrls?: readonly string[]; lists?: ListsOutcome } | { ok: false; reason: string };

/**
 * What an import did with the file's warning lists, when it had any: how many were added, how many of those wait for the
 * user's "Allow access", how many held ones the file named with another maintainer (left as held); or `'failed'` when
 * the rest was written but the lists were not added.
 */
export type ListsOutcome = { added: number; needAccess: number; keptOther: number } | 'failed';
type Imported = Extract<ImportResult, { ok: true }>;

export interface HoldingsDataProps {
  reminders: Reminders;
  /** Whether the optional notifications permission is granted. */
  notificationsGranted: boolean;
  /**
   * Asks for the notifications permission when a reminder is turned on; false when declined (the choice is kept all the
   * same). Rejects when the browser refuses the request or storage the write: nothing is changed then.
   */
  onReminders: (next: Reminders) => Promise<boolean>;
  /** Writes the file; `'without-lists'` when the warning lists could not be read and the file leaves them out. */
  onExport: () => Promise<'with-lists' | 'without-lists'>;
  onImport: (file: File) => Promise<ImportResult>;
  /** Resolves false when the browser kept the optional permissions; the data is deleted all the same. */
  onDeleteEverything: () => Promise<boolean>;
  /** False when the browser withholds the hosts the manifest requires (Chromium does after the access to all sites is given up). */
  hostsHeld?: boolean;
  /** The RPC addresses stored now but used for nothing, one for each field that holds one (`unusedRpcUrls` of the settings). */
  unusedRpcUrls: readonly string[];
}

const DAYS = Array.from({ length: 31 }, (_, i) => i + 1);

/** Reminders, and the user's data as a file: export, import (all or nothing), delete everything. */
export function HoldingsData({ reminders, notificationsGranted, onReminders, onExport, onImport, onDeleteEverything, hostsHeld = true, unusedRpcUrls }: HoldingsDataProps) {
  const t = useT();
  const locale = useLocale();
  const [declined, setDeclined] = useState(false);
  const [chosenName, setChosenName] = useState<string | undefined>(undefined);
  const [importMessage, setImportMessage] = useState<{ ok: true; imported: Imported } | { ok: false; text: string } | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [listsLeftOut, setListsLeftOut] = useState(false);
  // Each count takes the plural form its language gives it ("1 holding", "2 holdings"), grouped as the reader writes numbers.
  // A file's RPC address the extension will not send to is said after the counts, with why and what to do; worded as
  // the page draws, so an address the user has since replaced in its field is no longer named. The file wrote those
  // addresses: only the computer each goes to is named, each once, and a few at most. The fields are counted for the
  // plural ("the RPC fields"), as each one the import filled needs a new address.
  const importedText = (done: Imported) => {
    const holdings = pluralText(done.holdings, { one: 'dataImportedHoldingsOne', other: 'dataImportedHoldings' }, t, locale, formatCount(done.holdings, locale));
    const addresses = pluralText(done.addresses, { one: 'dataImportedAddressesOne', other: 'dataImportedAddresses' }, t, locale, formatCount(done.addresses, locale));
    const days = pluralText(done.history, { one: 'dataImportedDaysOne', other: 'dataImportedDays' }, t, locale, formatCount(done.history, locale));
    const said = [t('dataImported', [holdings, addresses, days]), ...listsText(done.lists)];
    const fromFile = done.unusedRpcUrls ?? [];
    const unused = unusedRpcUrls.filter((url) => fromFile.includes(url));
    if (unused.length > 0) said.push(pluralText(unused.length, { one: 'dataImportedRpcUnusedOne', other: 'dataImportedRpcUnused' }, t, locale, rpcOriginsText(unused, t, locale)));
    return said.reduce((text, next) => `${text}${gapAfter(text, locale)}${next}`);
  };
  // The file's warning lists: those added, those of them Reserve Radar may not read until the user allows it on their
  // row, and those held already that the file names with another maintainer (left as held); or that none was added.
  const listsText = (lists: ListsOutcome | undefined): string[] => {
    if (lists === undefined) return [];
    if (lists === 'failed') return [t('dataImportedListsFailed')];
    const count = (n: number, keys: { one: Parameters<typeof t>[0]; other: Parameters<typeof t>[0] }) => pluralText(n, keys, t, locale, formatCount(n, locale));
    return [
      ...(lists.added === 0 ? [] : [count(lists.added, { one: 'dataImportedListsOne', other: 'dataImportedLists' })]),
      ...(lists.needAccess === 0 ? [] : [count(lists.needAccess, { one: 'dataImportedListsAccessOne', other: 'dataImportedListsAccess' })]),
      ...(lists.keptOther === 0 ? [] : [count(lists.keptOther, { one: 'dataImportedListsKeptOne', other: 'dataImportedListsKept' })]),
    ];
  };
  const importFailedLate = (message: typeof importMessage) => message !== undefined && (!message.ok || message.imported.lists === 'failed');
  // Focus follows the question: into it on its safe answer, back to "Delete everything…" after.
  const confirm = useInlineConfirm();
  const [deleted, setDeleted] = useState<'done' | 'permissionsKept' | undefined>(undefined);
  // While a delete runs its confirm button is aria-disabled: a second press would start a second delete.
  const [deleting, setDeleting] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState(false);
  const anyReminder = reminders.monthlyDay !== undefined || reminders.proofOfKeysDay;

  // Said again at each failure: the words go at each change. Saying it draws the section again, which puts the
  // box or the day the user changed back to the stored reminders.
  const [notSaved, setNotSaved] = useState(false);
  const change = async (next: Reminders) => {
    setNotSaved(false);
    try {
      setDeclined(!(await onReminders(next)));
    } catch (error) {
      console.error('[reserve-radar] reminders not saved:', error);
      setNotSaved(true);
    }
  };

  return (
    <>
      <section aria-labelledby="reminders-title" class="holdings" data-testid="reminders">
        <h2 id="reminders-title">{t('remindersTitle')}</h2>
        <p class="muted">{t('remindersBody')}</p>
        <label class="option">
          <input
            type="checkbox"
            checked={reminders.monthlyDay !== undefined}
            data-testid="reminder-monthly"
            onChange={(event) => {
              const { monthlyDay: _day, ...rest } = reminders;
              void change((event.currentTarget as HTMLInputElement).checked ? { ...rest, monthlyDay: 1 } : rest);
            }}
          />
          {t('remindersMonthly')}
        </label>
        {reminders.monthlyDay !== undefined && (
          <label class="option">
            {t('remindersDay')}
            <select
              value={String(reminders.monthlyDay)}
              data-testid="reminder-day"
              onChange={(event) => void change({ ...reminders, monthlyDay: Number((event.currentTarget as HTMLSelectElement).value) })}
            >
              {DAYS.map((day) => (
                <option key={day} value={String(day)}>
                  {day}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="option">
          <input
            type="checkbox"
            checked={reminders.proofOfKeysDay}
            data-testid="reminder-pok"
            onChange={(event) => void change({ ...reminders, proofOfKeysDay: (event.currentTarget as HTMLInputElement).checked })}
          />
          {t('remindersProofOfKeys')}
        </label>
        {(declined || (anyReminder && !notificationsGranted)) && (
          <p class="muted" role="status" data-testid="reminders-no-permission">
            {t('remindersNoPermission')}
          </p>
        )}
        <NotSavedStatus notSaved={notSaved ? { key: 'settingNotSaved' } : undefined} testId="reminders-notice" />
      </section>

      <section aria-labelledby="data-title" class="holdings" data-testid="holdings-data">
        <h2 id="data-title">{t('dataTitle')}</h2>
        <p class="muted">{t('dataBody')}</p>
        {/* What an export leaves out, so no one moving browsers loses it unawares. */}
        <p class="muted" data-testid="data-file-holds">
          {t('dataFileHolds')}
        </p>
        <div class="holdings__form">
          <button
            type="button"
            class="ghost"
            onClick={() => {
              setListsLeftOut(false);
              void onExport().then(
                (carried) => setListsLeftOut(carried === 'without-lists'),
                (error: unknown) => console.error('[reserve-radar] the export failed', error),
              );
            }}
            data-testid="data-export"
          >
            {t('dataExport')}
          </button>
          {/* aria-disabled while an import runs: two imports never interleave. */}
          <FileButton
            label={t('dataImport')}
            accept="application/json,.json"
            busy={importing}
            buttonTestId="data-import-choose"
            inputTestId="data-import"
            onFile={(chosen) => {
              setImporting(true);
              setChosenName(chosen.name);
              setImportMessage(undefined);
              void onImport(chosen)
                .then(
                  (result) => setImportMessage(result.ok ? { ok: true, imported: result } : { ok: false, text: t('dataImportFailed', result.reason) }),
                  // onImport answers every refusal itself; this is for a failure it did not foresee.
                  () => setImportMessage({ ok: false, text: t('dataImportFailed', t('dataFailUnexpected')) }),
                )
                .finally(() => setImporting(false));
            }}
          />
          {chosenName !== undefined && (
            <span class="muted" data-testid="data-import-file">
              {t('dataImportFile', chosenName)}
            </span>
          )}
        </div>
        {listsLeftOut && (
          <p class="muted" role="status" data-testid="data-export-message">
            {t('dataExportNoLists')}
          </p>
        )}
        {importMessage !== undefined && (
          <p class={importFailedLate(importMessage) ? 'form-error' : 'holdings__ok'} role={importFailedLate(importMessage) ? 'alert' : 'status'} data-testid="data-import-message">
            {importMessage.ok ? importedText(importMessage.imported) : importMessage.text}
          </p>
        )}
        <h3 class="card__heading">{t('deleteTitle')}</h3>
        <p class="muted">{t('deleteBody')}</p>
        {!confirm.open ? (
          <button
            ref={confirm.opener}
            type="button"
            class="danger"
            data-testid="delete-everything"
            onClick={() => {
              setDeleted(undefined);
              setDeleteFailed(false);
              confirm.ask();
            }}
          >
            {t('deleteButton')}
          </button>
        ) : (
          <InlineConfirm
            id="delete-confirm-text"
            question={t('deleteConfirm')}
            confirmLabel={t('deleteConfirmButton')}
            cancelLabel={t('holdingsCancel')}
            confirmTestId="delete-confirm"
            cancelTestId="delete-cancel"
            busy={deleting}
            onConfirm={() => {
              setDeleting(true);
              setDeleteFailed(false);
              void onDeleteEverything()
                .then(
                  (givenBack) => {
                    confirm.close();
                    // The import's file and answer, and the reminders' last answer, were about data that is gone.
                    setChosenName(undefined);
                    setImportMessage(undefined);
                    setDeclined(false);
                    setNotSaved(false);
                    setDeleted(givenBack ? 'done' : 'permissionsKept');
                  },
                  // The question stays open: the user can try again or cancel.
                  () => setDeleteFailed(true),
                )
                .finally(() => setDeleting(false));
            }}
            onCancel={() => {
              setDeleteFailed(false);
              confirm.close();
            }}
          />
        )}
        {deleteFailed && (
          <p class="form-error" role="alert" data-testid="delete-error">
            {t('deleteFailed')}
          </p>
        )}
        {deleted !== undefined && (
          <p class="holdings__ok" role="status" data-testid="delete-done">
            {t(deleted === 'done' ? 'deleteDone' : 'deleteDonePermissionsKept')}
            <HostsWithheldAfter held={hostsHeld} />
          </p>
        )}
      </section>
    </>
  );
}
