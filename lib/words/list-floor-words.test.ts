import { describe, expect, test } from 'vitest';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { signWarningList } from '../community/sign-warning-list';
import { checkSubscription, createSubscription, replaceSigner, type WarningSubscription } from '../community/subscription';
import type { WarningList } from '../community/warning-list';
import { localeMessages } from '../../utils/locale-files.testkit';
import { translateFrom } from './translate-from';
import { subscriptionLine, warningListFailureText } from './warning-list-words';

/**
 * A list older than the floor is refused after the maintainer's key changed, or after an unsubscribe
 * and a new subscribe: the floor is the newest number accepted from the list's address, and the user
 * holds no list then. The refusal says where the number came from, never that the user has a list.
 */
const LOCALES = ['en', 'es', 'pt_BR', 'fr', 'de', 'sv', 'tr', 'zh_CN'] as const;
const TAG: Record<(typeof LOCALES)[number], string> = { en: 'en', es: 'es', pt_BR: 'pt-BR', fr: 'fr', de: 'de', sv: 'sv', tr: 'tr', zh_CN: 'zh-CN' };
/** "From this address", in each language's sentence. */
const FROM_ADDRESS: Record<(typeof LOCALES)[number], string> = {
  en: 'from this address',
  es: 'desde esta dirección',
  pt_BR: 'deste endereço',
  fr: 'depuis cette adresse',
  de: 'von dieser Adresse',
  sv: 'från den här adressen',
  tr: 'bu adresten',
  zh_CN: '从此地址',
};
/** Words that say the user holds a list ("the one you already have", "yours"). */
const YOURS: Record<(typeof LOCALES)[number], RegExp> = {
  en: /you already have|yours/i,
  es: /ya tienes|la tuya/i,
  pt_BR: /você já tem|a sua/i,
  fr: /vous avez déjà|la vôtre/i,
  de: /Sie schon haben|Ihre hat/,
  sv: /du redan har|din har/i,
  tr: /elinizde|sizinki/i,
  zh_CN: /您已有/,
};

const oldKey = generatePrivateKey();
const newKey = generatePrivateKey();
const list = (sequence: number, title = 'Withdrawals paused'): WarningList => ({
  name: 'Test list',
  sequence,
  issued: '2026-11-20T00:00:00Z',
  expires: '2026-12-20T00:00:00Z',
  entries: [{ exchange: 'binance', severity: 'caution', title, body: 'Body.', sources: ['https://example.org/'], published: '2026-11-20T00:00:00Z', expires: '2026-12-20T00:00:00Z' }],
});
const body = async (content: WarningList, privateKey: `0x${string}`) => JSON.stringify((await signWarningList({ list: content, privateKey })).envelope);
const at = (hour: number) => new Date(`2026-11-25T${String(hour).padStart(2, '0')}:00:00Z`);

/** The options page's line under the subscription, and the refusal's own sentence, in the locale. */
function words(state: WarningSubscription, locale: (typeof LOCALES)[number]): { line: string; refusal: string } {
  const t = translateFrom(localeMessages(locale));
  const failure = state.lastError?.failure;
  if (failure === undefined) throw new Error('not refused');
  return { line: subscriptionLine({ state, now: at(17), locale: TAG[locale] }, t), refusal: warningListFailureText(failure, t, TAG[locale]) };
}

/** Subscribed under the old key, list 5 accepted, then moved to the new key: the floor is 5, no list is held. */
async function movedToNewKey(): Promise<WarningSubscription> {
  const created = createSubscription({ url: 'https://lists.example.org/w.json', expectedSigner: privateKeyToAccount(oldKey).address });
  if (!created.ok) throw new Error(created.code);
  const held = await checkSubscription({ state: created.subscription, fetched: { ok: true, body: await body(list(5), oldKey) }, now: at(10) });
  expect(held.lastGood?.sequence).toBe(5);
  const moved = replaceSigner({ state: held, expectedSigner: privateKeyToAccount(newKey).address });
  expect(moved.lastGood).toBeUndefined();
  return moved;
}

describe('a list refused against the floor after a signer change, when the user holds no list', () => {
  test.each(LOCALES)('%s: an older list: says the newer number was accepted from this address, not that the user has it', async (locale) => {
    const refused = await checkSubscription({ state: await movedToNewKey(), fetched: { ok: true, body: await body(list(4), newKey) }, now: at(16) });
    expect(refused.lastError?.failure).toMatchObject({ code: 'rollback', sequence: 4, held: 5 });
    const { line, refusal } = words(refused, locale);
    expect(refusal).toMatch(/4\D[\s\S]*5|5\D[\s\S]*4/);
    expect(refusal).toContain(FROM_ADDRESS[locale]);
    expect(line).not.toMatch(YOURS[locale]);
  });

  test.each(LOCALES)('%s: a changed list under the same number: says the number was accepted from this address, not that the user has it', async (locale) => {
    const refused = await checkSubscription({ state: await movedToNewKey(), fetched: { ok: true, body: await body(list(5, 'Changed'), newKey) }, now: at(16) });
    expect(refused.lastError?.failure).toMatchObject({ code: 'rollback', sequence: 5, held: 5 });
    const { line, refusal } = words(refused, locale);
    expect(refusal).toContain('5');
    expect(refusal).toContain(FROM_ADDRESS[locale]);
    expect(line).not.toMatch(YOURS[locale]);
  });
});
