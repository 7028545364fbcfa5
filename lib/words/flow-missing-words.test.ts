import { describe, expect, test } from 'vitest';
import { localeMessages } from '../../utils/locale-files.testkit';

// Each language's word for the figure itself: the reason says the figure is missing, not that nothing flowed out
// (Swedish "Inget nettoflöde" read as "there was no net flow", which sounds calm).
const FIGURE: Record<string, string> = { de: 'zahl', en: 'figure', es: 'cifra', fr: 'chiffre', pt_BR: 'número', sv: 'siffra', tr: 'rakam', zh_CN: '数据' };

describe('the missing net-flow reasons say the figure is missing', () => {
  for (const [locale, word] of Object.entries(FIGURE)) {
    test(locale, () => {
      const messages = localeMessages(locale);
      for (const key of ['reason_flowMissing_7d', 'reason_flowMissing_30d']) expect(messages[key]?.message.toLowerCase(), key).toContain(word);
    });
  }
});
