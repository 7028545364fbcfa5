import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, type ComponentChildren } from 'preact';
import { evaluateRun } from '../lib/risk/run-signals';
import { runAlertView, type RunAlertView } from '../lib/view/run-alert-view';
import { I18nContext, translateFrom, type I18n, type Messages } from '../utils/i18n';

/** The moment the run-alert component tests read Binance's run at. */
export const RUN_NOW = new Date('2026-12-05T12:00:00Z');
export const RUN_CEXS = 'https://api.llama.fi/cexs';
/** A week after `RUN_NOW`: the end of a snooze made then. */
export const SNOOZE_END = '2026-12-12T12:00:00.000Z';
export const RUN_LOCALES = ['en', 'de', 'fr', 'es', 'pt_BR', 'sv', 'tr', 'zh_CN'] as const;

/** A locale's words from its messages file, as the pages load them. */
export function runWords(locale: string): I18n {
  const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
  return { t: translateFrom(messages), locale: locale.replace('_', '-') };
}

/** The view the background builds for a quarter of Binance's assets gone in a day, read 20 minutes ago. */
export function binanceRunAlert(): RunAlertView {
  const observedAt = new Date(RUN_NOW.getTime() - 20 * 60_000).toISOString();
  const evaluation = evaluateRun({
    exchange: { ownTokens: ['BNB'] },
    reserves: { onchain: { totalUsd: 75e9, source: RUN_CEXS, asOf: '2026-12-05', observedAt }, flows: { net24hUsd: -25e9, net7dUsd: -3e9, source: RUN_CEXS, asOf: '2026-12-05', observedAt } },
    now: RUN_NOW,
  });
  const view = runAlertView({ exchange: { id: 'binance', name: 'Binance' }, evaluation, state: { phase: 'alert', startedAt: observedAt, raisedBy: ['outflow-24h'] }, now: RUN_NOW });
  if (view === undefined) throw new Error('no view');
  return view;
}

/** The same alert snoozed from `RUN_NOW` for a week. */
export const snoozedRunAlert = (): RunAlertView => ({ ...binanceRunAlert(), active: false, snoozedUntil: SNOOZE_END });

/** Draws `children` into `root` in `locale`'s words (English unless said). */
export function drawIn(root: HTMLElement, children: ComponentChildren, locale = 'en'): void {
  render(<I18nContext.Provider value={runWords(locale)}>{children}</I18nContext.Provider>, root);
}
