import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../lib/settings';
import { type I18n, I18nContext, translateFrom } from '../../utils/i18n';
import { Options } from '../Options';
import { effectsOnNextTask, page, settle } from '../test-dom';
import { quietOptions } from './options.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const de: I18n = { t: translateFrom(localeMessages('de')), locale: 'de' };
const t = de.t;

effectsOnNextTask();

/** Each change the page asks for, left for the test to refuse (as storage does when full) or accept. */
function answers() {
  const asked: { patch: Partial<Settings>; refuse: () => void }[] = [];
  const onChange = (patch: Partial<Settings>) =>
    new Promise<void>((_resolve, reject) => {
      asked.push({ patch, refuse: () => reject(new Error('QUOTA_BYTES quota exceeded')) });
    });
  return { asked, onChange };
}

/** A language, a nudge policy and a Kraken snooze: each has a change a test can ask for, and a notice. */
const snoozedInGerman: Settings = { ...defaultSettings, language: 'de', snoozes: { kraken: { until: 'data-change', fingerprint: 'f' } } };

/**
 * The options page, in German, each change it asks for left in `asked` to refuse or accept (console.error, where a refused change is logged,
 * silenced and recorded as `logged`). `redraw` draws it again as the entrypoint does after a delete.
 */
function draw(settings: Settings) {
  const { asked, onChange } = answers();
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const dom = page();
  const redraw = (shown: Settings, draftsKey?: number) =>
    render(
      <I18nContext.Provider value={de}>
        <Options {...quietOptions} settings={shown} exchangeNames={{ kraken: 'Kraken' }} onChange={onChange} {...(draftsKey === undefined ? {} : { draftsKey })} />
      </I18nContext.Provider>,
      dom.root,
    );
  redraw(settings);
  // What a click does to a box or a radio before its change event: linkedom keeps the user's tick as the property.
  const tick = (input: Element | null, checked: boolean) => {
    (input as HTMLInputElement).checked = checked;
    input?.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
  };
  // A box drawn ticked is the attribute in linkedom until something sets the property.
  const ticked = (input: Element | null) => (input as HTMLInputElement).checked ?? input?.hasAttribute('checked');
  const removeSnooze = () => dom.root.querySelector('[data-testid="snoozes"] button')?.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
  /** Asks for three changes at once: the pill off, Kraken's snooze removed, the language Swedish. */
  const changeThree = async () => {
    tick(dom.root.querySelector('input[name="nudgePolicy"][value="off"]'), true);
    removeSnooze();
    tick(dom.$('language-sv'), true);
    await settle();
  };
  /** What the pill's, the snoozes' and the language's notices say. */
  const notices = () => ['nudge-notice', 'snoozes-notice', 'language-notice'].map((id) => dom.$(id)?.textContent);
  return { ...dom, asked, logged, redraw, tick, ticked, removeSnooze, changeThree, notices };
}

