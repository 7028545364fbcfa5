import { render } from 'preact';
import type { PageContext } from './page-context';
import type { Corner } from '@/components/Pill';
import type { I18n } from '@/utils/i18n';

/** The words go in a moment after their live region, so screen readers announce them; then they stay this long. */
const ANNOUNCE_AFTER_MS = 100;
export const STATUS_SHOWN_MS = 5000;

/** What a status line says: the pill closed, or snoozed for the exchange named (saying so when a run alert still shows). */
export type StatusKey = 'pillClosedStatus' | 'pillSnoozedStatus' | 'pillSnoozedRunStatus';

/** A card snooze leaves a run alert showing (lib/view/nudge-policy.ts): the words after a snooze say so while one is on. */
export function snoozedStatusKey(view: { runAlert?: { active: boolean } }): StatusKey {
  return view.runAlert?.active === true ? 'pillSnoozedRunStatus' : 'pillSnoozedStatus';
}

/** Words a status line again in the words `load` brings (a change of language while it shows). */
export type StatusReword = (load: () => Promise<I18n>) => void;

/**
 * A short status line in the pill's corner, in place of the pill (after a close or a snooze when
 * the page had no focus to give back): a live region first, empty, then its words. Answers the way to word it again
 * in place, its `lang` with them: only while it is on the page (nothing loaded once it is gone), and only in the
 * words of the latest load (an older one that comes back later is dropped).
 */
export function drawStatusLine(ctx: PageContext, container: HTMLElement, { corner, i18n, key, name }: { corner: Corner; i18n: I18n; key: StatusKey; name: string }): StatusReword {
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
  let asked = 0;
  return (load) => {
    const question = ++asked;
    if (container.isConnected)
      void load().then((all) => {
        if (question !== asked || !container.isConnected) return;
        container.lang = all.locale;
        words = all;
        say();
      });
  };
}
