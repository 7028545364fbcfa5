/** A proof's check as the verify page shows it: the verdict, the leaf, the path up to the root, and the root. */
import type { InclusionProofResult, ProofBalances, ProofFailure, ProofFormat } from '../../lib/proofs/types';
import { formatFixed, parseJavaDecimal } from '../../lib/proofs/decimal';
import { formatCount, formatDecimal, formatList } from '../../lib/words/format';
import { pluralText } from '../../lib/words/plural';
import { proofFailureText } from '../../lib/words/proof-failure';
import { gapAfter } from '../../lib/words/punctuation';
import { useLocale, useT, type MessageKey } from '../../utils/i18n';

/**
 * Which input a failure is about: the published root typed beside the proof, the proof itself,
 * or neither (a cancelled check, a format asked for by name that does not exist, the extension's own bug).
 */
export function proofFailureFault(failure: ProofFailure): 'root' | 'proof' | undefined {
  switch (failure.code) {
    case 'root-length':
      return 'root';
    case 'cancelled':
    case 'unknown-format':
    // The extension's own bug: nothing the user could mend, so no field is marked and no download is advised.
    case 'unexpected':
      return undefined;
    default:
      return 'proof';
  }
}

const FAULT_HINTS: Record<'root' | 'proof', MessageKey> = { root: 'verifyProofFailedRootHint', proof: 'verifyProofFailedHint' };

export const FORMAT_KEYS: Record<ProofFormat, MessageKey> = {
  'okx-v1': 'verifyFormatOkx',
  bybit: 'verifyFormatBybit',
  bitget: 'verifyFormatBitget',
};

/** Zero in any of the spellings the formats use (`0`, `0.00000000`, `0E-8`). */
const isZero = (amount: string) => /^[-+]?0*\.?0*(e[-+]?\d+)?$/i.test(amount.trim());

function nonZero(balances: ProofBalances): [string, string][] {
  return Object.entries(balances).filter(([, amount]) => !isZero(amount));
}

/**
 * An amount as the reader writes numbers ("19.398,33550812" in German), every digit as the file wrote it, trailing
 * zeros too; an exponent spelling (`1.0E-7`, as Java writes small amounts) is written out first. Text that is no
 * number is shown as it is.
 */
function amountText(amount: string, locale: string): string {
  const value = parseJavaDecimal(amount.trim());
  return value === undefined ? amount : formatDecimal(formatFixed(value), locale, { keepTrailingZeros: true });
}

