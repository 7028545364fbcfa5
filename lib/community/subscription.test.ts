import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { signWarningList } from './sign-warning-list';
import {
  applyFetchResult,
  checkSubscription,
  createSubscription,
  subscriptionHealth,
  goodLists,
  needsCheckAgain,
  parseStoredSubscriptions,
  replaceSigner,
  type WarningListFetchResult,
  type WarningSubscription,
} from './subscription';
import { hashWarningList, type WarningList } from './warning-list';

const key = generatePrivateKey();
const signer = privateKeyToAccount(key).address;
const now = new Date('2026-11-25T10:00:00Z');
const later = new Date('2026-11-25T16:00:00Z');

function sampleList(sequence: number, title = 'Withdrawals paused'): WarningList {
  return {
    name: 'Test list',
    sequence,
    issued: '2026-11-20T00:00:00Z',
    expires: '2026-12-20T00:00:00Z',
    entries: [
      {
        exchange: 'binance',
        severity: 'caution',
        title,
        body: 'Body.',
        sources: ['https://example.org/'],
        published: '2026-11-20T00:00:00Z',
        expires: '2026-12-20T00:00:00Z',
      },
    ],
  };
}

async function body(list: WarningList, privateKey = key): Promise<string> {
  return JSON.stringify((await signWarningList({ list, privateKey })).envelope);
}

function fresh(): WarningSubscription {
  const created = createSubscription({ url: 'https://lists.example.org/warnings.json', expectedSigner: signer.toLowerCase() });
  if (!created.ok) throw new Error(created.code);
  return created.subscription;
}

describe('createSubscription', () => {
  it('accepts an https URL and an address, and stores the checksummed address', () => {
    expect(fresh()).toEqual({ url: 'https://lists.example.org/warnings.json', expectedSigner: signer, lastCheck: null });
  });

  it('drops a fragment: the browser never sends it, so the same list is not a new one', () => {
    for (const url of ['https://lists.example.org/warnings.json#again', 'https://lists.example.org/warnings.json#'])
      expect(createSubscription({ url, expectedSigner: signer })).toEqual({ ok: true, subscription: { url: 'https://lists.example.org/warnings.json', expectedSigner: signer, lastCheck: null } });
  });

  it('refuses non-https URLs, credentials in the URL, long URLs, non-addresses and bad checksums, each with its code', () => {
    const cases: [string, string, string][] = [
      ['http://lists.example.org/w.json', signer, 'not-https'],
      ['not a url', signer, 'not-a-url'],
      ['https://user:pw@lists.example.org/w.json', signer, 'credentials'],
      [`https://lists.example.org/${'w'.repeat(3000)}.json`, signer, 'url-too-long'],
      ['https://lists.example.org/w.json', '0x1234', 'signer-not-address'],
      ['https://lists.example.org/w.json', '0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266', 'signer-checksum'],
    ];
    for (const [url, expectedSigner, code] of cases) {
      expect(createSubscription({ url, expectedSigner })).toEqual({ ok: false, code });
    }
  });
});

