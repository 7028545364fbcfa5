import { browser } from 'wxt/browser';
import type { StorageItemKey } from '#imports';

/**
 * Values a wake-up of the service worker is about to read, asked for in one storage question as
 * `main` starts (issue 16): the browser answers it while it is still handing over the event that
 * woke the worker, so the first answer finds them read. Each value is handed out once, to the
 * first read of its key, and only while nothing has written that key since it was asked for
 * (a write through `defineLazyItem`, or any change the storage area reports); later reads ask
 * storage as usual. What is not taken by the end of the first answer is dropped.
 */
interface Early {
  values: Promise<Record<string, unknown> | undefined>;
  open: Set<StorageItemKey>;
}

let early: Early | undefined;

/**
 * Heard on the storage's event and on the local area's own, whichever comes first: the area's is the one the items'
 * watchers (`storage.watch`) hear, and this is added before them, so a read a watcher makes on a change (a held copy
 * read again) never takes the value asked for before that change.
 */
function changed(changes: Record<string, unknown>, area = 'local'): void {
  if (area === 'local') for (const key of Object.keys(changes)) forgetEarly(`local:${key}`);
}

const changeEvents = () => [browser.storage.onChanged, browser.storage.local.onChanged];

export function readEarly(keys: readonly StorageItemKey[]): void {
  for (const event of changeEvents()) {
    event.removeListener(changed);
    event.addListener(changed);
  }
  const local = keys.filter((key) => key.startsWith('local:'));
  // A failed question leaves each read to ask for itself.
  const values = browser.storage.local.get(local.map((key) => key.slice('local:'.length))).catch(() => undefined);
  early = { values, open: new Set(local) };
}

/** The value asked for early, once (`{ value }`, undefined when stored nothing), or undefined: ask storage. */
export function takeEarly(key: StorageItemKey): Promise<{ value: unknown } | undefined> | undefined {
  if (early === undefined || !early.open.delete(key)) return undefined;
  const name = key.slice('local:'.length);
  return early.values.then((values) => (values === undefined ? undefined : { value: values[name] }));
}

/** The key was written: what was asked for early is no longer its value. */
export function forgetEarly(key: StorageItemKey): void {
  early?.open.delete(key);
}

/** After the first answer: values nobody took are dropped, so no later read gets an old one. */
export function dropEarlyReads(): void {
  early = undefined;
  for (const event of changeEvents()) event.removeListener(changed);
}
