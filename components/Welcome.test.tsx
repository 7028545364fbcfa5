import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { I18nContext, translateFrom } from '../utils/i18n';
import { availableLocales } from '../utils/locales';
import { Welcome, type WelcomeProps } from './Welcome';
import { effectsOnNextTask } from './test-dom';
import { localeMessages } from '../utils/locale-files.testkit';

const messages = (locale: string) => localeMessages(locale);

function draw(props: Partial<WelcomeProps> = {}, locale = 'en') {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  const t = translateFrom(messages(locale));
  const onTurnOnProtection = props.onTurnOnProtection ?? vi.fn(() => Promise.resolve(true));
  render(
    <I18nContext.Provider value={{ t, locale }}>
      <Welcome
        language="auto"
        onLanguage={() => Promise.resolve(true)}
        protectionOn={false}
        holdingsHref="chrome-extension://x/options.html#holdings-title"
        {...props}
        onTurnOnProtection={onTurnOnProtection}
      />
    </I18nContext.Provider>,
    root,
  );
  const $ = (testId: string) => root.querySelector(`[data-testid="${testId}"]`);
  const click = (testId: string) => $(testId)?.dispatchEvent(new window.Event('click', { bubbles: true }));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { root, $, click, settle, t, onTurnOnProtection };
}

describe('Welcome', () => {
  effectsOnNextTask();

  test('follows protection as it stands: turned on elsewhere, or the access taken away in the browser', async () => {
    const { root, $, settle } = draw();
    const t = translateFrom(messages('en'));
    const redraw = (protectionOn: boolean) =>
      render(
        <I18nContext.Provider value={{ t, locale: 'en' }}>
          <Welcome language="auto" onLanguage={() => Promise.resolve(true)} protectionOn={protectionOn} holdingsHref="x" onTurnOnProtection={() => Promise.resolve(true)} />
        </I18nContext.Provider>,
        root,
      );
    redraw(true);
    await settle();
    expect($('welcome-protection')?.getAttribute('data-state')).toBe('on');
    redraw(false);
    await settle();
    expect($('welcome-protection')?.getAttribute('data-state')).toBe('off');
    expect($('welcome-protection-on')).not.toBeNull();
  });

  test('says what Reserve Radar does and what it never does, and offers every language the settings know', () => {
    const { root, $, t } = draw();
    expect(root.querySelector('h1')?.textContent).toBe(t('welcomeTitle'));
    expect($('welcome-never')?.textContent).toContain(t('welcomeNeverMoney'));
    expect($('welcome-never')?.textContent).toContain(t('welcomeNeverForms'));
    expect($('welcome-never')?.textContent).toContain(t('welcomeNeverData'));
    // A group of radios under its legend, each named in its own language and marked so.
    const picker = $('welcome-language');
    expect(picker?.localName).toBe('fieldset');
    expect(picker?.querySelector('legend')?.textContent).toBe(t('languageTitle'));
    const radios = [...(picker?.querySelectorAll('label > input[type="radio"]') ?? [])] as HTMLInputElement[];
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['auto', ...availableLocales.map((entry) => entry.id)]);
    expect(new Set(radios.map((radio) => radio.getAttribute('name'))).size).toBe(1);
    const named = (radio: HTMLInputElement) => ({ name: radio.parentElement?.textContent, lang: radio.parentElement?.querySelector('[lang]')?.getAttribute('lang') ?? null });
    expect(radios.map(named)).toEqual([{ name: t('languageAuto'), lang: null }, ...availableLocales.map((entry) => ({ name: entry.name, lang: entry.id.replace('_', '-') }))]);
    // linkedom's inputs have no `checked` property: Preact draws the attribute.
    expect(radios.filter((radio) => radio.hasAttribute('checked')).map((radio) => radio.value)).toEqual(['auto']);
    expect($('welcome-holdings')?.getAttribute('href')).toBe('chrome-extension://x/options.html#holdings-title');
    // The why sits beside the button, read before the click.
    expect($('welcome-protection')?.textContent).toContain(t('welcomeProtectionAsk'));
    expect($('welcome-protection-result')?.textContent).toBe('');
  });

  test('one click asks once; granted, the page says protection is on and the button goes', async () => {
    let answer: (granted: boolean) => void = () => undefined;
    const { $, click, settle, t, onTurnOnProtection } = draw({ onTurnOnProtection: vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve))) });
    click('welcome-protection-on');
    await settle();
    expect(onTurnOnProtection).toHaveBeenCalledTimes(1);
    expect($('welcome-protection-result')?.textContent).toBe(t('welcomeProtectionAsking'));
    // Busy, not disabled: a disabled button drops the keyboard focus to the page's body.
    const button = $('welcome-protection-on') as HTMLButtonElement | null;
    expect(button?.disabled).toBe(false);
    expect(button?.getAttribute('aria-disabled')).toBe('true');
    expect(button?.getAttribute('aria-busy')).toBe('true');
    // While the browser asks, another press asks nothing more.
    click('welcome-protection-on');
    await settle();
    expect(onTurnOnProtection).toHaveBeenCalledTimes(1);
    answer(true);
    await settle();
    await settle();
    expect($('welcome-protection')?.getAttribute('data-state')).toBe('on');
    expect($('welcome-protection-result')?.textContent).toBe(t('welcomeProtectionOn'));
    expect($('welcome-protection-on')).toBeNull();
  });

  test('declined, the page says so plainly and the button stays for another try', async () => {
    const { $, click, settle, t } = draw({ onTurnOnProtection: () => Promise.resolve(false) });
    click('welcome-protection-on');
    await settle();
    await settle();
    expect($('welcome-protection')?.getAttribute('data-state')).toBe('declined');
    expect($('welcome-protection-result')?.textContent).toBe(t('welcomeProtectionDeclined'));
    expect(($('welcome-protection-on') as HTMLButtonElement | null)?.disabled).toBe(false);
    expect($('welcome-protection-on')?.getAttribute('aria-disabled')).toBeNull();
    expect($('welcome-protection-on')?.getAttribute('aria-busy')).toBeNull();
  });

  test('a browser that throws instead of asking gets its own plain words, not a silent "off"', async () => {
    const { $, click, settle, t } = draw({ onTurnOnProtection: () => Promise.reject(new Error('permissions.request may only be called from a user input handler')) });
    click('welcome-protection-on');
    await settle();
    await settle();
    expect($('welcome-protection-result')?.textContent).toBe(t('welcomeProtectionFailed'));
  });

  test('protection already on: no button, the sentence says it is on', () => {
    const { $, t } = draw({ protectionOn: true });
    expect($('welcome-protection-on')).toBeNull();
    expect($('welcome-protection-result')?.textContent).toBe(t('welcomeProtectionOn'));
  });

  test('in Swedish every sentence on the page is the Swedish one', () => {
    const english = translateFrom(messages('en'));
    const { root, t } = draw({}, 'sv');
    const text = root.textContent ?? '';
    const shown = [
      'welcomeTitle',
      'languageTitle',
      'languageAuto',
      'welcomeDoes',
      'welcomeNeverTitle',
      'welcomeNeverMoney',
      'welcomeNeverForms',
      'welcomeNeverData',
      'lookalikeProtectionTitle',
      'welcomeProtectionWhy',
      'welcomeProtectionAsk',
      'welcomeProtectionButton',
      'welcomeToolbarCheck',
      'welcomeHoldingsTitle',
      'welcomeHoldingsBody',
      'welcomeHoldingsLink',
      'welcomeEnd',
    ] as const;
    for (const key of shown) {
      expect(text, key).toContain(t(key));
      expect(text, key).not.toContain(english(key));
    }
  });
});
