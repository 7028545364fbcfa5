import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { joiners } from '../../lib/words/punctuation';
import { useLocale, useT, type MessageKey } from '../../utils/i18n';
import { useFocusAfterRemove, type RemovalWords } from '../focus-after-remove';
import { RemovalStatus } from '../RemovalStatus';

/** One snooze as the list draws it: the exchange's name, then (after a colon) until when it holds. */
export interface SnoozeEntry {
  id: string;
  name: string;
  until: string;
}

/** The list's words, each a message key; `lift`, `lifted` and `notLifted` take the exchange's name. */
export interface SnoozeListWords {
  title: MessageKey;
  empty: MessageKey;
  /** The button that lifts one snooze. */
  lift: MessageKey;
  /** Said once a snooze left the list at the user's press. */
  lifted: MessageKey;
  /** Said, and shown, when a lift failed; without it the list says nothing (the section says it otherwise). */
  notLifted?: MessageKey;
}

export interface SnoozeListProps {
  /** The section's test id; its title's id and the other test ids start with it. */
  name: string;
  entries: readonly SnoozeEntry[];
  words: SnoozeListWords;
  /** Lifts one snooze; rejects when it was not lifted, and the entry then stays with the focus on its button. */
  lift: (id: string) => Promise<unknown>;
  /** The list itself is named by the title too, not only its section. */
  listLabelled?: boolean;
  /** Drawn after the list's own status line (a group's "not saved" line). */
  children?: ComponentChildren;
}

/**
 * A section of snoozes in force on the options page, each with a button that lifts it: the cards hidden on exchange pages
 * (CardSnoozes.tsx) and the run alerts muted from the popup (RunSnoozes.tsx). An entry that leaves, lifted here or
 * elsewhere, takes the focus to its neighbour or the title (`useFocusAfterRemove`), and a lift is said in the status line.
 */
export function SnoozeList({ name, entries, words, lift, listLabelled = false, children }: SnoozeListProps) {
  const t = useT();
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const { container, removing, kept, said } = useFocusAfterRemove<HTMLDivElement>(
    entries.map((entry) => entry.id),
    (list) => list?.querySelector<HTMLElement>(`[data-testid="${name}-empty"]`),
    () => heading.current,
  );
  const title = `${name}-title`;
  return (
    <section aria-labelledby={title}>
      <h2 id={title} tabIndex={-1} ref={heading}>
        {t(words.title)}
      </h2>
      <div ref={container}>
        {entries.length === 0 ? (
          <p class="muted" tabIndex={-1} data-testid={`${name}-empty`}>
            {t(words.empty)}
          </p>
        ) : (
          <ul class="snoozes" aria-labelledby={listLabelled ? title : undefined} data-testid={name}>
            {entries.map((entry, index) => (
              <li key={entry.id}>
                <span>
                  {entry.name}
                  {joiners(locale).colon}
                  {entry.until}
                </span>{' '}
                <button
                  type="button"
                  class="ghost"
                  data-remove=""
                  onClick={() => {
                    removing(entry.id, index, entry.name, words.lifted);
                    lift(entry.id).catch(() => {
                      const failed: RemovalWords | undefined = words.notLifted === undefined ? undefined : { key: words.notLifted, args: [entry.name] };
                      kept(entry.id, failed);
                    });
                  }}
                >
                  {t(words.lift, entry.name)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <RemovalStatus said={said} testId={`${name}-removed`} />
      {children}
    </section>
  );
}
