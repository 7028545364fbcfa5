import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from '#imports';
import { I18nContext } from '@/components/i18n';
import { MismatchWarning } from '@/components/guide/MismatchWarning';
import { readChosenAddress, watchChosenAddress, type ChosenAddress } from '@/utils/guide-state';
import { getSettings } from '@/utils/settings';
import { loadI18n } from '@/utils/translate';
import { fieldsToCheck, looksLikeAddress, sameAddress } from './fields';
import cardCss from '@/components/card.css?inline';
import warningCss from './style.css?inline';

export default defineContentScript({
  // Read-only: watches what the user types into the exchange's withdrawal form and warns when
  // it is not the address checked in the guide. It never writes into the page's fields and
  // never submits anything; with no guide address, or no address-like field, it says nothing.
  // Exchange domains only; wxt.config.ts fills this from the registry at build time.
  matches: [],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const HOST_TAG = 'reserve-radar-mismatch';
    for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove();
    let chosen: ChosenAddress | null = await readChosenAddress();
    let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
    let shownFor: string | undefined;
    let dismissedFor: string | undefined;
    let lastField: HTMLInputElement | HTMLTextAreaElement | undefined;
    // Mounting is async; a newer edit makes an older, still-mounting warning stale.
    let generation = 0;

    const hide = () => {
      generation++;
      ui?.remove();
      ui = undefined;
      shownFor = undefined;
    };

    const evaluate = async (field: HTMLInputElement | HTMLTextAreaElement) => {
      const typed = field.value.trim();
      if (!looksLikeAddress(typed)) {
        // A field being cleared or retyped: the warning was about that field's old value.
        if (field === lastField) hide();
        return;
      }
      lastField = field;
      if (chosen === null || sameAddress(typed, chosen.address)) return hide();
      if (typed === shownFor || typed === dismissedFor) return;
      hide();
      shownFor = typed;
      const ticket = generation;
      const mounted = await mount(typed, chosen.address, () => {
        dismissedFor = typed;
        hide();
      });
      if (ticket !== generation || !ctx.isValid) mounted.remove();
      else ui = mounted;
    };

    const onEdit = (event: Event) => {
      // composedPath reaches inputs inside the page's own shadow roots too.
      const field = event.composedPath()[0];
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) void evaluate(field);
    };
    ctx.addEventListener(document, 'input', onEdit, { capture: true, passive: true });
    ctx.addEventListener(document, 'change', onEdit, { capture: true, passive: true });

    const scan = () => {
      for (const field of fieldsToCheck(document, location.hostname)) void evaluate(field);
    };
    ctx.onInvalidated(
      watchChosenAddress((next) => {
        chosen = next;
        dismissedFor = undefined;
        hide();
        scan();
      }),
    );
    // A form the exchange filled in itself (from its own address book) is checked as it stands.
    scan();
    ctx.addEventListener(window, 'wxt:locationchange', scan);

    async function mount(typed: string, chosen: string, onDismiss: () => void) {
      const i18n = await loadI18n((await getSettings()).language);
      const ui = await createShadowRootUi(ctx, {
        name: HOST_TAG,
        css: `${cardCss}\n${warningCss}`,
        position: 'inline',
        anchor: 'html',
        append: 'last',
        onMount(container) {
          container.classList.add('rr-theme');
          render(
            <I18nContext.Provider value={i18n}>
              <MismatchWarning typed={typed} chosen={chosen} onDismiss={onDismiss} />
            </I18nContext.Provider>,
            container,
          );
          return container;
        },
        onRemove(container) {
          if (container !== undefined) render(null, container);
        },
      });
      ui.mount();
      return ui;
    }
  },
});
