import { LanguageSchema, type Language } from '../lib/settings';

export interface LanguageChoice {
  value: Exclude<Language, 'auto'>;
  /** BCP 47 tag, for the option's `lang` attribute and for Intl. */
  tag: string;
  /** The language's name in itself ("Svenska"), so readers find their own whatever the page's language. */
  name: string;
}

/** Every language the settings accept, in the order the settings list them. */
export function languageChoices(): LanguageChoice[] {
  return LanguageSchema.options
    .filter((value): value is Exclude<Language, 'auto'> => value !== 'auto')
    .map((value) => {
      const tag = value.replace('_', '-');
      return { value, tag, name: ownName(tag) };
    });
}

function ownName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    if (name !== undefined && name !== tag) return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    // An engine without the name: the tag itself still tells a reader which language it is.
  }
  return tag;
}
