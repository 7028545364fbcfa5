import type { PageState } from '@/lib/view/page-state';
import { pillFace } from '@/lib/view/first-paint-view';
import { i18nWithWords } from '@/utils/translate';
import { decisionFor, faceKey } from './decide';
import type { MountedNudge } from './mounted-nudge';
import type { pageQuestions } from './page-questions';
import { askCardWords } from './view-updates';

/**
 * The background's first answer to a page drawn from the stored first paint (`drawnKey`, in the stored pill words
 * `words`): when it draws the same pill, the pill gets its full view and the card's words, and their language is the
 * page's only once they came (`page.reach` for the page's first question, `first`), so a load that failed leaves the
 * next answer to ask for them again. `false`: another pill, which the page draws anew. A pill the user closed before the
 * answer (`closed`) is not drawn again: only the answer's language is followed, as `update` does for a closed one.
 */
export async function tookStoredAnswer(
  page: ReturnType<typeof pageQuestions>,
  first: number,
  state: PageState | undefined,
  drawnKey: string,
  words: Record<string, string>,
  mounted: () => MountedNudge | undefined,
  closed: () => boolean,
): Promise<boolean> {
  if (closed()) {
    if (state?.nudge) await page.reach(first, state.nudge.settings.language);
    return true;
  }
  if (state?.kind !== 'exchange' || state.nudge === undefined) return false;
  const { settings, words: fresh = words } = state.nudge;
  if (faceKey({ decision: decisionFor(state), face: pillFace(state.view), corner: settings.corner, balanceNudge: state.balanceNudge, language: settings.language, words: fresh }) !== drawnKey)
    return false;
  const all = page.reach(first, settings.language);
  const ui = mounted();
  if (ui !== undefined) askCardWords(ui, state.view);
  const i18n = await all;
  // Closed meanwhile: nothing to complete.
  mounted()?.complete(state.view, i18nWithWords(fresh, i18n));
  return true;
}
