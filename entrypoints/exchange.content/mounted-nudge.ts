import type { ExchangeView } from '@/lib/view/exchange-view';
import type { I18n } from '@/utils/i18n';
import type { TabBalanceNudge } from './decide';
import type { ShadowHost } from './shadow-host';
import type { Corner } from '@/components/Pill';
import type { PillFace } from '@/lib/view/first-paint-view';
import type { StatusReword } from './status-line';

/** The pill drawn on an exchange's page (index.tsx `mountNudge`), as the script's other parts handle it. */
export interface MountedNudge {
  host: ShadowHost;
  /** The full view and words arrived: Preact may take the drawn nodes over. */
  complete(view: ExchangeView, i18n: I18n): void;
  /** The same exchange's view changed (a run alert started or ended), or its words (`i18n`, a change of language): drawn over in place, an open card and its focus kept. */
  refresh(view: ExchangeView, balanceNudge: TabBalanceNudge | undefined, i18n?: I18n): void;
  /** The view with its reasons worded (`page-card`); `undefined` when the question failed. */
  reasons(asked: Promise<ExchangeView | undefined>): void;
  /** What is on screen of ours (the pill with its card and lines), for the mismatch warning to keep clear of. */
  drawn(): readonly Element[];
  /** The address-mismatch warning, just set off by the user's typing, has no room to be read beside the open card: the card closes to the pill. */
  collapse(): void;
}

/** What index.tsx `mountNudge` draws the pill from. */
export interface MountNudgeParameters {
  face: PillFace;
  /** The full view, for the card; from the stored first paint it comes later, with the background's answer. */
  view?: ExchangeView;
  i18n: I18n;
  corner: Corner;
  /** The user put the pill in `corner`: it stays there, whatever the page has in that corner. */
  cornerChosen: boolean;
  expanded: boolean;
  /** Gone for this page: at once, or after `lingerMs` (a status line is still being read; `wordsAgain` words it anew on a change of language, as the mismatch warning is). */
  dismiss: (lingerMs?: number, wordsAgain?: StatusReword) => void;
  balanceNudge?: TabBalanceNudge;
}
