import type { HoldingsState } from '@/lib/holdings/model';
import type { AddressBookEntry } from '@/lib/custody/address-book';
import type { Settings } from '@/lib/settings';
import type { MessageKey } from '@/utils/i18n';
import { inTurns } from '@/utils/in-turn';
import { getHoldings, holdingsItem, saveHoldingsInHeldTurn } from '@/utils/holdings';
import { addressBookItem, loadAddressBook, replaceAddressBookInHeldTurn } from '@/utils/guide-state';
import { getSettings, replaceSettingsInHeldTurn, settingsItem } from '@/utils/settings';

/** What an import writes, each part already checked; an absent part leaves the stored one alone. */
export interface ImportParts {
  holdings: HoldingsState;
  settings?: Settings | undefined;
  addressBook?: AddressBookEntry[] | undefined;
}

/**
 * `halfway`: a part was written and could not be put back, so "Nothing was changed" would be
 * untrue; the reason then says what to check.
 */
export type ImportWriteResult = { ok: true } | { ok: false; reason: Extract<MessageKey, 'dataFailNotSaved' | 'dataFailHalfway'>; halfway: boolean };

/**
 * Writes an import all or nothing: each part in one write, and when the browser refuses one, the
 * parts already written get their earlier values back, last written first. All of it in the turns
 * of the three values at once (utils/in-turn.ts): the earlier values are read inside them, so
 * putting them back cannot undo a change another context made meanwhile (a history point, an
 * edit); such a change waits and is made after.
 */
export function writeImport(next: ImportParts): Promise<ImportWriteResult> {
  return inTurns([holdingsItem.key, settingsItem.key, addressBookItem.key], () => writeImportInHeldTurns(next));
}

async function writeImportInHeldTurns(next: ImportParts): Promise<ImportWriteResult> {
  const [holdingsBefore, settingsBefore, bookBefore] = await Promise.all([getHoldings(), getSettings(), loadAddressBook()]);
  const steps: { write: () => Promise<unknown>; undo: () => Promise<unknown> }[] = [{ write: () => saveHoldingsInHeldTurn(next.holdings), undo: () => saveHoldingsInHeldTurn(holdingsBefore) }];
  const { settings, addressBook } = next;
  if (settings !== undefined) steps.push({ write: () => replaceSettingsInHeldTurn(settings), undo: () => replaceSettingsInHeldTurn(settingsBefore) });
  if (addressBook !== undefined) steps.push({ write: () => replaceAddressBookInHeldTurn(addressBook), undo: () => replaceAddressBookInHeldTurn(bookBefore) });
  const written: (typeof steps)[number][] = [];
  try {
    for (const step of steps) {
      await step.write();
      written.push(step);
    }
    return { ok: true };
  } catch (error) {
    console.error('Import not stored; putting back what was there', error);
  }
  try {
    for (const step of written.reverse()) await step.undo();
    return { ok: false, reason: 'dataFailNotSaved', halfway: false };
  } catch (error) {
    console.error('Import stopped halfway and could not be undone', error);
    return { ok: false, reason: 'dataFailHalfway', halfway: true };
  }
}