describe('checkSubscription / applyFetchResult', () => {
  it('takes a verified list as lastGood, then keeps it through every kind of failure', async () => {
    let state = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(sampleList(5)) }, now });
    expect(state.lastGood).toMatchObject({ sequence: 5, signer, verifiedAt: now.toISOString() });
    expect(state.lastError).toBeUndefined();
    const good = state.lastGood;

    const failures: [CheckFetched, string][] = [
      [{ ok: false, failure: { reason: 'http', host: 'lists.example.org', status: 503 } }, 'unreachable'],
      [{ ok: true, body: '<html>' }, 'malformed'],
      [{ ok: true, body: await body(sampleList(6), generatePrivateKey()) }, 'wrong-signer'],
      [{ ok: true, body: await body(sampleList(4)) }, 'rollback'],
      [{ ok: true, body: await body(sampleList(5, 'Changed without a new number')) }, 'rollback'],
    ];
    for (const [fetched, code] of failures) {
      state = await checkSubscription({ state, fetched, now: later });
      expect(state.lastGood).toEqual(good);
      expect(state.lastError).toMatchObject({ code, at: later.toISOString() });
      expect(state.lastCheck).toBe(later.toISOString());
    }

    state = await checkSubscription({ state, fetched: { ok: true, body: await body(sampleList(6, 'Resumed')) }, now: later });
    expect(state.lastGood).toMatchObject({ sequence: 6, list: { entries: [{ title: 'Resumed' }] } });
    expect(state).not.toHaveProperty('lastError');
  });

  it('keeps the original verifiedAt when the same list comes back', async () => {
    const list = await body(sampleList(5));
    const first = await checkSubscription({ state: fresh(), fetched: { ok: true, body: list }, now });
    const second = await checkSubscription({ state: first, fetched: { ok: true, body: list }, now: later });
    expect(second.lastGood).toEqual(first.lastGood);
    expect(second.lastCheck).toBe(later.toISOString());
  });

  it('refuses a result verified against another signer', async () => {
    const otherKey = generatePrivateKey();
    const other = privateKeyToAccount(otherKey).address;
    const { envelope, hash } = await signWarningList({ list: sampleList(9), privateKey: otherKey });
    const result: WarningListFetchResult = { ok: true, list: envelope.list, signer: other, hash, signature: envelope.signature, unchanged: false };
    const state = applyFetchResult({ state: fresh(), result, now });
    expect(state.lastGood).toBeUndefined();
    expect(state.lastError).toMatchObject({ code: 'wrong-signer' });
  });

  it('keeps lastGood through any sequence of failures (property)', async () => {
    const start = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(sampleList(5)) }, now });
    const failure = fc.constantFrom<WarningListFetchResult>(
      { ok: false, code: 'too-large', failure: { code: 'too-large', maxKib: 256 } },
      { ok: false, code: 'malformed', failure: { code: 'malformed', problem: 'not-json' } },
      { ok: false, code: 'bad-signature', failure: { code: 'bad-signature' } },
      { ok: false, code: 'wrong-signer', failure: { code: 'wrong-signer', expected: signer, got: '0x0000000000000000000000000000000000000001' } },
      { ok: false, code: 'expired', failure: { code: 'expired', expires: '2026-11-01T00:00:00Z' } },
      { ok: false, code: 'rollback', failure: { code: 'rollback', sequence: 4, held: 5 } },
      { ok: false, code: 'not-yet-valid', failure: { code: 'not-yet-valid', issued: '2027-01-01T00:00:00Z' } },
      { ok: false, code: 'unreachable', failure: { code: 'unreachable', reason: 'http', host: 'lists.example.org', status: 503 } },
    );
    fc.assert(
      fc.property(fc.array(failure, { minLength: 1, maxLength: 10 }), (results) => {
        const end = results.reduce((state, result) => applyFetchResult({ state, result, now: later }), start);
        expect(end.lastGood).toEqual(start.lastGood);
        expect(end.lastError?.code).toBe(results.at(-1)!.ok ? undefined : (results.at(-1) as { code: string }).code);
        expect(JSON.parse(JSON.stringify(end))).toEqual(end);
      }),
    );
  });
});

type CheckFetched = Parameters<typeof checkSubscription>[0]['fetched'];

