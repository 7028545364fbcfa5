import { describe, expect, test, vi } from 'vitest';
import { privateKeyToAccount } from 'viem/accounts';
import { MAX_SUBSCRIPTIONS } from '@/lib/community/subscription';
import { exportData, importData } from '@/lib/holdings/export-data';
import { emptyHoldingsState } from '@/lib/holdings/model';
import { addFileLists, listsForExport, listsOverLimit } from './import-lists';

/** Anvil's well-known test key #0: anyone can sign as it, so it only ever signs test lists. */
const SIGNER = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80').address;
const A = 'https://lists.example.org/a.json';
const B = 'https://other.example/b.json';
const exportOf = (warningLists: Awaited<ReturnType<typeof listsForExport>>) => exportData({ state: emptyHoldingsState, ...(warningLists === undefined ? {} : { warningLists }), now: 0 });

describe('the warning lists of the options page’s export and import', () => {
  test('the export carries the rows the background shows, by address and maintainer only, and they import again', async () => {
    const rows = [{ url: A, expectedSigner: SIGNER, health: 'failing', message: 'Not checked', needsAccess: 'lists.example.org' }];
    const lists = await listsForExport(async () => rows);
    const read = importData(exportOf(lists));
    expect(read.ok && read.data.warningLists).toEqual([{ url: A, expectedSigner: SIGNER }]);
  });

  test('when the rows cannot be read the export is written all the same, without the field', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const lists = await listsForExport(() => Promise.reject(new Error('no offscreen document')));
    expect(lists).toBeUndefined();
    expect(JSON.parse(exportOf(lists))).not.toHaveProperty('warningLists');
  });

  test('the lists held and the file’s new ones may make the limit, not one more; a list held already is not counted twice', () => {
    const held = Array.from({ length: MAX_SUBSCRIPTIONS - 1 }, (_, index) => ({ url: `https://lists.example.org/${index}.json` }));
    expect(listsOverLimit(held, [{ url: A, expectedSigner: SIGNER }])).toBe(false);
    expect(
      listsOverLimit(held, [
        { url: A, expectedSigner: SIGNER },
        { url: B, expectedSigner: SIGNER },
      ]),
    ).toBe(true);
    expect(
      listsOverLimit(held, [
        { url: held[0]!.url, expectedSigner: SIGNER },
        { url: A, expectedSigner: SIGNER },
      ]),
    ).toBe(false);
    expect(listsOverLimit(undefined, [{ url: A, expectedSigner: SIGNER }])).toBe(false);
  });

  test('the background is asked with each list’s address and maintainer, and its counts are kept', async () => {
    const ask = vi.fn(async () => ({ ok: true, added: 1, needAccess: 1, keptOther: 0 }) as const);
    expect(await addFileLists([{ url: A, expectedSigner: SIGNER }], ask)).toEqual({ added: 1, needAccess: 1, keptOther: 0 });
    expect(ask).toHaveBeenCalledWith([{ url: A, signer: SIGNER }]);
  });

  test('a refusal in the background, or no answer, is a failure of the lists step', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await addFileLists([{ url: A, expectedSigner: SIGNER }], async () => ({ ok: false, refused: 'too-many' }))).toBe('failed');
    expect(await addFileLists([{ url: A, expectedSigner: SIGNER }], () => Promise.reject(new Error('Receiving end does not exist')))).toBe('failed');
  });
});