describe('options: a change that cannot be saved', () => {
  test('a nudge policy: the radio goes back to the stored one and the fieldset says so, cleared at the next change and said again', async () => {
    const { asked, root, $, logged, tick, ticked } = draw(defaultSettings);
    await settle();
    const radio = (value: string) => root.querySelector(`input[name="nudgePolicy"][value="${value}"]`);
    const stored = defaultSettings.nudgePolicy;
    const notice = $('nudge-notice');
    expect(notice?.getAttribute('role')).toBe('status');
    expect(notice?.textContent).toBe('');
    for (const round of [0, 1]) {
      tick(radio('off'), true);
      await settle();
      expect(asked[round]?.patch).toEqual({ nudgePolicy: 'off' });
      // The same words said again are new words only if they went away first.
      expect($('nudge-notice')?.textContent).toBe('');
      asked[round]?.refuse();
      await settle();
      expect(ticked(radio('off'))).toBe(false);
      expect(ticked(radio(stored))).toBe(true);
      expect($('nudge-notice')).toBe(notice);
      expect(notice?.textContent).toBe(t('settingNotSaved'));
    }
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('not saved'), expect.any(Error));
    render(null, root);
  });

  test('the auto-expand box goes back and the fieldset says so', async () => {
    const { asked, root, $, tick, ticked } = draw({ ...defaultSettings, autoExpandOnDanger: true });
    await settle();
    const box = root.querySelector('[data-testid="nudge-policy"] input[type="checkbox"]');
    tick(box, false);
    await settle();
    expect(asked[0]?.patch).toEqual({ autoExpandOnDanger: false });
    asked[0]?.refuse();
    await settle();
    expect(ticked(box)).toBe(true);
    expect($('nudge-notice')?.textContent).toBe(t('settingNotSaved'));
    render(null, root);
  });

  test('a language: the picker goes back to the stored language and says the choice was not saved', async () => {
    const { asked, root, $, tick, ticked } = draw({ ...defaultSettings, language: 'de' });
    await settle();
    expect($('language-notice')?.textContent).toBe('');
    tick($('language-sv'), true);
    await settle();
    expect(asked[0]?.patch).toEqual({ language: 'sv' });
    asked[0]?.refuse();
    await settle();
    expect(ticked($('language-sv'))).toBe(false);
    expect(ticked($('language-de'))).toBe(true);
    expect($('language-notice')?.getAttribute('role')).toBe('status');
    // Its own words: the options page was never in the refused language (the welcome page's words say it went back).
    expect($('language-notice')?.textContent).toBe(t('languageSettingNotSaved'));
    expect($('language-notice')?.textContent).not.toBe(t('languageNotSaved'));
    render(null, root);
  });

  test('a snooze removal: the snooze stays listed and the section names it', async () => {
    const { asked, root, $, removeSnooze } = draw({ ...defaultSettings, snoozes: { kraken: { until: 'data-change', fingerprint: 'f' } } });
    await settle();
    removeSnooze();
    await settle();
    expect(asked[0]?.patch).toEqual({ snoozes: {} });
    asked[0]?.refuse();
    await settle();
    expect($('snoozes')?.textContent).toContain('Kraken');
    expect($('snoozes-notice')?.textContent).toBe(t('snoozeRemoveFailed', 'Kraken'));
    render(null, root);
  });

  test('an RPC address: the field shows the address still in use again and says the change was not saved', async () => {
    const { asked, root, $, window } = draw({ ...defaultSettings, rpcUrl: 'https://eth.example.org' });
    await settle();
    const field = $('rpc-url') as HTMLInputElement;
    field.value = 'https://other.example.org';
    field.dispatchEvent(new window.Event('input', { bubbles: true }));
    field.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    expect(asked[0]?.patch).toEqual({ rpcUrl: 'https://other.example.org' });
    asked[0]?.refuse();
    await settle();
    expect(field.value).toBe('https://eth.example.org');
    expect($('rpc-url-notice')?.getAttribute('role')).toBe('status');
    expect($('rpc-url-notice')?.textContent).toBe(t('settingNotSaved'));
    render(null, root);
  });

  test('after "Delete everything" (a new draftsKey) the pill, snooze and language notices from before are gone', async () => {
    const { asked, root, redraw, changeThree, notices } = draw(snoozedInGerman);
    await settle();
    await changeThree();
    for (const change of asked) change.refuse();
    await settle();
    expect(notices()).toEqual([t('settingNotSaved'), t('snoozeRemoveFailed', 'Kraken'), t('languageSettingNotSaved')]);
    // The page as the entrypoint draws it after a delete: the same component, a new draftsKey, default settings.
    redraw(defaultSettings, 1);
    await settle();
    expect(notices()).toEqual(['', '', '']);
    render(null, root);
  });

  test('a change still waiting when everything is deleted and refused after: its notice does not come back beside the emptied settings', async () => {
    const { asked, root, redraw, changeThree, notices } = draw(snoozedInGerman);
    await settle();
    await changeThree();
    expect(asked.length).toBe(3);
    redraw(defaultSettings, 1);
    await settle();
    for (const change of asked) change.refuse();
    await settle();
    expect(notices()).toEqual(['', '', '']);
    render(null, root);
  });

  test('after "Reset settings" the pill, snooze and language notices from before are gone, and the reset says it is done', async () => {
    const { asked, root, $, press, changeThree, notices } = draw(snoozedInGerman);
    await settle();
    await changeThree();
    for (const change of asked) change.refuse();
    await settle();
    expect(notices()).toEqual([t('settingNotSaved'), t('snoozeRemoveFailed', 'Kraken'), t('languageSettingNotSaved')]);
    press('reset');
    await settle();
    press('reset-confirm');
    await settle();
    expect($('options-notice')?.textContent).toBe(t('resetDone'));
    expect(notices()).toEqual(['', '', '']);
    render(null, root);
  });
});
