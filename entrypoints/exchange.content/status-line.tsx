import { render } from 'preact';
import type { ContentScriptContext } from '#imports';
import type { Corner } from '@/components/Pill';
import type { I18n } from '@/utils/i18n';

/** The words go in a moment after their live region, so screen readers announce them; then they stay this long. */
const ANNOUNCE_AFTER_MS = 100;
export const STATUS_SHOWN_MS = 5000;

/** What a status line says: the pill closed, or snoozed for the exchange named. */
export type StatusKey = 'pillClosedStatus' | 'pillSnoozedStatus';

/**
 * A short status line in the pill's corner, in place of the pill (after a close or a snooze when
 * the page had no focus to give back): a live region first, empty, then its words. Answers the way to word it again
 * in place, in other words (a change of language while it shows), its `lang` with them.
 */
export function drawStatusLine(ctx: ContentScriptContext, container: HTMLElement, { corner, i18n, key, name }: { corner: Corner; i18n: I18n; key: StatusKey; name: string }): (all: I18n) => void {
  const line = (words: string) => (
    <div class={`rr-theme nudge nudge--${corner}`}>
      <p class="nudge__status" role="status" data-testid="pill-status-line">
        {words}
      </p>
    </div>
  );
  let words = i18n;
  const say = () => render(line(words.t(key, name)), container);
  render(line(''), container);
  ctx.setTimeout(say, ANNOUNCE_AFTER_MS);
  return (all) => {
    container.lang = all.locale;
    words = all;
    say();
  };
}
