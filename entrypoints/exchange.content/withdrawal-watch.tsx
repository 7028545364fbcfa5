import { render } from 'preact';
import type { PageContext } from './page-context';
import { I18nContext } from '@/utils/i18n';
import { MismatchWarning } from '@/components/guide/MismatchWarning';
import type { I18n } from '@/utils/i18n';
import { chosenAddressFor, readStoredGuides, watchChosenAddress, type StoredGuides } from '@/utils/chosen-address';
import { isTextField, looksLikeAddress, sameAddress } from './fields';
import { keepClearOf, type OursToKeepClearOf } from './place-clear';
import { createShadowHost, type ShadowHost } from './shadow-host';
import cardCss from '@/components/card.css?inline';
import mismatchCss from './mismatch.css?inline';

const HOST_TAG = 'reserve-radar-mismatch';

export interface WatchWithdrawalFieldsParameters {
  ctx: PageContext;
  /** The exchange this page belongs to, once the background has said: its guide's address is the one compared. */
  exchangeId: () => string | undefined;
  /** The words in the user's language, as the pill was drawn in (the background sends them). */
  words: () => Promise<I18n>;
  /** Our own pill and card on this page, which the warning keeps clear of as it does the field. */
  ours?: OursToKeepClearOf;
}

/**
 * Read-only: watches what the user types or pastes into the exchange's fields and warns when an
 * address there is not the one checked in the guide. It never writes into the page's fields and
 * never submits anything; with no guide address it says nothing. While the guide's address is
 * marked as a look-alike of a saved one, every address typed gets a warning to check the guide
 * first (no address shown): silence there would read as "this matches". Part of the exchange-page
 * script, started after the pill.
 *
 * The signal is the user's own input: a trusted `input` event on a text field. A value the page
 * puts into a field by script (or announces with a synthetic event) is never checked, because
 * whether our warning appears is visible to the page: checking page-set values would let it try
 * addresses until the warning stays away, and so learn the guide's address.
 *
 * Resolves to what words the warning on screen again, in place, in the words `words` gives now (a
 * change of language): its element, its place and the focus in it stay. With no warning on screen
 * it asks for no words.
 */
export async function watchWithdrawalFields({ ctx, exchangeId, words, ours }: WatchWithdrawalFieldsParameters): Promise<() => unknown> {
  // The guide values for the exchange this page was last known as (the background may say which after this starts).
  const read = (id: string | undefined): Promise<StoredGuides> => readStoredGuides(id).catch(() => ({ exchangeId: id, current: undefined, own: undefined }));
  let guides = await read(exchangeId());
  let ui: ShadowHost | undefined;
  let shownFor: string | undefined;
  let shownIn: Element | undefined;
  let dismissedFor: string | undefined;
  let lastField: HTMLInputElement | HTMLTextAreaElement | undefined;
  // Draws the warning on screen in the words given.
  let draw: ((i18n: I18n) => void) | undefined;
  // Mounting waits for the words; a newer edit makes an older, still-mounting warning stale.
  let generation = 0;

  const hide = () => {
    generation++;
    ui?.remove();
    ui = undefined;
    shownFor = undefined;
    shownIn = undefined;
  };

  /** `afterInput`: the user's own input set this off, so our open card may give way to the warning. */
  const evaluate = async (field: HTMLInputElement | HTMLTextAreaElement, afterInput: boolean) => {
    const typed = field.value.trim();
    if (!looksLikeAddress(typed)) {
      // A field being cleared or retyped: the warning was about that field's old value.
      if (field === lastField) hide();
      return;
    }
    lastField = field;
    const id = exchangeId();
    if (guides.exchangeId !== id) {
      guides = await read(id);
      // Cleared or retyped during the read: the evaluate that edit set off speaks for the field.
      if (field.value.trim() !== typed) return;
    }
    const chosen = chosenAddressFor(guides, id);
    // A guide address marked as a look-alike of a saved one is compared with nothing: any address typed gets the warning to check it.
    if (chosen === null || (chosen !== 'suspect' && sameAddress(typed, chosen.address))) return hide();
    if ((typed === shownFor && field === shownIn) || typed === dismissedFor) return;
    hide();
    shownFor = typed;
    shownIn = field;
    const ticket = generation;
    const i18n = await words();
    if (ticket !== generation || !ctx.isValid) return;
    // The warning stays off the field it is about, as the page scrolls and resizes, until it goes.
    const following = new AbortController();
    ui = createShadowHost({
      ctx,
      name: HOST_TAG,
      css: `${cardCss}\n${mismatchCss}`,
      onMount(container) {
        container.classList.add('rr-theme');
        draw = (words) => {
          container.lang = words.locale;
          render(
            <I18nContext.Provider value={words}>
              <MismatchWarning
                typed={typed}
                chosen={chosen === 'suspect' ? undefined : chosen.address}
                onDismiss={() => {
                  // The dismissal stores nothing and opens nothing; the root's guard already
                  // stops synthetic clicks before they reach this button.
                  dismissedFor = typed;
                  hide();
                }}
              />
            </I18nContext.Provider>,
            container,
          );
        };
        draw(i18n);
        const box = container.querySelector<HTMLElement>('.mismatch');
        if (box !== null) keepClearOf(field, box, following.signal, ours, { afterInput });
      },
      onRemove(container) {
        following.abort();
        render(null, container);
      },
    });
    ui.mount();
  };

  const onEdit = (event: Event) => {
    if (!event.isTrusted) return;
    // composedPath reaches inputs inside the page's own shadow roots too.
    const field = event.composedPath()[0];
    if (isTextField(field)) void evaluate(field, true);
  };
  ctx.addEventListener(document, 'input', onEdit, { capture: true, passive: true });

  ctx.onInvalidated(
    watchChosenAddress(exchangeId, (next) => {
      guides = next;
      dismissedFor = undefined;
      hide();
      // Only the field the user last typed an address into is looked at again.
      if (lastField?.isConnected === true) void evaluate(lastField, false);
    }),
  );
  // Another page of the single-page app: the warning was about a field of the old one.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    lastField = undefined;
    hide();
  });
  return () => ui && words().then((i18n) => ui && draw?.(i18n));
}
