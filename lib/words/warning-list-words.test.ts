import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { signWarningList } from '../community/sign-warning-list';
import { SUBSCRIBE_FAILURE_CODES, checkSubscription, createSubscription, parseStoredSubscriptions, type SubscriptionFailure, type WarningSubscription } from '../community/subscription';
import type { WarningList } from '../community/warning-list';
import { formatCount, formatDateTime } from './format';
import { pluralText } from './plural';
import { translateFrom, type Messages } from './translate-from';
import { chineseSentenceProblems } from './chinese-sentences.testkit';
import { SUBSCRIBE_FAILURE_KEYS, listsNotCheckedText, subscribeFailureText, subscriptionLine, warningListFailureText } from './warning-list-words';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
const english = translateFrom(read('en'));

const key = generatePrivateKey();
const signer = privateKeyToAccount(key).address;
const now = new Date('2026-11-25T10:00:00Z');
const later = new Date('2026-11-25T16:00:00Z');
/** A time as the options page words it in English. */
const when = (date: Date | string) => formatDateTime(typeof date === 'string' ? date : date.toISOString(), 'en');
const timedOut = { reason: 'timeout', host: 'lists.example.org', timeoutMs: 15_000 } as const;

const list = (sequence: number, entries = 1): WarningList => ({
  name: 'Test list',
  sequence,
  issued: '2026-11-20T00:00:00Z',
  expires: '2026-12-20T00:00:00Z',
  entries: Array.from({ length: entries }, (_, i) => ({
    exchange: 'binance',
    severity: 'caution' as const,
    title: `Withdrawals paused ${i}`,
    body: 'Body.',
    sources: ['https://example.org/'],
    published: '2026-11-20T00:00:00Z',
    expires: '2026-12-20T00:00:00Z',
  })),
});

const body = async (warningList: WarningList) => JSON.stringify((await signWarningList({ list: warningList, privateKey: key })).envelope);

function fresh(): WarningSubscription {
  const created = createSubscription({ url: 'https://lists.example.org/warnings.json', expectedSigner: signer });
  if (!created.ok) throw new Error(created.code);
  return created.subscription;
}

/** One failure of every kind, with figures. */
const FAILURES: SubscriptionFailure[] = [
  { code: 'too-large', maxKib: 256 },
  { code: 'malformed', problem: 'not-json' },
  { code: 'malformed', problem: 'not-plain' },
  { code: 'malformed', problem: 'empty' },
  { code: 'malformed', problem: 'unreadable' },
  { code: 'malformed', problem: 'shape', where: 'warning 2 (wazirx), severity' },
  { code: 'bad-signature' },
  { code: 'bad-signature', stored: true },
  { code: 'wrong-signer', expected: '0xabc' },
  { code: 'wrong-signer', expected: '0xabc', got: '0xdef' },
  { code: 'not-yet-valid', issued: '2027-01-01T00:00:00Z' },
  { code: 'expired', expires: '2026-11-01T00:00:00Z' },
  { code: 'rollback', sequence: 4, held: 5 },
  { code: 'rollback', sequence: 5, held: 5 },
  { code: 'unreachable', reason: 'http', host: 'lists.example.org', status: 503 },
  { code: 'unreachable', reason: 'timeout', host: 'lists.example.org', timeoutMs: 15_000 },
  { code: 'unchecked', why: 'no answer' },
];

