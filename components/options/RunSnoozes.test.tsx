import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { type I18n, I18nContext, translateFrom } from '../../utils/i18n';
import { formatDateTime } from '../../lib/words/format';
import { Options } from '../Options';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { quietOptions } from './options.testkit';
import { frenchSpacingProblems } from '../../lib/words/french-spacing.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const words = (locale: string): I18n => ({
  t: translateFrom(localeMessages(locale)),
  locale: locale.replace('_', '-'),
});
const UNTIL = '2026-12-14T09:53:00.000Z';

effectsOnNextTask();

describe('run-alert snoozes in the options', () => {
  test('listed apart from the hidden cards, each with a button that lifts it; the focus then goes to the list', async () => {
    const { window, root, $ } = page();
    const focused = recordFocus(window);
    const lifted: string[] = [];
    const draw = (runSnoozes: { exchangeId: string; name: string; snoozedUntil: string }[]) =>
      render(
        <I18nContext.Provider value={words('en')}>
          <Options
            {...quietOptions}
            runSnoozes={runSnoozes}
            onRunUnsnooze={(exchangeId) => {
              lifted.push(exchangeId);
              draw([]);
              return Promise.resolve();
            }}
          />
        </I18nContext.Provider>,
        root,
      );
    draw([{ exchangeId: 'binance', name: 'Binance', snoozedUntil: UNTIL }]);
    await settle();
    // The card's own snoozes are empty; the run alert's is listed under its own title.
    expect(root.querySelector('#run-snoozes-title')?.textContent).toBe('Run alerts snoozed');
    expect($('run-snoozes')?.querySelector('li span')?.textContent).toBe(`Binance: alerts snoozed until ${formatDateTime(UNTIL, 'en')}`);
    const button = $('run-snoozes')?.querySelector('button');
    expect(button?.textContent).toBe('Turn alerts for Binance back on');
    button?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    expect(lifted).toEqual(['binance']);
    expect($('run-snoozes')).toBeNull();
    expect($('run-snoozes-empty')?.textContent).toBe("No exchange's run alerts are snoozed.");
    expect(focused).toEqual(['run-snoozes-empty']);
    // Nothing was removed: the alerts are back on, and that is what is said.
    expect($('run-snoozes-removed')?.textContent).toBe('Alerts for Binance are back on.');
    render(null, root);
  });

  test("the run alerts' list is named by its title; the cards' list is named only through its section", async () => {
    const { root, $ } = page();
    render(
      <I18nContext.Provider value={words('en')}>
        <Options
          {...quietOptions}
          settings={{ ...quietOptions.settings, snoozes: { kraken: { until: 'data-change', fingerprint: 'f' } } }}
          runSnoozes={[{ exchangeId: 'binance', name: 'Binance', snoozedUntil: UNTIL }]}
          onRunUnsnooze={() => Promise.resolve()}
        />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    expect($('run-snoozes')?.getAttribute('aria-labelledby')).toBe('run-snoozes-title');
    expect($('snoozes')?.querySelectorAll('li')).toHaveLength(1);
    expect($('snoozes')?.hasAttribute('aria-labelledby')).toBe(false);
    expect(root.querySelector('section[aria-labelledby="snoozes-title"] [data-testid="snoozes"]')).not.toBeNull();
    render(null, root);
  });

  test('a lift that failed says so beside the list, and the snooze stays listed', async () => {
    const { root, $ } = page();
    render(
      <I18nContext.Provider value={words('en')}>
        <Options {...quietOptions} runSnoozes={[{ exchangeId: 'binance', name: 'Binance', snoozedUntil: UNTIL }]} onRunUnsnooze={() => Promise.reject(new Error('no answer'))} />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    $('run-snoozes')?.querySelector('button')?.click();
    await settle();
    expect($('run-snoozes')?.textContent).toContain('Binance');
    expect($('run-snoozes-removed')?.textContent).toBe('Alerts for Binance could not be turned back on; they are still snoozed. Try again.');
    render(null, root);
  });

  test('in French, the colon follows a no-break space', async () => {
    const { root, $ } = page();
    render(
      <I18nContext.Provider value={words('fr')}>
        <Options {...quietOptions} runSnoozes={[{ exchangeId: 'binance', name: 'Binance', snoozedUntil: UNTIL }]} onRunUnsnooze={() => Promise.resolve()} />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    const line = $('run-snoozes')?.querySelector('li span')?.textContent ?? '';
    expect(line).toBe(`Binance\u00a0: alertes en pause jusqu'au ${formatDateTime(UNTIL, 'fr')}`);
    expect(frenchSpacingProblems(line)).toEqual([]);
    render(null, root);
  });

  test("the card's own list is titled for what it hides, cards on exchange pages, so it is told apart from the run alerts' list in every language", () => {
    const titles: Record<string, [string, string]> = {
      en: ['Cards hidden on exchange pages', 'No card is hidden on an exchange page.'],
      de: ['Ausgeblendete Karten auf Börsenseiten', 'Auf keiner Börsenseite ist eine Karte ausgeblendet.'],
      es: ['Tarjetas ocultas en las páginas de los exchanges', 'No hay ninguna tarjeta oculta en las páginas de los exchanges.'],
      fr: ['Cartes masquées sur les pages des plateformes', "Aucune carte n'est masquée sur les pages des plateformes."],
      pt_BR: ['Cartões ocultos nas páginas das corretoras', 'Nenhum cartão está oculto nas páginas das corretoras.'],
      sv: ['Dolda kort på börsernas sidor', 'Inget kort är dolt på någon börssida.'],
      tr: ['Borsa sayfalarında gizlenen kartlar', 'Borsa sayfalarında gizlenen kart yok.'],
      zh_CN: ['在交易所页面上隐藏的卡片', '没有在交易所页面上隐藏的卡片。'],
    };
    for (const [locale, [title, empty]] of Object.entries(titles)) {
      const { root } = page();
      render(
        <I18nContext.Provider value={words(locale)}>
          <Options {...quietOptions} runSnoozes={[]} onRunUnsnooze={() => Promise.resolve()} />
        </I18nContext.Provider>,
        root,
      );
      expect(root.querySelector('#snoozes-title')?.textContent, locale).toBe(title);
      expect(root.querySelector('[data-testid="snoozes-empty"]')?.textContent, locale).toBe(empty);
      // Two sections, each under its own heading: the run alerts' list is not a part of the cards'.
      expect(root.querySelector('#run-snoozes-title')?.textContent, locale).toBe(words(locale).t('runSnoozesTitle'));
      expect(root.querySelector('#run-snoozes-title')?.tagName).toBe('H2');
      expect(root.querySelector('section[aria-labelledby="snoozes-title"] #run-snoozes-title')).toBeNull();
      expect(frenchSpacingProblems(`${title} ${empty}`)).toEqual([]);
      render(null, root);
    }
  });

  test('when a snooze is lifted elsewhere while the focus is on its button, the focus goes to the section heading, not the page', async () => {
    const { window, root, $ } = page();
    const focused = recordFocus(window);
    const draw = (runSnoozes: { exchangeId: string; name: string; snoozedUntil: string }[]) =>
      render(
        <I18nContext.Provider value={words('en')}>
          <Options {...quietOptions} runSnoozes={runSnoozes} onRunUnsnooze={() => Promise.resolve()} />
        </I18nContext.Provider>,
        root,
      );
    draw([{ exchangeId: 'binance', name: 'Binance', snoozedUntil: UNTIL }]);
    await settle();
    $('run-snoozes')?.querySelector('button')?.focus();
    // The popup's undo lifts it: the list is read again, without it.
    draw([]);
    await settle();
    expect($('run-snoozes')).toBeNull();
    expect(window.document.activeElement?.id).toBe('run-snoozes-title');
    expect(focused.at(-1)).toBe('run-snoozes-title');
    render(null, root);
  });
});