describe("the maintainer's new key (replaceSigner)", () => {
  const newKey = generatePrivateKey();
  const newSigner = privateKeyToAccount(newKey).address;

  it('keeps the newest number accepted as the floor: an older list signed by the new key is refused; the same list signed again, or a newer one, is taken', async () => {
    const held = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(sampleList(5)) }, now });
    const moved = replaceSigner({ state: held, expectedSigner: newSigner });
    expect(moved).toEqual({ url: held.url, expectedSigner: newSigner, lastCheck: null, floor: { sequence: 5, hash: held.lastGood?.hash } });

    for (const [list, code] of [
      [sampleList(4), 'rollback'],
      [sampleList(5, 'Changed without a new number'), 'rollback'],
    ] as const) {
      const refused = await checkSubscription({ state: moved, fetched: { ok: true, body: await body(list, newKey) }, now: later });
      expect(refused.lastGood).toBeUndefined();
      expect(refused.lastError).toMatchObject({ code, failure: { held: 5 } });
    }
    // The old key no longer speaks for this URL.
    expect((await checkSubscription({ state: moved, fetched: { ok: true, body: await body(sampleList(6)) }, now: later })).lastError?.code).toBe('wrong-signer');

    const same = await checkSubscription({ state: moved, fetched: { ok: true, body: await body(sampleList(5), newKey) }, now: later });
    expect(same.lastGood).toMatchObject({ sequence: 5, signer: newSigner });
    const newer = await checkSubscription({ state: same, fetched: { ok: true, body: await body(sampleList(6, 'Resumed'), newKey) }, now: later });
    expect(newer.lastGood).toMatchObject({ sequence: 6, signer: newSigner });
    expect(newer.floor).toEqual(moved.floor);
  });

  it('a key changed twice keeps the highest floor; a result slipped in below it is refused too', async () => {
    const held = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(sampleList(7)) }, now });
    const twice = replaceSigner({ state: replaceSigner({ state: held, expectedSigner: newSigner }), expectedSigner: signer });
    expect(twice.floor?.sequence).toBe(7);
    const { envelope, hash } = await signWarningList({ list: sampleList(3), privateKey: key });
    const slipped = applyFetchResult({ state: twice, result: { ok: true, list: envelope.list, signer, hash, signature: envelope.signature, unchanged: false }, now });
    expect(slipped.lastGood).toBeUndefined();
    expect(slipped.lastError).toMatchObject({ code: 'rollback', failure: { sequence: 3, held: 7 } });
  });

  it('the floor reads back from storage; one that does not is dropped and said in the log, and the subscription stays', async () => {
    const held = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(sampleList(5)) }, now });
    const moved = replaceSigner({ state: held, expectedSigner: newSigner });
    expect(await parseStoredSubscriptions(JSON.parse(JSON.stringify([moved])))).toEqual([moved]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const floor of [{ sequence: -1, hash: moved.floor?.hash }, { sequence: 5, hash: 'nope' }, 'five']) {
      expect(await parseStoredSubscriptions([{ ...moved, floor }])).toEqual([{ url: moved.url, expectedSigner: newSigner, lastCheck: null }]);
    }
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });
});

describe('goodLists and subscriptionHealth', () => {
  it('collects last good lists and says how each subscription stands', async () => {
    const never = fresh();
    expect(subscriptionHealth({ state: never, now })).toBe('never-checked');

    const good = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(sampleList(5)) }, now });
    expect(subscriptionHealth({ state: good, now })).toBe('ok');

    const failing = await checkSubscription({ state: good, fetched: { ok: false, failure: { reason: 'timeout', host: 'lists.example.org', timeoutMs: 15_000 } }, now: later });
    expect(failing.lastError).toEqual({ code: 'unreachable', failure: { code: 'unreachable', reason: 'timeout', host: 'lists.example.org', timeoutMs: 15_000 }, at: later.toISOString() });
    expect(subscriptionHealth({ state: failing, now: later })).toBe('failing');
    expect(subscriptionHealth({ state: failing, now: new Date('2026-12-21T00:00:00Z') })).toBe('expired');

    const neverGood = await checkSubscription({ state: fresh(), fetched: { ok: true, body: '{}' }, now });
    expect(subscriptionHealth({ state: neverGood, now })).toBe('failing');

    // Each with the host it was subscribed at: the attribution its signer cannot choose.
    expect(goodLists({ subscriptions: [never, good, failing, neverGood] }).map((held) => [held.list.sequence, held.host])).toEqual([
      [5, 'lists.example.org'],
      [5, 'lists.example.org'],
    ]);
    expect(goodLists({ subscriptions: [{ ...good, url: 'https://xn--rserve-radar-ggb.example:8443/list.json' }] })[0]?.host).toBe('xn--rserve-radar-ggb.example:8443');
  });
});

