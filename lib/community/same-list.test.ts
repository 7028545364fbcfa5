import { describe, expect, it } from 'vitest';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { signWarningList } from './sign-warning-list';
import { isListUrl, listUrl } from './list-url';
import { keepsOtherUrls, onePerList } from './same-list';
import { checkSubscription, createSubscription, replaceSigner, sequenceFloor, type WarningSubscription } from './subscription';
import type { WarningList } from './warning-list';

const OLD_KEY = generatePrivateKey();
const NEW_KEY = generatePrivateKey();
const OLD = privateKeyToAccount(OLD_KEY).address;
const NEW = privateKeyToAccount(NEW_KEY).address;
const URL_A = 'https://lists.example.org/warnings.json';
const URL_B = 'https://lists.example.org/other.json';
const now = new Date('2026-11-25T10:00:00Z');

const numbered = (sequence: number): WarningList => ({ name: 'Test list', sequence, issued: '2026-11-20T00:00:00Z', expires: '2026-12-20T00:00:00Z', entries: [] });

/** A subscription as a version that kept the fragment stored it: `url` as typed, its list checked. */
async function storedAt(url: string, sequence: number | undefined, key = OLD_KEY): Promise<WarningSubscription> {
  const created = createSubscription({ url: URL_A, expectedSigner: privateKeyToAccount(key).address });
  if (!created.ok) throw new Error(created.code);
  if (sequence === undefined) return { ...created.subscription, url };
  const body = JSON.stringify((await signWarningList({ list: numbered(sequence), privateKey: key })).envelope);
  return { ...(await checkSubscription({ state: created.subscription, fetched: { ok: true, body }, now })), url };
}

describe('listUrl', () => {
  it('is the URL without its fragment, as the add path keeps it', () => {
    for (const url of [URL_A, `${URL_A}#a`, `${URL_A}#`]) expect(listUrl(url)).toBe(URL_A);
    expect(createSubscription({ url: `${URL_A}#a`, expectedSigner: OLD })).toMatchObject({ ok: true, subscription: { url: listUrl(`${URL_A}#a`) } });
  });

  it('answers a URL that does not parse as given: what reads it says why, as before', () => {
    expect(listUrl('https://exa mple.org/x.json#a')).toBe('https://exa mple.org/x.json#a');
  });
});

describe('isListUrl', () => {
  it('is true for an https address that parses, whatever its fragment', () => {
    for (const url of [URL_A, `${URL_A}#a`, 'https://xn--rserve-radar-ggb.example:8443/list.json']) expect(isListUrl(url)).toBe(true);
    for (const url of ['https://exa mple.org/x.json', 'https://', 'https://a.example:99999/', 'http://lists.example.org/x.json', 'lists.example.org/x.json', '']) expect(isListUrl(url)).toBe(false);
  });
});

