/**
 * The languages Reserve Radar speaks. Adding one is adding `public/_locales/<id>/messages.json`
 * (every key of the English file) and one line here; the build offers only the languages whose
 * file it finds (wxt.config.ts), so a line may come before its file.
 */
export interface LocaleEntry {
  /** The `_locales` folder name, as Chrome spells its locales: `en`, `pt_BR`, `zh_CN`. */
  id: string;
  /** The language's name in that language, as the pickers show it. */
  name: string;
  /** The BCP 47 tag for `lang` and Intl, where it is not the id's own (`pt_BR` → `pt-BR`). */
  tag?: string;
}

export const LOCALES = [
  { id: 'en', name: 'English' },
  { id: 'sv', name: 'Svenska' },
  { id: 'es', name: 'Español' },
  { id: 'pt_BR', name: 'Português (Brasil)' },
  { id: 'tr', name: 'Türkçe' },
  { id: 'de', name: 'Deutsch' },
  { id: 'fr', name: 'Français' },
  { id: 'zh_CN', name: '简体中文' },
] as const satisfies readonly LocaleEntry[];

/** The manifest's `default_locale`: the words every other locale is translated from. */
export const DEFAULT_LOCALE = 'en';

/** A `_locales` folder name: a language, and a region where the words differ by region. */
export const LOCALE_ID_PATTERN = /^[a-z]{2,3}(?:_[A-Z]{2})?$/;

/** `pt_BR` → `pt-BR`: the BCP 47 tag for `lang` attributes and Intl. */
export function localeTag(id: string): string {
  return id.replace('_', '-');
}

function baseLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
}

export interface ResolveLocaleParameters {
  /** The user's setting: `auto` or a locale id. */
  language: string;
  /** The browser's UI language (`i18n.getUILanguage()`): `en-US`, `pt-BR`, `de-AT`, `zh-CN`. */
  uiLanguage: string;
  /** The locales this build has words for (never empty: the default one is always there). */
  available: readonly LocaleEntry[];
}

export interface ResolveLocaleReturnType {
  /** The locale whose words are shown. */
  id: string;
  /**
   * For `lang` and Intl: the browser's own tag when it is the same language (so `de-AT` keeps its
   * dates and numbers under German words), else the words' own tag.
   */
  tag: string;
}

/**
 * Which words to show. A chosen language this build has is used as it is. `auto`, or a choice
 * this build lacks (a setting written by a newer version), follows the browser: its exact
 * locale (`pt-BR` → `pt_BR`), else its language (`de-AT` → `de`), else the same language in
 * another region (`pt-PT` → `pt_BR`, `zh-TW` → `zh_CN`: the same language read in another
 * region's spelling beats English), else English.
 */
export function resolveLocale({ language, uiLanguage, available }: ResolveLocaleParameters): ResolveLocaleReturnType {
  const ids = available.map((entry) => entry.id);
  const chosen = language !== 'auto' && ids.includes(language) ? language : bestMatch(uiLanguage, ids);
  const entry = available.find((candidate) => candidate.id === chosen);
  return { id: chosen, tag: entry?.tag ?? (sameLocaleFamily(uiLanguage, chosen) ? uiLanguage : localeTag(chosen)) };
}

function bestMatch(uiLanguage: string, ids: readonly string[]): string {
  const direct = exactOrLanguage(uiLanguage, ids);
  if (direct !== undefined) return direct;
  const sameLanguage = ids.find((id) => baseLanguage(id) === baseLanguage(uiLanguage));
  if (sameLanguage !== undefined) return sameLanguage;
  return ids.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : (ids[0] ?? DEFAULT_LOCALE);
}

/** `pt-BR` → `pt_BR` when there is one, else `pt` when there is one. */
function exactOrLanguage(uiLanguage: string, ids: readonly string[]): string | undefined {
  const [language = '', region = ''] = uiLanguage.split(/[-_]/);
  const exact = `${language.toLowerCase()}_${region.toUpperCase()}`;
  if (region !== '' && ids.includes(exact)) return exact;
  return ids.includes(language.toLowerCase()) ? language.toLowerCase() : undefined;
}

/** `de-AT` under `de` words: yes; `pt-PT` under `pt_BR` words: no (the words are Brazil's). */
function sameLocaleFamily(uiLanguage: string, id: string): boolean {
  if (!isWellFormedTag(uiLanguage) || baseLanguage(uiLanguage) !== baseLanguage(id)) return false;
  const region = id.split('_')[1];
  return (
    region === undefined ||
    uiLanguage
      .split(/[-_]/)
      .slice(1)
      .some((part) => part.toUpperCase() === region)
  );
}

/** A well-formed Unicode BCP 47 locale identifier (what `Intl` accepts; UTS #35, not every BCP 47 tag). */
export function isWellFormedTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * The locale the browser's own `i18n.getMessage` reads for this UI language, by the rule Chrome
 * documents: the exact locale, then the language alone, then `default_locale`. Where it equals
 * `resolveLocale`'s answer, the browser's lookup gives the same words without loading a file.
 */
export function browserLocale(uiLanguage: string, available: readonly LocaleEntry[]): string {
  return (
    exactOrLanguage(
      uiLanguage,
      available.map((entry) => entry.id),
    ) ?? DEFAULT_LOCALE
  );
}
