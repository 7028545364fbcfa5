import { localeTag, type LocaleEntry } from '../lib/locales';
import type { Language } from '../lib/settings';
import { availableLocales } from '../utils/locales';
import { useT } from '../utils/i18n';

export interface LanguagePickerProps {
  value: Language;
  onChange: (language: Language) => void;
  /** The languages to offer; this build's by default. */
  locales?: readonly LocaleEntry[];
  testId?: string;
}

/**
 * "Automatic" and every language this build speaks, each named in its own language (and marked
 * so, for screen readers), whatever language the page is in.
 */
export function LanguagePicker({ value, onChange, locales = availableLocales, testId = 'language' }: LanguagePickerProps) {
  const t = useT();
  // A stored choice this build lacks reads as automatic (resolveLocale), and is shown so.
  const shown = value !== 'auto' && locales.some((entry) => entry.id === value) ? value : 'auto';
  return (
    <select value={shown} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)} data-testid={testId}>
      <option value="auto">{t('languageAuto')}</option>
      {locales.map((entry) => (
        <option key={entry.id} value={entry.id} lang={entry.tag ?? localeTag(entry.id)}>
          {entry.name}
        </option>
      ))}
    </select>
  );
}
