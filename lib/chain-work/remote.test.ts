import { describe, expect, it, vi } from 'vitest';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { bundledSnapshot } from '../reserves/snapshot';
import { stableStringify } from '../reserves/stable-json';
import { TEST_FEED_KEY, TEST_FEED_SIGNER } from '../../tests/fixtures/feed/test-key';
import { signFeed } from '../feed/sign-feed';
import { signWarningList } from '../community/sign-warning-list';
import { createSubscription, replaceSigner, type WarningSubscription } from '../community/subscription';
import type { WarningList } from '../community/warning-list';
import { onePerList } from '../community/same-list';
import { parseChainWorkRequest, type ChainWorkRequest, type VerifyFeedWork } from './chain-work';
import { inProcessChainWork, runChainWork } from './in-process';
import { createRemoteChainWork, type AskChainWork } from './remote';

const NOW = Date.parse('2026-12-05T00:00:00Z');

/** The far side as Chrome's offscreen document runs it: the request parsed, the work done, both ways as JSON. */
const faithful: AskChainWork = async (request) => {
  const parsed = parseChainWorkRequest(JSON.parse(JSON.stringify(request)));
  if (parsed === undefined) throw new Error('refused');
  return JSON.parse(JSON.stringify(await runChainWork(parsed))) as unknown;
};
/** A far side that answers with whatever `answer` makes of the faithful answer. */
const twisted =
  (answer: (faithfulAnswer: unknown, request: ChainWorkRequest) => unknown): AskChainWork =>
  async (request) =>
    answer(await faithful(request), request);

async function signedFeed(sequence = 7, privateKey = TEST_FEED_KEY) {
  const { envelope, hash } = await signFeed({ snapshot: bundledSnapshot(), name: 'Reserve Radar PoR feed', sequence, issued: '2026-12-04T06:00:00Z', expires: '2026-12-11T06:00:00Z', privateKey });
  return { text: stableStringify(envelope), envelope, hash };
}
const feedWork = (body: string, held?: VerifyFeedWork['held']): VerifyFeedWork => ({ body, signers: [TEST_FEED_SIGNER], now: NOW, held });

describe('createRemoteChainWork: the feed', () => {
  it('takes a signed feed through the message channel exactly as the check in-process does', async () => {
    const { text } = await signedFeed();
    const remote = await createRemoteChainWork(faithful).verifyFeed(feedWork(text));
    expect(remote).toEqual(await inProcessChainWork.verifyFeed(feedWork(text)));
    expect(remote).toMatchObject({ ok: true, signer: TEST_FEED_SIGNER, unchanged: false });
  });

  it("refuses a tampered feed through the channel, with the check's own reason", async () => {
    const { envelope } = await signedFeed();
    const changed = structuredClone(envelope) as { snapshot: { exchanges: Record<string, { por?: { asOf: string } }> } };
    changed.snapshot.exchanges.binance!.por!.asOf = '2026-12-01';
    expect(await createRemoteChainWork(faithful).verifyFeed(feedWork(JSON.stringify(changed)))).toMatchObject({ ok: false, code: 'tampered' });
  });

  it('counts a feed as unverified when no checker answers: no document, a thrown error, a late answer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { text } = await signedFeed();
    for (const ask of [() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')), () => Promise.reject(new Error('no answer in time'))] as AskChainWork[]) {
      expect(await createRemoteChainWork(ask).verifyFeed(feedWork(text))).toMatchObject({ ok: false, code: 'unchecked', failure: { code: 'unchecked', why: expect.any(String) } });
    }
    expect(warn).toHaveBeenCalled();
  });

  it('never takes a garbage or ill-fitting "ok" as a good feed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { text, hash } = await signedFeed();
    const other = privateKeyToAccount(generatePrivateKey()).address;
    const garbage: ((good: Record<string, unknown>) => unknown)[] = [
      () => undefined,
      () => null,
      () => ({ ok: true }),
      () => 'ok',
      (good) => ({ ...good, signer: other }),
      (good) => ({ ...good, unchanged: true }),
      (good) => ({ ...good, hash: 'not a hash' }),
      (good) => ({ ...good, envelope: { ...(good.envelope as object), snapshot: { exchanges: 'none' } } }),
      (good) => ({ ...good, envelope: { ...(good.envelope as object), feed: { ...(good.envelope as { feed: object }).feed, sequence: -1 } } }),
      (good) => ({ ...good, envelope: { ...(good.envelope as object), feed: { ...(good.envelope as { feed: object }).feed, expires: '2026-12-04T07:00:00Z' } } }),
    ];
    for (const make of garbage) {
      const result = await createRemoteChainWork(twisted((good) => make(good as Record<string, unknown>))).verifyFeed(feedWork(text));
      expect(result).toMatchObject({ ok: false, code: 'unchecked' });
    }
    // Held number 8: an answer that takes number 7 anyway is a step back, whatever it says.
    const stepBack = await createRemoteChainWork(twisted((good) => good)).verifyFeed(feedWork(text, { sequence: 8, hash }));
    expect(stepBack.ok).toBe(false);
    const claimed = await createRemoteChainWork(async () => ({ ...((await faithful({ target: 'chain-work', op: 'verifyFeed', work: feedWork(text) })) as object) })).verifyFeed(
      feedWork(text, { sequence: 8, hash }),
    );
    expect(claimed).toMatchObject({ ok: false, code: 'unchecked', failure: { code: 'unchecked', why: expect.stringMatching(/step back/) } });
  });
});

