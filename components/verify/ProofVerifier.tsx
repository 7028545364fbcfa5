import { useRef, useState } from 'preact/hooks';
import { PROOF_MAX_CHARS } from '../../lib/proofs/input';
import { proofFormats, type InclusionProofResult, type ProofBalances, type ProofFailure, type ProofFormat } from '../../lib/proofs/types';
import { formatCount, formatList } from '../../lib/words/format';
import { proofFailureText } from '../../lib/words/proof-failure';
import { useLocale, useT, type MessageKey } from '../../utils/i18n';
import { FileButton } from '../FileButton';

/** What the page hands the verifier: the text or bytes exactly as the user gave them. */
export interface ProofInput {
  file: string | Uint8Array;
  format?: ProofFormat;
  expectedRoot?: string;
}

export interface ProofVerifierProps {
  /** Runs the check locally (the entrypoint passes `verifyInclusionProof`). Must never reject. */
  onVerify: (input: ProofInput) => Promise<InclusionProofResult>;
}

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

const FORMAT_KEYS: Record<ProofFormat, MessageKey> = {
  'okx-v1': 'verifyFormatOkx',
  bybit: 'verifyFormatBybit',
  bitget: 'verifyFormatBitget',
};

type Source = { kind: 'text' } | { kind: 'pasted'; text: string } | { kind: 'file'; name: string; bytes: Uint8Array };

/**
 * A paste this long is taken like a dropped file, not put into the text box: laying out
 * megabytes of text in a textarea held the page for a third of a second and more, and nobody
 * reads a proof that long on screen.
 */
const LARGE_PASTE_CHARS = 100_000;

type State = { kind: 'idle' } | { kind: 'checking' } | { kind: 'input-error'; message: string } | { kind: 'done'; result: InclusionProofResult };

/** Zero in any of the spellings the formats use (`0`, `0.00000000`, `0E-8`). */
const isZero = (amount: string) => /^[-+]?0*\.?0*(e[-+]?\d+)?$/i.test(amount.trim());

function nonZero(balances: ProofBalances): [string, string][] {
  return Object.entries(balances).filter(([, amount]) => !isZero(amount));
}

