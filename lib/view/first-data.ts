import type { ExchangeView } from './exchange-view';

/**
 * No source of reserve figures has answered yet: only the data that came with the extension is in use.
 * Own-token prices are left out: they bring no reserve figure, so they move no exchange out of Unknown.
 * False with no source to wait for.
 */
export function firstDataPending(rows: readonly { group: string; lastSuccess?: string }[]): boolean {
  const reserves = rows.filter((row) => row.group !== 'own-token-prices');
  return reserves.length > 0 && reserves.every((row) => row.lastSuccess === undefined);
}

/** What the line stands beside: the list of every exchange (most show Unknown), or one exchange's card, by what that card shows. */
export type FirstDataBeside = 'list' | CardBeside;

/** What the line says beside one exchange's card. */
export type CardBeside = 'card-figures' | 'card-unknown' | 'card-verdict';

/**
 * What an exchange's card shows from the data that came with the extension: reserve figures (a report's, or the chain's),
 * no figures and so Unknown, or no figures but a verdict all the same (one that publishes no proof of reserves).
 */
export function cardBeside(view: Pick<ExchangeView, 'por' | 'onchain' | 'flows' | 'verdict'>): CardBeside {
  const figures = (view.por !== undefined && view.por.method !== 'none') || view.onchain !== undefined || view.flows !== undefined;
  if (figures) return 'card-figures';
  return view.verdict.level === 'unknown' ? 'card-unknown' : 'card-verdict';
}

/**
 * On an exchange's view while no source of reserve figures has answered (`firstDataPending`): what its card shows from the
 * data that came with the extension (`cardBeside`). It names no day: the card dates each of its sections itself, and one
 * day for the whole copy would not be this exchange's. Made by the background, so the exchange page's script only words it.
 */
export interface FirstDataView {
  beside: CardBeside;
}

/** The view with `FirstDataView` on it while the bundled copy is in use (`bundled`); else as it is. */
export function withFirstData(view: ExchangeView, bundled: boolean): ExchangeView {
  if (!bundled) return view;
  return { ...view, firstData: { beside: cardBeside(view) } };
}