const key = generatePrivateKey();
const signer = privateKeyToAccount(key).address;
const listNow = Date.parse('2026-11-25T10:00:00Z');

function sampleList(sequence: number, title = 'Withdrawals paused'): WarningList {
  const entry = {
    exchange: 'binance',
    severity: 'caution' as const,
    title,
    body: 'Body.',
    sources: ['https://example.org/'],
    published: '2026-11-20T00:00:00Z',
    expires: '2026-12-20T00:00:00Z',
  };
  return { name: 'Test list', sequence, issued: '2026-11-20T00:00:00Z', expires: '2026-12-20T00:00:00Z', entries: [entry] };
}
const listBody = async (sequence: number, privateKey = key, title?: string) => JSON.stringify((await signWarningList({ list: sampleList(sequence, title), privateKey })).envelope);

async function subscribedWithList(url = 'https://lists.example.org/warnings.json'): Promise<WarningSubscription> {
  const created = createSubscription({ url, expectedSigner: signer });
  if (!created.ok) throw new Error(created.code);
  return inProcessChainWork.checkSubscription({ state: created.subscription, fetched: { ok: true, body: await listBody(3) }, now: listNow });
}

describe('createRemoteChainWork: warning lists', () => {
  it('checks a list and reads stored lists back through the channel as in-process', async () => {
    const state = await subscribedWithList();
    expect(state.lastGood?.sequence).toBe(3);
    const remote = createRemoteChainWork(faithful);
    const work = { state, fetched: { ok: true as const, body: await listBody(4) }, now: listNow };
    expect(await remote.checkSubscription(work)).toEqual(await inProcessChainWork.checkSubscription(work));
    expect(await remote.parseStoredSubscriptions([state])).toEqual(await inProcessChainWork.parseStoredSubscriptions([state]));
    expect(await remote.createSubscription({ url: 'https://l.example/', expectedSigner: signer.toLowerCase() })).toEqual({
      ok: true,
      subscription: { url: 'https://l.example/', expectedSigner: signer, lastCheck: null },
    });
  });

  it('keeps the last good list and records why when a check gets no usable answer', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const state = await subscribedWithList();
    const work = { state, fetched: { ok: true as const, body: await listBody(4) }, now: listNow };
    const asks: AskChainWork[] = [
      () => Promise.reject(new Error('no answer in time')),
      async () => undefined,
      twisted((good) => ({ ...(good as object), lastGood: undefined })),
      twisted((good) => ({ ...(good as object), url: 'https://other.example/' })),
      twisted((good) => ({ ...(good as WarningSubscription), lastGood: { ...(good as WarningSubscription).lastGood!, signer: privateKeyToAccount(generatePrivateKey()).address } })),
    ];
    for (const ask of asks) {
      const next = await createRemoteChainWork(ask).checkSubscription(work);
      expect(next.lastGood).toEqual(state.lastGood);
      expect(next.lastError).toMatchObject({ code: 'unchecked', failure: { code: 'unchecked', why: expect.any(String) } });
    }
  });

  it("carries a floor from the maintainer's old key through the channel, and takes no answer that moves or drops it", async () => {
    const newKey = generatePrivateKey();
    const moved = replaceSigner({ state: await subscribedWithList(), expectedSigner: privateKeyToAccount(newKey).address });
    expect(moved.floor?.sequence).toBe(3);
    expect(await createRemoteChainWork(faithful).parseStoredSubscriptions([moved])).toEqual([moved]);
    for (const [sequence, floor] of [
      [2, moved.floor],
      [4, moved.floor],
    ] as const) {
      const work = { state: moved, fetched: { ok: true as const, body: await listBody(sequence, newKey) }, now: listNow };
      const checked = await createRemoteChainWork(faithful).checkSubscription(work);
      expect(checked).toEqual(await inProcessChainWork.checkSubscription(work));
      expect(checked.floor).toEqual(floor);
    }
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const work = { state: moved, fetched: { ok: true as const, body: await listBody(4, newKey) }, now: listNow };
    for (const twist of [(good: WarningSubscription) => ({ ...good, floor: undefined }), (good: WarningSubscription) => ({ ...good, floor: { ...good.floor!, sequence: 1 } })]) {
      const next = await createRemoteChainWork(twisted((good) => twist(good as WarningSubscription))).checkSubscription(work);
      expect(next.lastGood).toBeUndefined();
      expect(next.floor).toEqual(moved.floor);
      expect(next.lastError?.code).toBe('unchecked');
    }
  });

  it('takes no stored-lists answer that drops or moves a floor, changes the signer, or holds a list below the floor', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const newKey = generatePrivateKey();
    const moved = replaceSigner({ state: await subscribedWithList(), expectedSigner: privateKeyToAccount(newKey).address });
    const other = await subscribedWithList('https://lists.example.org/other.json');
    expect(await createRemoteChainWork(faithful).parseStoredSubscriptions([moved, other])).toEqual([moved, other]);
    const sameNumberOtherList = { ...(other.lastGood as NonNullable<WarningSubscription['lastGood']>), hash: `0x${'ab'.repeat(32)}` };
    const twists: ((good: WarningSubscription) => object)[] = [
      ({ floor, ...rest }) => rest,
      (good) => ({ ...good, floor: { ...good.floor!, sequence: 1 } }),
      (good) => ({ ...good, floor: { ...good.floor!, hash: `0x${'cd'.repeat(32)}` } }),
      (good) => ({ ...good, expectedSigner: privateKeyToAccount(generatePrivateKey()).address }),
      (good) => ({ ...good, url: 'https://lists.example.org/elsewhere.json' }),
      // A held list with the floor's number but other content, or below the floor.
      (good) => ({ ...good, lastGood: { ...sameNumberOtherList, signer: good.expectedSigner } }),
      (good) => ({ ...good, lastGood: { ...sameNumberOtherList, signer: good.expectedSigner, sequence: 2, list: { ...sameNumberOtherList.list, sequence: 2 } } }),
    ];
    for (const twist of twists) {
      const ask = twisted((good) => (good as WarningSubscription[]).map((entry) => (entry.url === moved.url ? twist(entry) : entry)));
      await expect(createRemoteChainWork(ask).parseStoredSubscriptions([moved, other])).rejects.toThrow(/could not be checked/);
    }
    const floorAdded = twisted((good) => (good as WarningSubscription[]).map((entry) => (entry.url === other.url ? { ...entry, floor: moved.floor } : entry)));
    await expect(createRemoteChainWork(floorAdded).parseStoredSubscriptions([moved, other])).rejects.toThrow(/could not be checked/);
    // One entry twice, each once as stored.
    const doubled = twisted((good) => [...(good as WarningSubscription[]), (good as WarningSubscription[])[0]]);
    await expect(createRemoteChainWork(doubled).parseStoredSubscriptions([moved, other, other])).rejects.toThrow(/could not be checked/);
  });

  it('answers entries a version before stored with a fragment under their URL as stored, so each matches its own; the background makes them one after', async () => {
    const plain = await subscribedWithList();
    const marked = { ...plain, url: `${plain.url}#a` };
    const answer = await createRemoteChainWork(faithful).parseStoredSubscriptions([marked, plain]);
    expect(answer).toEqual([marked, plain]);
    expect(onePerList(answer)).toEqual([plain]);
  });

  it('takes no answer with a URL that does not parse, though the stored value held it: the lists are not taken, nor the subscription added', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const plain = await subscribedWithList();
    const odd = { ...plain, url: 'https://exa mple.org/x.json' };
    await expect(createRemoteChainWork(async () => JSON.parse(JSON.stringify([odd, plain]))).parseStoredSubscriptions([odd, plain])).rejects.toThrow(/could not be checked/);
    expect(await createRemoteChainWork(faithful).parseStoredSubscriptions([odd, plain])).toEqual([plain]);
    const created = { ok: true, subscription: { url: odd.url, expectedSigner: signer, lastCheck: null } };
    expect(await createRemoteChainWork(async () => created).createSubscription({ url: odd.url, expectedSigner: signer })).toEqual({ ok: false, code: 'signer-unchecked' });
  });

  it("takes no check answer that holds a list with the floor's number and other content", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const newKey = generatePrivateKey();
    const moved = replaceSigner({ state: await subscribedWithList(), expectedSigner: privateKeyToAccount(newKey).address });
    const work = { state: moved, fetched: { ok: true as const, body: await listBody(3, newKey, 'Other content') }, now: listNow };
    expect((await inProcessChainWork.checkSubscription(work)).lastError?.code).toBe('rollback');
    // The checker answers as if there were no floor, and hands the floor back unchanged.
    const lying: AskChainWork = async (request) => {
      const asked = (JSON.parse(JSON.stringify(request)) as { work: typeof work }).work;
      const { floor, ...floorless } = asked.state;
      const answer = await inProcessChainWork.checkSubscription({ ...asked, state: floorless });
      return JSON.parse(JSON.stringify({ ...answer, floor })) as unknown;
    };
    const next = await createRemoteChainWork(lying).checkSubscription(work);
    expect(next.lastGood).toBeUndefined();
    expect(next.lastError?.code).toBe('unchecked');
  });

  it('asks nothing for no stored lists, and refuses stored lists it cannot have checked', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ask = vi.fn<AskChainWork>(async () => []);
    expect(await createRemoteChainWork(ask).parseStoredSubscriptions(undefined)).toEqual([]);
    expect(await createRemoteChainWork(ask).parseStoredSubscriptions([])).toEqual([]);
    expect(ask).not.toHaveBeenCalled();
    const state = await subscribedWithList();
    await expect(createRemoteChainWork(() => Promise.reject(new Error('no document'))).parseStoredSubscriptions([state])).rejects.toThrow(/could not be checked/);
    await expect(createRemoteChainWork(async () => 'garbage').parseStoredSubscriptions([state])).rejects.toThrow(/could not be checked/);
    // A held list whose signer is not the subscription's, or more subscriptions than were stored.
    const foreign = { ...state, lastGood: { ...state.lastGood!, signer: privateKeyToAccount(generatePrivateKey()).address } };
    await expect(createRemoteChainWork(async () => [foreign]).parseStoredSubscriptions([state])).rejects.toThrow();
    await expect(createRemoteChainWork(async () => [state, state]).parseStoredSubscriptions([state])).rejects.toThrow();
  });

  it('says that a new subscription could not be checked, and adds none', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await createRemoteChainWork(async () => ({ ok: true })).createSubscription({ url: 'https://l.example/', expectedSigner: signer })).toEqual({ ok: false, code: 'signer-unchecked' });
    // A refusal the checker made comes through with its code.
    expect(await createRemoteChainWork(async () => ({ ok: false, code: 'not-https' })).createSubscription({ url: 'http://l.example/', expectedSigner: signer })).toEqual({
      ok: false,
      code: 'not-https',
    });
  });
});

