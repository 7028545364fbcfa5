import type { RunEvaluation } from '../../../lib/risk/run-signals';
import { runReasonText } from '../../../lib/words/run-alert-text';
import { english } from './english';

/** The run watch's lines for `radar status` and `radar replay`: each signal in the words the extension uses (lib/words/run-alert-text.ts). */
export function renderRun(run: RunEvaluation): string[] {
  const lines = [`Run watch: ${run.level.toUpperCase()}${run.incomplete ? ' · INCOMPLETE' : ''}`];
  for (const reason of run.reasons) {
    lines.push(`  [${reason.effect}] ${runReasonText(reason, english.t, english.locale)}`);
    const provenance = [reason.source, reason.observedAt === undefined ? undefined : `as of ${reason.observedAt}`].filter((part) => part !== undefined);
    if (provenance.length > 0) lines.push(`      ${provenance.join(', ')}`);
  }
  return lines;
}
