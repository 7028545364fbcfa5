import { useEffect, useRef, useState } from 'preact/hooks';
import { useFocusAfterRemove } from '../focus-after-remove';
import { RemovalStatus } from '../RemovalStatus';
import { checkPoisoning, isInBook, type AddressBookEntry } from '../../lib/custody/address-book';
import { getNetwork } from '../../lib/custody/networks';
import type { GuideAction, GuideState } from '../../lib/custody/steps';
import { useLocale, useT } from '../../utils/i18n';
import { formatLocalDate } from '../../lib/words/format';
import { AddressGroups, PoisoningNotice } from './shared';
import { LookalikeRefused } from '../../utils/lookalike-refused';

export interface AddressBookStepProps {
  state: GuideState;
  book: readonly AddressBookEntry[];
  onAction: (action: GuideAction) => void;
  /** Saves the guide's address under `label`; rejects with a reason the step shows. */
  onSaveAddress: (label: string) => Promise<void>;
  /** Removes the entry from the book; rejects when it could not be saved. */
  onRemoveAddress: (entry: AddressBookEntry) => Promise<unknown>;
}

export function AddressBookStep({ state, book, onAction, onSaveAddress, onRemoveAddress }: AddressBookStepProps) {
  const t = useT();
  const locale = useLocale();
  const [label, setLabel] = useState('');
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error' | 'lookalike'>('idle');
  const cleanLabel = label.trim();
  const labelTooLong = cleanLabel.length > 64;
  // Set by a press of Save with no name; cleared as soon as the user types.
  const [labelMissing, setLabelMissing] = useState(false);
  const labelInvalid = labelTooLong || labelMissing;
  const labelField = useRef<HTMLInputElement>(null);
  const listTitle = useRef<HTMLHeadingElement>(null);
  const entryId = (entry: AddressBookEntry) => `${entry.network}:${entry.address}`;
  const {
    container: list,
    removing,
    kept,
    said,
  } = useFocusAfterRemove<HTMLUListElement>(
    book.map(entryId),
    () => listTitle.current,
    () => listTitle.current,
  );
  const here = state.address === null || state.network === null ? null : { network: state.network, address: state.address };
  // The entry holding this address for this network, read as the step's "done" reads the book (validateStep).
  const savedEntry = here === null ? undefined : book.find((entry) => isInBook({ ...here, book: [entry] }));
  const poisoning = here === null ? null : checkPoisoning({ candidate: here, book });
  const lookalike = poisoning !== null && poisoning.lookalikes.length > 0;
  // The address is a look-alike of a saved one, and not itself saved: judged again at each change of the book (another page may
  // have saved the look-alike), it is not offered for saving or skipping; the alert takes the form's place.
  const lookalikeOnly = poisoning?.status === 'lookalike';
  // The same account saved for another network of its family: said so, and saving it for this one is still the user's choice.
  const elsewhere = savedEntry === undefined && poisoning?.known != null && poisoning.known.network !== here?.network ? poisoning.known : null;
  // "Saved" holds only while the book does: an entry taken out on another page or in the options no longer is.
  const savedHere = status === 'saved' && savedEntry !== undefined;
  // Nothing to choose, except while a save here is under way or done: the form stays under the user's focus, and says "Saved" itself.
  const alreadySaved = savedEntry !== undefined && status !== 'saving' && status !== 'saved' ? savedEntry : null;
  // The note and the form take each other's place when another page changes the book: one that held the focus would drop it
  // to the page, so the focus goes to what takes its place. Read while drawing, before the leaving one takes the focus with it.
  const form = useRef<HTMLFormElement>(null);
  const note = useRef<HTMLParagraphElement>(null);
  const alertBox = useRef<HTMLElement>(null);
  const focusIn = useRef<'form' | 'note' | 'alert' | undefined>(undefined);
  const active = (form.current ?? note.current ?? alertBox.current)?.ownerDocument.activeElement;
  focusIn.current =
    active === null || active === undefined ? undefined : form.current?.contains(active) ? 'form' : note.current === active ? 'note' : alertBox.current === active ? 'alert' : undefined;
  // The note is news, said in the status region, when the book takes the address in while the step is drawn (another page saved
  // it); drawn with the step, or after a save made here, it is the step's content and is not said.
  const heldBefore = useRef<boolean | undefined>(undefined);
  const knownNews = useRef(false);
  if (savedEntry === undefined) knownNews.current = false;
  else if (heldBefore.current === false && alreadySaved !== null) knownNews.current = true;
  if (here !== null) heldBefore.current = savedEntry !== undefined;
  // The form is news too when it comes back because the look-alike was removed (here or on another page): the status region says why.
  const lookalikeBefore = useRef(lookalikeOnly);
  const lookalikeGone = useRef(false);
  if (lookalikeOnly || alreadySaved !== null) lookalikeGone.current = false;
  else if (lookalikeBefore.current) lookalikeGone.current = true;
  lookalikeBefore.current = lookalikeOnly;
  // A save refused for the look-alike is old news once the look-alike goes: the refusal is not said again after it.
  useEffect(() => {
    if (!lookalikeOnly) setStatus((now) => (now === 'lookalike' ? 'idle' : now));
  }, [lookalikeOnly]);
  useEffect(() => {
    const doc = (note.current ?? labelField.current ?? alertBox.current)?.ownerDocument;
    const now = doc?.activeElement;
    if (doc === undefined || (now !== null && now !== undefined && now !== doc.body && now.isConnected)) return;
    // What took the place of the one that held the focus.
    const next = focusIn.current === 'form' ? [note, alertBox] : focusIn.current === 'note' ? [labelField, alertBox] : focusIn.current === 'alert' ? [labelField, note] : [];
    next.find((candidate) => candidate.current !== null)?.current?.focus();
  });

  const save = async (event: Event) => {
    event.preventDefault();
    // Aria-disabled while saving, not disabled: a disabled button would drop the keyboard focus to the page.
    if (status === 'saving') return;
    // A name that cannot be saved: the field says why and takes the focus for the user to mend it.
    if (cleanLabel === '' || labelTooLong) {
      setLabelMissing(cleanLabel === '');
      labelField.current?.focus();
      return;
    }
    lookalikeGone.current = false;
    setStatus('saving');
    try {
      await onSaveAddress(cleanLabel);
      setStatus('saved');
      setLabel('');
    } catch (error) {
      setStatus(error instanceof LookalikeRefused ? 'lookalike' : 'error');
    }
  };

  return (
    <div class="guide-form">
      {state.address === null || state.network === null ? (
        <p class="muted" data-testid="book-no-address">
          {t('bookNoAddress')}
        </p>
      ) : (
        <>
          {/* A look-alike is the loud alert; the address found as it is gets this step's own words, below. */}
          {lookalike && (
            // Named, so the focus moved here reads the alert's title, not the alert again.
            <section ref={alertBox} tabIndex={-1} aria-label={t('poisoningDangerTitle')} data-testid="book-lookalike">
              <PoisoningNotice network={state.network} address={state.address} book={book} />
            </section>
          )}
          <AddressGroups address={state.address} />
          {elsewhere !== null && (
            <p class="guide-note guide-note--info" data-testid="book-elsewhere">
              {t('bookSavedOtherNetwork', [elsewhere.label, networkName(elsewhere.network), networkName(state.network)])}
            </p>
          )}
          {lookalikeOnly ? null : alreadySaved !== null ? (
            <p ref={note} tabIndex={-1} class="guide-note guide-note--ok" data-testid="book-known">
              {t('bookAlreadySaved', alreadySaved.label)}
            </p>
          ) : (
            <form ref={form} class="book-form" onSubmit={(event) => void save(event)}>
              <div class="field">
                <label for="book-label">{t('bookLabel')}</label>
                <input
                  ref={labelField}
                  id="book-label"
                  type="text"
                  maxLength={80}
                  value={label}
                  aria-invalid={labelInvalid}
                  aria-describedby="book-label-help"
                  data-testid="book-label"
                  onInput={(event) => {
                    setLabel((event.currentTarget as HTMLInputElement).value);
                    setLabelMissing(false);
                  }}
                />
                <p id="book-label-help" class={labelInvalid ? 'field__error' : 'field__help'}>
                  {labelTooLong ? t('bookLabelTooLong') : labelMissing ? t('bookLabelMissing') : t('bookLabelHelp')}
                </p>
              </div>
              <div class="guide__actions">
                <button type="submit" class="primary" aria-disabled={status === 'saving'} data-testid="book-save">
                  {t('bookSave')}
                </button>
                <button
                  type="button"
                  class="ghost"
                  onClick={() => {
                    lookalikeGone.current = false;
                    setStatus('idle');
                    onAction({ type: 'address-book', outcome: 'skipped' });
                  }}
                  data-testid="book-skip"
                >
                  {t('bookSkip')}
                </button>
              </div>
            </form>
          )}
          <p role="status" data-testid="book-status">
            {/* "Not saved" after a skip holds only while the book does not hold the address for this network. */}
            {knownNews.current && alreadySaved !== null
              ? t('bookAlreadySaved', alreadySaved.label)
              : savedHere
                ? t('bookSaved')
                : status === 'error'
                  ? t('bookSaveFailed')
                  : lookalikeGone.current
                    ? t('bookLookalikeGone')
                    : status === 'lookalike'
                      ? t('bookSaveLookalike')
                      : lookalikeOnly
                        ? ''
                        : state.addressBook === 'skipped' && savedEntry === undefined
                          ? t('bookSkipped')
                          : ''}
          </p>
        </>
      )}

      <h3 ref={listTitle} tabIndex={-1}>
        {t('bookListTitle')}
      </h3>
      {book.length === 0 ? (
        <p class="muted" data-testid="book-empty">
          {t('bookEmpty')}
        </p>
      ) : (
        <ul class="book-list" ref={list} data-testid="book-list">
          {book.map((entry, index) => (
            <li key={entryId(entry)} data-testid="book-entry">
              <strong>{entry.label}</strong> <span class="muted">{networkName(entry.network)}</span> <span class="muted">{t('bookAdded', formatLocalDate(entry.addedAt, locale))}</span>
              <AddressGroups address={entry.address} />
              <button
                type="button"
                class="ghost"
                onClick={() => {
                  removing(entryId(entry), index, entry.label);
                  // "Saved" spoke of an entry that may be this one: it no longer holds.
                  setStatus('idle');
                  onRemoveAddress(entry).catch((error: unknown) => {
                    console.error('[reserve-radar] address book entry not removed:', error);
                    kept(entryId(entry), { key: 'bookRemoveFailed', args: [entry.label] });
                  });
                }}
                data-remove=""
                data-testid="book-remove"
              >
                {t('bookRemove', entry.label)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <RemovalStatus said={said} testId="book-removed" />
      <p class="muted">{t('bookPrivacy')}</p>
    </div>
  );
}

function networkName(id: string): string {
  return getNetwork(id)?.name ?? id;
}
