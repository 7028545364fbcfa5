import type { MessageKey } from './translate-from';

/**
 * The words the collapsed pill shows. The background sends them with its answer, so the
 * exchange page's first paint does not wait on the browser loading the whole messages file
 * into the page (a blocking call); the card's words load on expand.
 */
export const PILL_WORDS: readonly MessageKey[] = ['pillLabel', 'pillHint', 'pillWarnings', 'close', 'level_ok', 'level_caution', 'level_danger', 'level_unknown', 'levelIncomplete', 'runPillLead'];
