import messages from '../../../public/_locales/en/messages.json';
import { translateFrom, type I18n } from '../../../lib/words/translate-from';

/**
 * The command line speaks English from the same messages file the extension reads, so a
 * sentence is written once: lib/ returns codes and figures, and `english.t` words them.
 */
export const english: I18n = { t: translateFrom(messages), locale: 'en' };
