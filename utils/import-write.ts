import type { HoldingsState } from '@/lib/holdings/model';
import type { AddressBookEntry } from '@/lib/custody/address-book';
import type { Settings } from '@/lib/settings';
import { snoozesInForce } from '@/lib/view/nudge-policy';
import type { MessageKey } from '@/utils/i18n';
import { replaceInTurns } from '@/utils/in-turn';
import { holdingsReplacement } from '@/utils/holdings';
import { addressBookReplacement } from '@/utils/guide-state';
import { settingsReplacement } from '@/utils/settings';

/** What an import writes, each part already checked; an absent part leaves the stored one alone. */
export interface ImportParts {
  holdings: HoldingsState;
  settings?: Settings | undefined;
  addressBook?: AddressBookEntry[] | undefined;
}

export type ImportWriteResult = { ok: true } | { ok: false; reason: Extract<MessageKey, 'dataFailNotSaved'> };

/**
 * Writes an import all or nothing: every part in one storage write, which the browser stores whole
 * or refuses whole, so there is nothing to put back and no moment (nor a page closed meanwhile)
 * leaves part of it imported. In the turns of the values it replaces (utils/in-turn.ts): a change
 * another context is making waits, and is made on the imported values.
 */
export async function writeImport(next: ImportParts, now = Date.now()): Promise<ImportWriteResult> {
  const { settings, addressBook } = next;
  try {
    await replaceInTurns([
      holdingsReplacement(next.holdings),
      // A card snooze whose time passed since the file was made is not brought back; one until a data change is judged by the background.
      ...(settings === undefined ? [] : [settingsReplacement({ ...settings, snoozes: snoozesInForce(settings.snoozes, now) })]),
      ...(addressBook === undefined ? [] : [addressBookReplacement(addressBook)]),
    ]);
    return { ok: true };
  } catch (error) {
    console.error('Import not stored', error);
    return { ok: false, reason: 'dataFailNotSaved' };
  }
}
