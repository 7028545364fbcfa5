import { expect, test } from 'vitest';
import type { RiskReason } from '../risk/reason';
import { reasonText } from './reason-text';
import { translateFrom } from './translate-from';
import { localeMessages } from '../../utils/locale-files.testkit';

// "strength 0 of 4" alone does not say what is strong: each language names it as the strength of the proof.

const now = new Date('2026-12-04T12:00:00Z');
const messages = (folder: string) => localeMessages(folder);
const none: RiskReason = { metric: 'por.method', code: 'por.method', value: 'none', threshold: 2, thresholdId: 'por.method.caution', effect: 'caution', params: { strength: 0 } };

test.each([
  ['en', 'en', 'proof strength 0 of 4; below 2 is a warning sign'],
  ['de', 'de', 'Beweiskraft 0 von 4'],
  ['es', 'es', 'fuerza probatoria 0 de 4'],
  ['fr', 'fr', 'force probante 0 sur 4'],
  ['pt_BR', 'pt-BR', 'força probatória 0 de 4'],
  ['sv', 'sv', 'bevisstyrka 0 av 4'],
  ['tr', 'tr', 'kanıt gücü 0/4'],
  ['zh_CN', 'zh-CN', '证明力度 0/4'],
])('%s: the strength is named as the proof’s', (folder, locale, words) => {
  expect(reasonText(none, translateFrom(messages(folder)), locale, now)).toContain(words);
});