describe('needsCheckAgain', () => {
  it('is true for a list never verified, whose latest check failed or whose copy expired, false for one that is fine', async () => {
    const good = await checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(sampleList(5)) }, now });
    const failing = await checkSubscription({ state: good, fetched: { ok: false, failure: { reason: 'http', host: 'lists.example.org', status: 404 } }, now: later });
    const neverGood = await checkSubscription({ state: fresh(), fetched: { ok: true, body: '{}' }, now });
    expect([fresh(), neverGood, failing, good].map((state) => needsCheckAgain({ state, now }))).toEqual([true, true, true, false]);
    // Expired, with no failed check: the host may serve a new copy already.
    expect(needsCheckAgain({ state: good, now: new Date('2026-12-21T00:00:00Z') })).toBe(true);
  });
});

describe('parseStoredSubscriptions', () => {
  async function held(): Promise<WarningSubscription> {
    return checkSubscription({ state: fresh(), fetched: { ok: true, body: await body(sampleList(5)) }, now });
  }

  it('gives back what was stored when it is intact, through a JSON round trip', async () => {
    const state = await held();
    expect(state.lastGood).toBeDefined();
    expect(await parseStoredSubscriptions(JSON.parse(JSON.stringify([state])))).toEqual([state]);
  });

  it('drops what is not a subscription instead of throwing, and never shows warnings from it', async () => {
    const state = await held();
    for (const corrupt of [null, 42, 'x', {}, [null], [{ url: 5 }], [{ ...state, url: 'http://plain.example/list.json' }], [{ ...state, expectedSigner: 'nobody' }], [{ ...state, lastCheck: 7 }]]) {
      const parsed = await parseStoredSubscriptions(corrupt);
      expect(parsed).toEqual([]);
      expect(goodLists({ subscriptions: parsed })).toEqual([]);
    }
  });

  it('drops a stored URL that does not parse, says how many in the log, and keeps the others', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const state = await held();
    const other = { ...state, url: 'https://lists.example.org/other.json' };
    const stored = JSON.parse(JSON.stringify([{ ...state, url: 'https://exa mple.org/x.json' }, state, { ...state, url: 'https://a.example:99999/' }, other]));
    expect(await parseStoredSubscriptions(stored)).toEqual([state, other]);
    expect(warn).toHaveBeenCalledWith('[reserve-radar] warning lists: 2 stored subscriptions did not read back (a URL that is not an https address, say) and were dropped; the others are kept');
  });

  it('verifies a held list again: changed content, a foreign hash, another signer or no signature drop it, with a reason', async () => {
    const state = await held();
    const good = state.lastGood;
    if (good === undefined) throw new Error('no list held');
    const otherKey = generatePrivateKey();
    const foreign = (await signWarningList({ list: sampleList(5, 'Forged'), privateKey: otherKey })).envelope;
    const { signature: _dropped, ...unsigned } = good;
    for (const lastGood of [
      { ...good, list: sampleList(5, 'Changed in storage') },
      { ...good, list: sampleList(5, 'Changed in storage'), hash: hashOf(sampleList(5, 'Changed in storage')) },
      { ...good, list: foreign.list, hash: hashOf(foreign.list), signature: foreign.signature },
      unsigned,
      'not a list',
    ]) {
      const [parsed] = await parseStoredSubscriptions([{ ...state, lastGood }]);
      expect(parsed?.url).toBe(state.url);
      expect(parsed?.lastGood).toBeUndefined();
      expect(parsed?.lastError).toMatchObject({ code: 'bad-signature', failure: { code: 'bad-signature', stored: true } });
    }
  });
});

function hashOf(list: WarningList): string {
  return hashWarningList(list);
}
