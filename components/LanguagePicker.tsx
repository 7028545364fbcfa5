import { localeTag, type LocaleEntry } from '../lib/locales';
import type { Language } from '../lib/settings';
import { availableLocales } from '../utils/locales';
import { useT } from '../utils/i18n';

export interface LanguagePickerProps {
  value: Language;
  onChange: (language: Language) => void;
  /** The languages to offer; this build's by default. */
  locales?: readonly LocaleEntry[];
  /** The group's test id; each choice's is `<testId>-<locale id>` (`language-sv`, `language-auto`). */
  testId?: string;
  /** Where a heading just above already says "Language": the legend is then for screen readers only. */
  legendHidden?: boolean;
}

/**
 * "Same as the browser" and every language this build speaks, each named in its own language (and
 * marked so, for screen readers), whatever language the page is in. A group of radios, not a closed
 * select: every choice is in view and each wraps, so a long name ("Português (Brasil)") stays whole
 * in a 320 px window at 200 % text, where a select cuts it. The arrow keys move between the choices
 * as in any radio group, each step a change (the page shows the last one asked for: usePageWords).
 */
export function LanguagePicker({ value, onChange, locales = availableLocales, testId = 'language', legendHidden = false }: LanguagePickerProps) {
  const t = useT();
  // A stored choice this build lacks reads as automatic (resolveLocale), and is shown so.
  const shown = value !== 'auto' && locales.some((entry) => entry.id === value) ? value : 'auto';
  const choices = [{ id: 'auto', name: t('languageAuto'), lang: undefined }, ...locales.map((entry) => ({ id: entry.id, name: entry.name, lang: entry.tag ?? localeTag(entry.id) }))];
  return (
    <fieldset class="language-picker" data-testid={testId}>
      <legend class={legendHidden ? 'visually-hidden' : undefined}>{t('languageTitle')}</legend>
      <div class="language-picker__choices">
        {choices.map((choice) => (
          <label key={choice.id} class="language-picker__choice">
            <input type="radio" name={testId} value={choice.id} checked={shown === choice.id} onChange={() => onChange(choice.id)} data-testid={`${testId}-${choice.id}`} />
            <span lang={choice.lang}>{choice.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