describe('onePerList: stored subscriptions read back one per list', () => {
  it('drops the fragment a version before kept, and changes nothing else', async () => {
    const held = await storedAt(`${URL_A}#a`, 5);
    const other = await storedAt(URL_B, undefined);
    expect(onePerList([held, other])).toEqual([{ ...held, url: URL_A }, other]);
    expect(onePerList([{ ...held, url: URL_A }, other])).toEqual([{ ...held, url: URL_A }, other]);
  });

  it('two subscriptions of one list become one: the higher number held is kept, in either order, where the first stood', async () => {
    const newer = await storedAt(`${URL_A}#a`, 5);
    const older = await storedAt(URL_A, 4);
    const other = await storedAt(URL_B, undefined);
    expect(onePerList([newer, other, older])).toEqual([{ ...newer, url: URL_A }, other]);
    expect(onePerList([older, other, newer])).toEqual([{ ...newer, url: URL_A }, other]);
  });

  it('a floor counts as held: a key change confirmed on one keeps that one, and no list below its floor is taken', async () => {
    const moved = replaceSigner({ state: await storedAt(URL_A, 7), expectedSigner: NEW });
    const stale = await storedAt(`${URL_A}#old`, 6);
    const [kept, ...rest] = onePerList([stale, moved]);
    expect(rest).toEqual([]);
    expect(kept).toEqual(moved);
    expect(sequenceFloor(kept!)?.sequence).toBe(7);
  });

  it('two maintainer addresses for one list: the one whose list is the newer is kept; with no list held, the one subscribed later', async () => {
    const oldKey = await storedAt(URL_A, 5, OLD_KEY);
    const newKey = await storedAt(`${URL_A}#b`, 8, NEW_KEY);
    expect(onePerList([newKey, oldKey])).toEqual([{ ...newKey, url: URL_A }]);
    expect(onePerList([oldKey, newKey])).toEqual([{ ...newKey, url: URL_A }]);
    const neverOld = await storedAt(URL_A, undefined, OLD_KEY);
    const neverNew = await storedAt(`${URL_A}#b`, undefined, NEW_KEY);
    expect(onePerList([neverOld, neverNew])).toEqual([{ ...neverNew, url: URL_A }]);
    // One that verified is kept over one that never did, whichever came later.
    expect(onePerList([oldKey, neverNew])).toEqual([oldKey]);
  });

  it('on a tie, a key change the user confirmed is kept over the other address: a check that passed, then a floor at that number, then the later', async () => {
    // The maintainer re-signed list 7 with the new key (same content, same number), and the user confirmed it on `…`.
    const old7 = await storedAt(URL_A, 7, OLD_KEY);
    const new7 = JSON.stringify((await signWarningList({ list: numbered(7), privateKey: NEW_KEY })).envelope);
    const moved = await checkSubscription({ state: replaceSigner({ state: old7, expectedSigner: NEW }), fetched: { ok: true, body: new7 }, now });
    expect([moved.lastGood?.signer, moved.lastError]).toEqual([NEW, undefined]);
    // `…#a`, stored after it under the old address, refused that list as from another signer.
    const refused = { ...(await checkSubscription({ state: old7, fetched: { ok: true, body: new7 }, now })), url: `${URL_A}#a` };
    expect(refused.lastError?.code).toBe('wrong-signer');
    expect(onePerList([moved, refused])).toEqual([moved]);
    expect(onePerList([refused, moved])).toEqual([moved]);
    // Confirmed, not verified yet: only the floor says so, against the old address's list 7 that no check refused.
    const confirmed = replaceSigner({ state: old7, expectedSigner: NEW });
    const unrefused = { ...old7, url: `${URL_A}#a` };
    expect(onePerList([confirmed, unrefused])).toEqual([confirmed]);
    expect(onePerList([unrefused, confirmed])).toEqual([confirmed]);
    // Both checks passed and neither carries a floor at that number: the later.
    const again = { ...(await storedAt(URL_A, 7, NEW_KEY)), url: `${URL_A}#b` };
    expect(onePerList([old7, again])).toEqual([{ ...again, url: URL_A }]);
    expect(onePerList([again, old7])).toEqual([old7]);
  });

  it('keeps a stored URL that does not parse as it is, beside the others', async () => {
    const odd = { ...(await storedAt(URL_A, undefined)), url: 'https://exa mple.org/x.json#a' };
    const held = await storedAt(`${URL_A}#a`, 5);
    expect(onePerList([odd, held])).toEqual([odd, { ...held, url: URL_A }]);
  });
});

describe('keepsOtherUrls: whether the stored value is to be written again', () => {
  it('is true only when an entry keeps a URL the add path would not', () => {
    expect(keepsOtherUrls([{ url: `${URL_A}#a` }, { url: URL_B }])).toBe(true);
    expect(keepsOtherUrls([{ url: URL_A }, { url: URL_B }, null, 42, { url: 7 }, { url: 'https://exa mple.org/x.json#a' }])).toBe(false);
    expect(keepsOtherUrls(undefined)).toBe(false);
    expect(keepsOtherUrls({ url: `${URL_A}#a` })).toBe(false);
  });
});
