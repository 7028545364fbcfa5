import type { MessageKey, Translate } from './translate-from';

/**
 * The messages of one phrase that changes with a count, one per CLDR plural category the phrase
 * meets in our languages. Every locale file holds every key (the browser's messages have no
 * plural forms), each in its own language's words for that category: French takes "one" for 0
 * and 1 ("0 étape"), English for 1 alone. A category without its own message (French "many",
 * for a million and more) is said with `other`.
 */
export type PluralMessages = Partial<Record<Intl.LDMLPluralRule, MessageKey>> & { other: MessageKey };

/**
 * The CLDR plural category of `count` in `locale` (a BCP 47 tag); "other" where the tag is none Intl
 * has rules for. A well-formed tag of no known language ("Deutsch", "xx") would otherwise take the
 * runtime's default language, so it is looked up first.
 */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  try {
    return Intl.PluralRules.supportedLocalesOf(locale).length > 0 ? new Intl.PluralRules(locale).select(count) : 'other';
  } catch {
    // An empty or malformed tag: the words still come out, in their "other" form.
    return 'other';
  }
}

/** The message for `count`, by the plural rules of the reader's language. */
export function pluralText(count: number, messages: PluralMessages, t: Translate, locale: string, substitutions?: string | string[]): string {
  return t(messages[pluralCategory(count, locale)] ?? messages.other, substitutions);
}
