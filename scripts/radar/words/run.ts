import type { RunEvaluation, RunReason } from '../../../lib/risk/run-signals';

/**
 * The run watch in English for the command line (the extension words it through its messages
 * files; lib/ returns figures and codes only).
 */

const percent = (fraction: number) => `${Number((fraction * 100).toFixed(1))} %`;

function usd(amount: number): string {
  if (amount >= 1e9) return `$${(amount / 1e9).toFixed(2)}B`;
  if (amount >= 1e6) return `$${(amount / 1e6).toFixed(1)}M`;
  return `$${Math.round(amount).toLocaleString('en-US')}`;
}

function line(reason: RunReason): string {
  if (reason.threshold === undefined || reason.effect === 'calm') return '';
  return ` (${reason.effect} from ${percent(reason.threshold)})`;
}

export function runReasonWords(reason: RunReason): string {
  const window = reason.signal === 'outflow-24h' ? '24 hours' : '7 days';
  switch (reason.signal) {
    case 'outflow-24h':
    case 'outflow-7d':
      if (reason.effect === 'unknown') return `${window}: no flow figure at most 6 hours old, so a run would go unseen.`;
      return `${window}: ${usd(reason.outflowUsd ?? 0)} out net, ${percent(reason.value ?? 0)} of the ${usd(reason.baseUsd ?? 0)} held at the start${line(reason)}.`;
    case 'own-token-fall':
      if (reason.effect === 'unknown') return `own token (${reason.symbol ?? 'none'}): no price read.`;
      return `own token ${reason.symbol ?? ''}: ${percent(reason.value ?? 0)} below its 7-day high${line(reason)}.`;
    case 'warning-list':
      return `warning list "${reason.listName ?? ''}": ${reason.title ?? ''}`;
    case 'combined':
      return 'money leaving while the own token falls: both at caution count as an alert.';
  }
}

/** The run watch's lines for `radar status` and `radar replay`. */
export function renderRun(run: RunEvaluation): string[] {
  const lines = [`Run watch: ${run.level.toUpperCase()}${run.incomplete ? ' · INCOMPLETE' : ''}`];
  for (const reason of run.reasons) {
    lines.push(`  [${reason.effect}] ${runReasonWords(reason)}`);
    const provenance = [reason.source, reason.observedAt === undefined ? undefined : `as of ${reason.observedAt}`].filter((part) => part !== undefined);
    if (provenance.length > 0) lines.push(`      ${provenance.join(', ')}`);
  }
  return lines;
}
