import messages from '../../../public/_locales/en/messages.json';
import { translateFrom, type I18n } from '../../../lib/words/translate-from';
import { utcMoment } from '../shared/moment';

/**
 * The command line speaks English from the same messages file the extension reads, so a
 * sentence is written once: lib/ returns codes and figures, and `english.t` words them.
 * Moments are written in UTC (`utcMoment`), never in the clock of whichever machine runs the command.
 */
export const english: I18n & { moment: (iso: string) => string } = { t: translateFrom(messages), locale: 'en', moment: utcMoment };