describe('warning list words', () => {
  test('every refusal, subscribe failure and subscription line has its sentence in every locale, figures filled in', async () => {
    const good = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(list(5, 2)) }, now });
    const failing = await checkSubscription({ state: good, fetched: { ok: false, failure: { reason: 'http', host: 'lists.example.org', status: 503 } }, now: later });
    expect(locales).toHaveLength(8);
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const texts = new Set<string>();
      for (const failure of FAILURES) {
        const text = warningListFailureText(failure, t, locale.replace('_', '-'));
        expect(text, `${locale}:${failure.code}`).not.toMatch(/^$|\$\d/);
        for (const [name, figure] of Object.entries(failure))
          if (!['code', 'problem', 'stored', 'reason', 'timeoutMs', 'issued', 'expires', 'where', 'why'].includes(name)) expect(text, `${locale}:${failure.code}`).toContain(String(figure));
        texts.add(text);
      }
      // Each kind reads differently (the same code with other figures is another sentence).
      expect(texts.size, locale).toBe(FAILURES.length);
      for (const code of SUBSCRIBE_FAILURE_CODES) expect(subscribeFailureText(code, t), `${locale}:${code}`).not.toMatch(/^$|\$\d/);
      for (const [state, at] of [
        [fresh(), now],
        [good, now],
        [failing, later],
        [failing, new Date('2026-12-21T00:00:00Z')],
      ] as const) {
        expect(subscriptionLine({ state, now: at, locale: locale.replace('_', '-') }, t), locale).not.toMatch(/^$|\$\d/);
      }
    }
    expect(Object.keys(SUBSCRIBE_FAILURE_KEYS).sort()).toEqual([...SUBSCRIBE_FAILURE_CODES].sort());
  });

  test('the English line under a subscription, as the options page shows it', async () => {
    expect(subscriptionLine({ state: fresh(), now, locale: 'en' }, english)).toBe('Not checked yet.');
    const good = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(list(5)) }, now });
    expect(subscriptionLine({ state: good, now, locale: 'en' }, english)).toBe(`Using “Test list” number 5 (1 warning), verified ${when(now)}. Last checked ${when(now)}.`);
    const two = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(list(6, 2)) }, now });
    expect(subscriptionLine({ state: two, now, locale: 'en' }, english)).toMatch(/number 6 \(2 warnings\)/);
    const failing = await checkSubscription({ state: good, fetched: { ok: false, failure: timedOut }, now: later });
    expect(subscriptionLine({ state: failing, now: later, locale: 'en' }, english)).toBe(
      `Latest check (${when(later)}) failed: The list could not be fetched: lists.example.org did not answer within 15 seconds. Using “Test list” number 5 (1 warning), verified ${when(now)}.`,
    );
    expect(subscriptionLine({ state: failing, now: new Date('2026-12-21T00:00:00Z'), locale: 'en' }, english)).toBe(
      `The list expired on ${when('2026-12-20T00:00:00Z')}, so its warnings are no longer shown. Latest check failed: The list could not be fetched: lists.example.org did not answer within 15 seconds.`,
    );
    const neverGood = await checkSubscription({ state: fresh(), fetched: { ok: true, body: '{}' }, now });
    expect(subscriptionLine({ state: neverGood, now, locale: 'en' }, english)).toMatch(/^Latest check .* failed: The list is malformed\. No copy of this list has passed the signature check yet\.$/);
  });

  test('a list address with nothing there is said so, with the advice to check the address the user typed; not as a refusal', async () => {
    const missing = await checkSubscription({ state: fresh(), fetched: { ok: false, failure: { reason: 'http', host: 'lists.example.org', status: 404 } }, now });
    expect(subscriptionLine({ state: missing, now, locale: 'en' }, english)).toBe(
      `Latest check (${when(now)}) failed: The list could not be fetched: lists.example.org has nothing at this address (HTTP 404); check that the address is right. No copy of this list has passed the signature check yet.`,
    );
  });

  test('after a failed check the line ends that sentence with a full stop before the list in use, and ends the expired line with one', async () => {
    const good = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(list(5)) }, now });
    const ends = /[.!?\u3002\uff01\uff1f][”»"]?$/u;
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const tag = locale.replace('_', '-');
      const using = t('listsStateUsing', [
        'Test list',
        '5',
        pluralText(1, { one: 'listsStateOneWarning', other: 'listsStateWarnings' }, t, tag, formatCount(1, tag)),
        formatDateTime(now.toISOString(), tag),
      ]);
      for (const failure of FAILURES) {
        const failing = await checkSubscription({ state: good, fetched: { ok: false, failure: timedOut }, now: later });
        const state = { ...failing, lastError: { code: failure.code, failure, at: later.toISOString() } };
        const line = subscriptionLine({ state, now: later, locale: tag }, t);
        const at = line.indexOf(using);
        expect(at, `${locale}:${failure.code} ${line}`).toBeGreaterThan(0);
        expect(line.slice(0, at).trimEnd(), `${locale}:${failure.code}`).toMatch(ends);
        const expired = subscriptionLine({ state, now: new Date('2026-12-21T00:00:00Z'), locale: tag }, t);
        expect(expired, `${locale}:${failure.code}`).toMatch(ends);
      }
    }
    const failing = await checkSubscription({ state: good, fetched: { ok: false, failure: timedOut }, now: later });
    expect(subscriptionLine({ state: failing, now: later, locale: 'en' }, english)).toContain('within 15 seconds. Using “Test list”');
  });

  test('counts take the form of the reader’s plural rules: French says 0 and 1 in the singular, English 1 alone', async () => {
    const french = translateFrom(read('fr'));
    expect(listsNotCheckedText(0, french, 'fr')).toMatch(/^0 liste d'alertes n'est pas vérifiée/);
    expect(listsNotCheckedText(1, french, 'fr')).toMatch(/^1 liste d'alertes n'est pas vérifiée/);
    expect(listsNotCheckedText(2, french, 'fr')).toMatch(/^2 listes d'alertes ne sont pas vérifiées/);
    expect(listsNotCheckedText(1, english, 'en')).toMatch(/^1 warning list is not being checked/);
    expect(listsNotCheckedText(1234, english, 'en')).toMatch(/^1,234 warning lists are not being checked/);
    const empty = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(list(5, 0)) }, now });
    expect(subscriptionLine({ state: empty, now, locale: 'fr' }, french)).toContain('(0 avertissement)');
    expect(subscriptionLine({ state: empty, now, locale: 'en' }, english)).toContain('(0 warnings)');
  });

  test('in Chinese the line’s sentences join with no space after a full-width mark', async () => {
    const chinese = translateFrom(read('zh_CN'));
    const good = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(list(5)) }, now });
    const failing = await checkSubscription({ state: good, fetched: { ok: false, failure: timedOut }, now: later });
    const neverGood = await checkSubscription({ state: fresh(), fetched: { ok: true, body: '{}' }, now });
    for (const [state, at] of [
      [good, now],
      [failing, later],
      [failing, new Date('2026-12-21T00:00:00Z')],
      [neverGood, now],
    ] as const) {
      const line = subscriptionLine({ state, now: at, locale: 'zh-CN' }, chinese);
      expect(chineseSentenceProblems(line), line).toEqual([]);
    }
  });

  test('check times are worded in the chosen language, never as stored ISO text', async () => {
    const german = translateFrom(read('de'));
    const good = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(list(5)) }, now });
    const failing = await checkSubscription({ state: good, fetched: { ok: false, failure: timedOut }, now: later });
    const line = subscriptionLine({ state: failing, now: later, locale: 'de' }, german);
    expect(line).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(line).toContain(`(${formatDateTime(later.toISOString(), 'de')})`);
    expect(line).toContain(formatDateTime(now.toISOString(), 'de'));
    const expired = subscriptionLine({ state: failing, now: new Date('2026-12-21T00:00:00Z'), locale: 'de' }, german);
    expect(expired).toContain(formatDateTime('2026-12-20T00:00:00Z', 'de'));
    expect(expired).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  test('a stored failure reads back with its figures; one without figures is worded by its code, never showing it', async () => {
    const good = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(list(5)) }, now });
    const failing = await checkSubscription({ state: good, fetched: { ok: false, failure: timedOut }, now: later });
    const [back] = await parseStoredSubscriptions(JSON.parse(JSON.stringify([failing])));
    expect(back?.lastError).toEqual(failing.lastError);
    const [bare] = await parseStoredSubscriptions([{ ...failing, lastError: { code: 'unreachable', reason: 'could not reach lists.example.org', at: later.toISOString() } }]);
    expect(bare?.lastError).toEqual({ code: 'unreachable', at: later.toISOString() });
    expect(subscriptionLine({ state: bare!, now: later, locale: 'en' }, english)).toMatch(/failed: The check failed\. Using/);
    // A code whose sentence needs no figure takes that sentence; the others the plain one. The code itself is no word.
    const [unsigned] = await parseStoredSubscriptions([{ ...failing, lastError: { code: 'bad-signature', at: later.toISOString() } }]);
    expect(subscriptionLine({ state: unsigned!, now: later, locale: 'en' }, english)).toContain(`failed: ${english('listsFailBadSignature')}`);
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      for (const code of ['unreachable', 'rollback', 'wrong-signer', 'too-large', 'expired', 'not-yet-valid', 'malformed', 'bad-signature', 'unchecked', 'made-up-code']) {
        const [stored] = await parseStoredSubscriptions([{ ...failing, lastError: { code, at: later.toISOString() } }]);
        expect(subscriptionLine({ state: stored!, now: later, locale: locale.replace('_', '-') }, t), `${locale} ${code}`).not.toMatch(new RegExp(`\\b${code}\\b|\\$\\d`));
      }
    }
    const [forged] = await parseStoredSubscriptions([{ ...failing, lastError: { code: 'unreachable', failure: { code: 'expired', expires: 'x' }, at: later.toISOString() } }]);
    expect(forged?.lastError).toEqual({ code: 'unreachable', at: later.toISOString() });
  });

  test('lib/community words nothing a user reads: its refusals are codes and figures', () => {
    const sentence = /(reason|message|shortMessage):\s*(['"`])[A-Z][^'"`]*\s[^'"`]*\2/;
    for (const file of ['verify-warning-list.ts', 'subscription.ts']) {
      const source = readFileSync(join(root, 'lib/community', file), 'utf8');
      expect(source, file).not.toMatch(sentence);
      expect(source, file).not.toMatch(/reject\(\s*'[a-z-]+',\s*['`]/);
    }
  });
});
