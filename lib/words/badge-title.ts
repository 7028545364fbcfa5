import type { BadgeMeaning } from '../view/badge';
import { levelWords } from './level-words';
import { runLeadKey } from './pill-words';
import type { Translate } from './translate-from';

/**
 * The toolbar button's tooltip, explaining the badge beside it in the reader's language:
 * "Reserve Radar: Binance, grade C, Caution · incomplete" for "C?", the imitated exchange for "!".
 */
export function badgeTitleText(meaning: BadgeMeaning, t: Translate): string {
  switch (meaning.kind) {
    case 'lookalike':
      return t('actionTitle', t('lookalikeTitle', meaning.imitates));
    case 'run-alert':
      return t('actionTitle', t(runLeadKey(meaning.cause), meaning.exchange));
    case 'verdict': {
      const level = levelWords(meaning, t);
      return meaning.grade === undefined ? t('actionTitleLevel', [meaning.exchange, level]) : t('actionTitleGraded', [meaning.exchange, meaning.grade, level]);
    }
  }
}
