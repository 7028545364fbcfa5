import type { ComponentChildren } from 'preact';
import { notTranslatedLabel, textLanguage } from '../lib/words/text-language';
import { useLocale, useT } from '../utils/i18n';

/**
 * Free text no message can replace, shown as written and not translated: a machine translation
 * would be shown as if we had checked it. Our own data's notes (a collapsed exchange's history,
 * an incident, a note on a report or an address list) are English from the primary source they
 * cite; a warning list's name, titles and bodies are in its maintainer's language (`lang`, absent
 * when the list does not say). The text carries its `lang`, so screen readers read it in that
 * language and the reader's translation tools can offer to translate it; in another language
 * than the reader's it says so ("not translated, English"). Text of unknown language gets
 * `lang=""` and no note (docs/languages.md).
 */
export interface SourceWordsProps {
  text: string;
  /** The text's BCP 47 tag; absent for our own English data, '' when the language is not known. */
  lang?: string;
  strong?: boolean;
}

export function SourceWords({ text, lang, strong = false }: SourceWordsProps) {
  const t = useT();
  const locale = useLocale();
  const marked = textLanguage(lang ?? 'en', locale);
  const Tag = strong ? 'strong' : 'span';
  // Our English in an English page needs no mark; a list's text always says its language, or that it is unknown.
  const words = lang === undefined && !marked.foreign ? <Tag>{text}</Tag> : <Tag lang={marked.lang}>{text}</Tag>;
  if (!marked.foreign) return <span data-source-words="">{words}</span>;
  const label = notTranslatedLabel(marked.lang, t, locale);
  // No space after a full-width colon: it carries its own (Chinese type).
  return (
    <span class="source-words" data-source-words="">
      <span class="source-words__label">{label}</span>
      {label.endsWith('：') ? '' : ' '}
      {words}
    </span>
  );
}

const SLOTS = ['\uE000', '\uE001', '\uE002'];

/**
 * A message whose placeholders are elements (a list's name marked with its language): worded with
 * private-use stand-ins, then cut at them, so the translation still decides the order.
 */
export function Worded({ message, parts }: { message: (slots: string[]) => string; parts: readonly ComponentChildren[] }) {
  const pieces = message(SLOTS.slice(0, parts.length)).split(/([\uE000-\uE002])/);
  return <>{pieces.map((piece) => (SLOTS.includes(piece) ? parts[SLOTS.indexOf(piece)] : piece))}</>;
}

/** A warning list's own text inside a sentence of ours, marked with the list's language ('' when it does not say). */
export function ListText({ text, lang }: { text: string; lang: string | undefined }) {
  return <span lang={textLanguage(lang, useLocale()).lang}>{text}</span>;
}