export function ProofVerifier({ onVerify }: ProofVerifierProps) {
  const t = useT();
  const locale = useLocale();
  const [text, setText] = useState('');
  const [source, setSource] = useState<Source>({ kind: 'text' });
  const [format, setFormat] = useState<ProofFormat | 'auto'>('auto');
  const [root, setRoot] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);

  // Each input and each check takes a number; an answer for an older number is dropped, so a
  // verdict only ever shows under the input it is about.
  const request = useRef(0);

  /** `fresh`: new input, checked even while an older check runs; a second press of Verify is not. */
  const verify = async (input: Source = source, fresh = false) => {
    // The button is aria-disabled while checking (a disabled one would drop the keyboard focus): a press then does nothing.
    if (!fresh && state.kind === 'checking') return;
    request.current += 1;
    const mine = request.current;
    const file = input.kind === 'file' ? input.bytes : input.kind === 'pasted' ? input.text : text;
    if (typeof file === 'string' && file.trim() === '') {
      setState({ kind: 'input-error', message: t('verifyProofEmpty') });
      return;
    }
    setState({ kind: 'checking' });
    let result: InclusionProofResult;
    try {
      result = await onVerify({ file, ...(format === 'auto' ? {} : { format }), ...(root.trim() === '' ? {} : { expectedRoot: root.trim() }) });
    } catch {
      // The verifier promises not to throw; if it ever does, the answer is still "not verified".
      result = { ok: false, failure: { code: 'unexpected' } };
    }
    if (mine === request.current) setState({ kind: 'done', result });
  };

  /** New input drops any check still running: its answer would be about the input before. */
  const newInput = () => {
    request.current += 1;
    setState((current) => (current.kind === 'checking' ? { kind: 'idle' } : current));
  };

  // The field a failed check is about is marked invalid and points at the reason shown below, until the user edits
  // that field: `mended` is the result whose marked field has been edited since.
  const [mended, setMended] = useState<InclusionProofResult | undefined>(undefined);
  const fault = state.kind === 'done' && !state.result.ok && state.result !== mended ? proofFailureFault(state.result.failure) : undefined;
  const mend = (field: 'root' | 'proof') => {
    if (fault === field && state.kind === 'done') setMended(state.result);
  };
  const proofAtFault = fault === 'proof' && source.kind === 'text';

  const takeFile = async (file: File | undefined) => {
    if (file === undefined) return;
    request.current += 1;
    const mine = request.current;
    // Checked before reading, so a huge drop never reaches memory.
    if (file.size > PROOF_MAX_CHARS) {
      setState({ kind: 'input-error', message: t('verifyProofTooLarge', [file.name, formatCount(PROOF_MAX_CHARS / 1_000_000, locale)]) });
      return;
    }
    try {
      const next: Source = { kind: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      // A file chosen after this one, read sooner, stays.
      if (mine !== request.current) return;
      setSource(next);
      setText('');
      await verify(next, true);
    } catch {
      if (mine === request.current) setState({ kind: 'input-error', message: t('verifyProofUnreadable', file.name) });
    }
  };

  return (
    <section class="verify-section" aria-labelledby="proof-title" data-testid="proof-section">
      <h2 id="proof-title">{t('verifyProofTitle')}</h2>
      <p>{t('verifyProofIntro')}</p>
      <details class="verify-explain">
        <summary>{t('verifyProofWhatSummary')}</summary>
        <p>{t('verifyProofProves')}</p>
        <p>{t('verifyProofDoesNotProve')}</p>
        <p>{t('verifyProofLocal')}</p>
      </details>

      <form
        class="verify-form"
        onSubmit={(event) => {
          event.preventDefault();
          void verify();
        }}
      >
        <label for="proof-text">{t('verifyProofPasteLabel')}</label>
        <textarea
          id="proof-text"
          rows={8}
          spellcheck={false}
          value={text}
          data-testid="proof-text"
          aria-describedby={proofAtFault ? 'proof-reason proof-source' : 'proof-source'}
          aria-invalid={proofAtFault ? true : undefined}
          onInput={(event) => {
            mend('proof');
            setText((event.currentTarget as HTMLTextAreaElement).value);
            setSource({ kind: 'text' });
            newInput();
          }}
          onPaste={(event) => {
            const pasted = event.clipboardData?.getData('text/plain') ?? '';
            if (pasted.length < LARGE_PASTE_CHARS) return;
            event.preventDefault();
            newInput();
            if (pasted.length > PROOF_MAX_CHARS) {
              setState({ kind: 'input-error', message: t('verifyProofPasteTooLarge', formatCount(PROOF_MAX_CHARS / 1_000_000, locale)) });
              return;
            }
            setText('');
            setSource({ kind: 'pasted', text: pasted });
            setState({ kind: 'idle' });
          }}
        />
        {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone takes dragged files; the file input beside it is the keyboard way */}
        <div
          class={`dropzone${dragging ? ' dropzone--over' : ''}`}
          data-testid="proof-dropzone"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            void takeFile(event.dataTransfer?.files[0]);
          }}
        >
          <span>{t('verifyProofDrop')}</span>{' '}
          <FileButton label={t('verifyProofChoose')} accept=".json,application/json,text/plain" buttonTestId="proof-choose" inputTestId="proof-file" onFile={(chosen) => void takeFile(chosen)} />
        </div>
        <p id="proof-source" class="muted" data-testid="proof-source">
          {source.kind === 'file'
            ? t('verifyProofFromFile', [source.name, formatCount(source.bytes.byteLength, locale)])
            : source.kind === 'pasted'
              ? t('verifyProofFromPaste', formatCount(Math.round(source.text.length / 100_000) / 10, locale))
              : t('verifyProofFromText')}
        </p>

        <div class="verify-row">
          <label>
            <span>{t('verifyProofFormat')}</span>
            <select value={format} onChange={(event) => setFormat((event.currentTarget as HTMLSelectElement).value as ProofFormat | 'auto')} data-testid="proof-format">
              <option value="auto">{t('verifyFormatAuto')}</option>
              {proofFormats.map((value) => (
                <option key={value} value={value}>
                  {t(FORMAT_KEYS[value])}
                </option>
              ))}
            </select>
          </label>
          <label class="verify-grow">
            <span>{t('verifyProofRootLabel')}</span>
            <input
              type="text"
              spellcheck={false}
              autocomplete="off"
              value={root}
              aria-describedby={fault === 'root' ? 'proof-reason proof-root-help' : 'proof-root-help'}
              aria-invalid={fault === 'root' ? true : undefined}
              data-testid="proof-root"
              onInput={(event) => {
                mend('root');
                setRoot((event.currentTarget as HTMLInputElement).value);
              }}
            />
          </label>
        </div>
        <p id="proof-root-help" class="muted">
          {t('verifyProofRootHelp')}
        </p>
        <button type="submit" class="primary" aria-disabled={state.kind === 'checking'} data-testid="proof-verify">
          {state.kind === 'checking' ? t('verifyChecking') : t('verifyProofButton')}
        </button>
      </form>

      <div aria-live="polite" data-testid="proof-result-region">
        {state.kind === 'input-error' && (
          <p class="card__alert" role="alert" data-testid="proof-error">
            {state.message}
          </p>
        )}
        {state.kind === 'done' && <ProofResult result={state.result} />}
      </div>
    </section>
  );
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
                <td>{amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {zeros > 0 && <p class="muted">{t('verifyZerosHidden', formatCount(zeros, locale))}</p>}
    </div>
  );
}

/** A node's non-zero sums, listed as the reader's language lists ("BTC 1, ETH 2", "BTC 1、ETH 2"). */
function sumsText(balances: ProofBalances, locale: string): string {
  const shown = nonZero(balances);
  return shown.length === 0
    ? '0'
    : formatList(
        shown.map(([asset, amount]) => `${asset} ${amount}`),
        locale,
        { style: 'narrow' },
      );
}

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
  return (
    <div class="verify-result" data-testid="proof-result">
      <div class={`verdict verdict--${level}`} role="status" data-testid="proof-verdict" data-verdict={result.verdict}>
        <p class="verdict__title">{t(title)}</p>
        <p>{t(body)}</p>
        <p class="muted">
          {t('verifyProofDetected', [t(FORMAT_KEYS[result.format]), result.variant])}
          {result.snapshotId !== undefined && ` ${t('verifyProofSnapshot', result.snapshotId)}`}
        </p>
      </div>

      <h3>{t('verifyLeafTitle')}</h3>
      <p class="muted">{t('verifyLeafBody')}</p>
      <p>
        {t('verifyHash')}{' '}
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
                <td class="sums">{sumsText(step.nodeBalances, locale)}</td>
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