function Balances({ balances, testId }: { balances: ProofBalances; testId: string }) {
  const t = useT();
  const locale = useLocale();
  const shown = nonZero(balances);
  const zeros = Object.keys(balances).length - shown.length;
  return (
    <div data-testid={testId}>
      {shown.length === 0 ? (
        <p class="muted">{t('verifyAllZero')}</p>
      ) : (
        <table class="ratios">
          <thead>
            <tr>
              <th scope="col">{t('verifyAsset')}</th>
              <th scope="col" class="num">
                {t('verifyAmount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map(([asset, amount]) => (
              <tr key={asset}>
                <th scope="row">{asset}</th>
                {/* The file hashes the text as written: it stays at hand. */}
                <td class="num" title={amount}>
                  {amountText(amount, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {zeros > 0 && <p class="muted">{pluralText(zeros, { one: 'verifyZerosHiddenOne', other: 'verifyZerosHidden' }, t, locale, formatCount(zeros, locale))}</p>}
    </div>
  );
}

/** A node's non-zero sums, listed as the reader's language lists and writes numbers ("BTC 1, ETH 2,5", "BTC 1、ETH 2.5"). */
function sumsText(balances: ProofBalances, locale: string): string {
  const shown = nonZero(balances);
  return shown.length === 0
    ? '0'
    : formatList(
        shown.map(([asset, amount]) => `${asset} ${amountText(amount, locale)}`),
        locale,
        { style: 'narrow' },
      );
}

/** The same sums as the file wrote them, for the cell's title. */
const sumsAsWritten = (balances: ProofBalances) =>
  nonZero(balances)
    .map(([asset, amount]) => `${asset} ${amount}`)
    .join(', ') || '0';

export function ProofResult({ result }: { result: InclusionProofResult }) {
  const t = useT();
  const locale = useLocale();
  if (!result.ok) {
    const fault = proofFailureFault(result.failure);
    return (
      <div class="verdict verdict--danger" role="alert" data-testid="proof-verdict" data-verdict={result.cancelled ? 'cancelled' : 'failed'}>
        <p class="verdict__title">{t('verifyProofFailed')}</p>
        <p id="proof-reason" data-testid="proof-reason">
          {proofFailureText(result, t, locale)}
        </p>
        {result.step !== undefined && <p class="muted">{t('verifyProofFailedStep', formatCount(result.step, locale))}</p>}
        {fault !== undefined && (
          <p class="muted" data-testid="proof-hint">
            {t(FAULT_HINTS[fault])}
          </p>
        )}
      </div>
    );
  }
  const level = result.verdict === 'verified' ? 'ok' : result.verdict === 'root-mismatch' ? 'danger' : 'caution';
  const title: MessageKey = result.verdict === 'verified' ? 'verifyProofVerified' : result.verdict === 'root-mismatch' ? 'verifyProofMismatch' : 'verifyProofNoRoot';
  const body: MessageKey = result.verdict === 'verified' ? 'verifyProofVerifiedBody' : result.verdict === 'root-mismatch' ? 'verifyProofMismatchBody' : 'verifyProofNoRootBody';
  const detected = t('verifyProofDetected', [t(FORMAT_KEYS[result.format]), result.variant]);
  return (
    <div class="verify-result" data-testid="proof-result">
      <div class={`verdict verdict--${level}`} role="status" data-testid="proof-verdict" data-verdict={result.verdict}>
        <p class="verdict__title">{t(title)}</p>
        <p>{t(body)}</p>
        <p class="muted">
          {detected}
          {result.snapshotId !== undefined && `${gapAfter(detected, locale)}${t('verifyProofSnapshot', result.snapshotId)}`}
        </p>
      </div>

      <h3>{t('verifyLeafTitle')}</h3>
      <p class="muted">{t('verifyLeafBody')}</p>
      <p>
        {t('verifyHash')}
        {gapAfter(t('verifyHash'), locale)}
        <code class="hash" data-testid="proof-leaf-hash">
          {result.leaf.hash}
        </code>
      </p>
      <Balances balances={result.leaf.balances} testId="proof-leaf" />

      <h3>{t('verifyPathTitle')}</h3>
      <p class="muted">{t('verifyPathBody')}</p>
      <div class="table-scroll">
        <table class="path" data-testid="proof-path">
          <thead>
            <tr>
              <th scope="col">{t('verifyLevel')}</th>
              <th scope="col">{t('verifySide')}</th>
              <th scope="col">{t('verifySiblingHash')}</th>
              <th scope="col">{t('verifyComputedHash')}</th>
              <th scope="col">{t('verifySums')}</th>
            </tr>
          </thead>
          <tbody>
            {result.path.map((step) => (
              <tr key={step.index}>
                <th scope="row">{step.index}</th>
                <td>{step.siblingSide === 'left' ? t('verifySideLeft') : t('verifySideRight')}</td>
                <td>
                  <code class="hash">{step.siblingHash}</code>
                </td>
                <td>
                  <code class="hash">{step.nodeHash}</code>
                </td>
                <td class="sums" title={sumsAsWritten(step.nodeBalances)}>
                  {sumsText(step.nodeBalances, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('verifyRootTitle')}</h3>
      <dl class="roots">
        <dt>{t('verifyComputedRoot')}</dt>
        <dd>
          <code class="hash" data-testid="proof-computed-root">
            {result.computedRoot}
          </code>
        </dd>
        <dt>{t('verifyGivenRoot')}</dt>
        <dd data-testid="proof-root-match">{result.rootMatches === 'no-root-given' ? t('verifyNoRootGiven') : result.rootMatches ? t('verifyRootMatches') : t('verifyRootDiffers')}</dd>
      </dl>
      <details>
        <summary>{t('verifyRootSumsTitle')}</summary>
        <p class="muted">{t('verifyRootSumsBody')}</p>
        <Balances balances={result.rootBalances} testId="proof-root-sums" />
      </details>
    </div>
  );
}
