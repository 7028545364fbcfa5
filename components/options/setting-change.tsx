import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings';
import { useT, type MessageKey } from '../../utils/i18n';

/** Stores a change of settings; rejects when it was not stored (a full quota, a storage error, a value refused). */
export type ChangeSettings = (patch: Partial<Settings>) => Promise<unknown>;

/** What a group of controls says when a change of theirs was not saved: a key and its values, worded when drawn. */
export interface NotSaved {
  key: MessageKey;
  values?: string[];
}

/**
 * The change handler of a group of controls whose values are settings as stored. A change that fails is logged and
 * said by the group; its control goes back to the stored value as the group draws again (Preact sets `checked` and
 * `value` anew on every draw, and saying it is one). The words go at the next change, so the same words said again
 * are new text, read out again. A new `freshAt` (a new value after "Delete everything" or "Reset settings") drops
 * the words: they were about settings that are gone. A change still under way then is not said when it fails: it was
 * one to the settings that are gone too.
 */
export function useSettingChange(onChange: ChangeSettings, name: string, freshAt?: unknown): [NotSaved | undefined, (patch: Partial<Settings>, failed?: NotSaved) => Promise<boolean>] {
  const [notSaved, setNotSaved] = useState<NotSaved | undefined>(undefined);
  const fresh = useRef(freshAt);
  fresh.current = freshAt;
  useEffect(() => setNotSaved(undefined), [freshAt]);
  const change = async (patch: Partial<Settings>, failed: NotSaved = { key: 'settingNotSaved' }) => {
    const startedAt = fresh.current;
    setNotSaved(undefined);
    try {
      await onChange(patch);
      return true;
    } catch (error) {
      // The browser's words are for the log; the page says it in the reader's language.
      console.error(`[reserve-radar] ${name} not saved:`, error);
      if (fresh.current === startedAt) setNotSaved(failed);
      return false;
    }
  };
  return [notSaved, change];
}

/**
 * Where a group of controls says that a change was not saved: in the page and empty before, so the words are read when
 * they come. Empty holds no text node at all, so words said again come as a new node, which every reader announces.
 */
export function NotSavedStatus({ notSaved, testId }: { notSaved: NotSaved | undefined; testId: string }) {
  const t = useT();
  return (
    <p class="not-saved" role="status" data-testid={testId}>
      {notSaved === undefined ? null : t(notSaved.key, notSaved.values)}
    </p>
  );
}
