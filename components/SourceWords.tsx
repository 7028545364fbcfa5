import { useLocale, useT } from '../utils/i18n';

/**
 * Free text from our data that no message can replace: a collapsed exchange's history, an
 * incident, a note on a report or an address list. It is written in English from the primary
 * source it cites, and is not translated: a machine translation would be shown as if we had
 * checked it. In another language it says so ("not translated, English") and carries
 * `lang="en"`, so screen readers read it as English and the reader's own translation tools can
 * offer to translate it (docs/languages.md).
 */
export function SourceWords({ text }: { text: string }) {
  const t = useT();
  const locale = useLocale();
  if (locale.toLowerCase().startsWith('en')) return <span data-source-words="">{text}</span>;
  return (
    <span class="source-words" data-source-words="">
      <span class="source-words__label">{t('dataNotTranslated')}</span> <span lang="en">{text}</span>
    </span>
  );
}
