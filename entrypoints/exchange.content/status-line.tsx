import { render } from 'preact';
import type { ContentScriptContext } from '#imports';
import type { Corner } from '@/components/Pill';

/** The words go in a moment after their live region, so screen readers announce them; then they stay this long. */
const ANNOUNCE_AFTER_MS = 100;
export const STATUS_SHOWN_MS = 5000;

/**
 * A short status line in the pill's corner, in place of the pill (after a close or a snooze when
 * the page had no focus to give back): a live region first, empty, then its words.
 */
export function drawStatusLine(ctx: ContentScriptContext, container: HTMLElement, { corner, text }: { corner: Corner; text: string }): void {
  const line = (words: string) => (
    <div class={`rr-theme nudge nudge--${corner}`}>
      <p class="nudge__status" role="status" data-testid="pill-status-line">
        {words}
      </p>
    </div>
  );
  render(line(''), container);
  ctx.setTimeout(() => render(line(text), container), ANNOUNCE_AFTER_MS);
}
