import type { PillFace } from '../view/first-paint-view';
import type { RunCause } from '../view/run-alert-view';
import { levelWords } from './level-words';
import { pluralText } from './plural';
import type { MessageKey, Translate } from './translate-from';

/**
 * The words the collapsed pill shows. The background sends them with its answer, so the
 * exchange page's first paint does not wait on the browser loading the whole messages file
 * into the page (a blocking call); the card's words load on expand.
 */
export const PILL_WORDS: readonly MessageKey[] = [
  'pillLabel',
  'pillLabelNoGrade',
  'pillLabelAnd',
  'pillHint',
  'pillWarnings',
  'pillWarningsOne',
  'pluralRulesTag',
  'close',
  'level_ok',
  'level_caution',
  'level_danger',
  'level_unknown',
  'levelIncomplete',
  'runPillLead',
  'runPillLeadList',
];

/** The run alert's lead, by what raised it: measured outflow, or only a warning list. */
export function runLeadKey(cause: RunCause): 'runPillLead' | 'runPillLeadList' {
  return cause === 'warning-list' ? 'runPillLeadList' : 'runPillLead';
}

/**
 * The pill button's accessible name: every fact the pill shows, in words, because the name
 * replaces the button's content (the "⚠ 1" and its title included). The exchange, its grade (or
 * that it has none: the pill's "?" said in words), the level, the run alert that turns it red,
 * and the community warning count. It does not say "open details": the button is a disclosure
 * (WAI-ARIA APG), whose `aria-expanded` says whether the card is open, so the name stays the same
 * open or closed.
 */
export function pillName(face: Pick<PillFace, 'name' | 'level' | 'grade' | 'incomplete' | 'warnings' | 'run'>, t: Translate): string {
  const status = levelWords(face, t);
  let name = face.grade === '?' ? t('pillLabelNoGrade', [face.name, status]) : t('pillLabel', [face.name, face.grade, status]);
  if (face.run !== undefined) name = t('pillLabelAnd', [name, t(runLeadKey(face.run), face.name)]);
  if (face.warnings > 0) name = t('pillLabelAnd', [name, pillWarningsText(face.warnings, t)]);
  return name;
}

/**
 * "1 community warning rated danger or caution": the pill's warning count in words (its title and its accessible name), naming
 * what it counts, as notes are not counted. The form follows the plural rules of the language the words are in, whose tag comes
 * with them (`pluralRulesTag`): the pill's first paint has only its own words, not the reader's locale.
 */
export function pillWarningsText(count: number, t: Translate): string {
  return pluralText(count, { one: 'pillWarningsOne', other: 'pillWarnings' }, t, t('pluralRulesTag'), String(count));
}