describe('createRemoteChainWork: balances', () => {
  it('makes an unanswered or mismatched read an incomplete reading of that chain, never zeros', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const work = { rpcUrl: 'http://127.0.0.1:1', chainId: 1, addresses: [signer], timeoutMs: 1000 };
    const good = { chainId: 1, complete: true, positions: [{ custodian: 'self', asset: 'ETH', amount: 1 }] };
    for (const ask of [() => Promise.reject(new Error('no document')), async () => ({ ...good, chainId: 10 }), async () => ({ ...good, positions: 'all' })] as AskChainWork[]) {
      expect(await createRemoteChainWork(ask).readChain(work)).toMatchObject({ chainId: 1, complete: false, positions: [], error: 'no-reader-answer' });
    }
    expect(await createRemoteChainWork(async () => good).readChain(work)).toEqual(good);
  });
});

describe('parseChainWorkRequest', () => {
  it("takes only chain-work requests, never the pages' requests", () => {
    expect(parseChainWorkRequest({ type: 'page-state' })).toBeUndefined();
    expect(parseChainWorkRequest({ type: 'all-exchanges' })).toBeUndefined();
    expect(parseChainWorkRequest({ target: 'chain-work', op: 'signAnything', work: {} })).toBeUndefined();
    expect(parseChainWorkRequest({ target: 'chain-work', op: 'parseStoredSubscriptions', work: [] })).toEqual({ target: 'chain-work', op: 'parseStoredSubscriptions', work: [] });
  });
});
