import { useRef, useState } from 'preact/hooks';
import { PROOF_MAX_CHARS } from '../../lib/proofs/input';
import { proofFormats, type InclusionProofResult, type ProofFormat } from '../../lib/proofs/types';
import { formatByteSize, formatCount } from '../../lib/words/format';
import { pluralText } from '../../lib/words/plural';
import { joiners } from '../../lib/words/punctuation';
import { useLocale, useT } from '../../utils/i18n';
import { FileButton } from '../FileButton';
import { FORMAT_KEYS, ProofResult, proofFailureFault } from './ProofResult';

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

type Source = { kind: 'text' } | { kind: 'pasted'; text: string } | { kind: 'file'; name: string; bytes: Uint8Array };

/**
 * A paste this long is taken like a dropped file, not put into the text box: laying out
 * megabytes of text in a textarea held the page for a third of a second and more, and nobody
 * reads a proof that long on screen.
 */
const LARGE_PASTE_CHARS = 100_000;

type State = { kind: 'idle' } | { kind: 'checking' } | { kind: 'input-error'; message: string } | { kind: 'done'; result: InclusionProofResult };

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

  /**
   * Any edit of the proof, the root or the format drops the check still running and takes a finished verdict (or
   * error) away: both are about the input before, and a "Verified" must never stand under a root or proof it did not check.
   */
  const newInput = () => {
    request.current += 1;
    setState({ kind: 'idle' });
  };

  // The field a failed check is about is marked invalid and points at the reason shown below (until any edit).
  const fault = state.kind === 'done' && !state.result.ok ? proofFailureFault(state.result.failure) : undefined;
  const proofAtFault = fault === 'proof' && source.kind === 'text';
  // Which input a check would read; none yet while the text box is empty and no file was given.
  const sourceLine =
    source.kind === 'file'
      ? pluralText(source.bytes.byteLength, { one: 'verifyProofFromFileOne', other: 'verifyProofFromFile' }, t, locale, [source.name, formatCount(source.bytes.byteLength, locale)])
      : source.kind === 'pasted'
        ? t('verifyProofFromPaste', formatByteSize(source.text.length, locale))
        : text.trim() === ''
          ? undefined
          : t('verifyProofFromText');
  const proofDescribedBy = [proofAtFault ? 'proof-reason' : '', sourceLine === undefined ? '' : 'proof-source'].filter((id) => id !== '').join(' ');

  const takeFile = async (file: File | undefined) => {
    if (file === undefined) return;
    request.current += 1;
    const mine = request.current;
    // Checked before reading, so a huge drop never reaches memory.
    if (file.size > PROOF_MAX_CHARS) {
      setState({ kind: 'input-error', message: t('verifyProofTooLarge', [file.name, formatByteSize(PROOF_MAX_CHARS, locale)]) });
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
          aria-describedby={proofDescribedBy === '' ? undefined : proofDescribedBy}
          aria-invalid={proofAtFault ? true : undefined}
          onInput={(event) => {
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
              setState({ kind: 'input-error', message: t('verifyProofPasteTooLarge', formatByteSize(PROOF_MAX_CHARS, locale)) });
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
          <span>{t('verifyProofDrop')}</span>
          {joiners(locale).sentence}
          <FileButton label={t('verifyProofChoose')} accept=".json,application/json,text/plain" buttonTestId="proof-choose" inputTestId="proof-file" onFile={(chosen) => void takeFile(chosen)} />
        </div>
        {sourceLine !== undefined && (
          <p id="proof-source" class="muted" data-testid="proof-source">
            {sourceLine}
          </p>
        )}

        <div class="verify-row">
          <label>
            <span>{t('verifyProofFormat')}</span>
            <select
              value={format}
              onChange={(event) => {
                setFormat((event.currentTarget as HTMLSelectElement).value as ProofFormat | 'auto');
                newInput();
              }}
              data-testid="proof-format"
            >
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
                setRoot((event.currentTarget as HTMLInputElement).value);
                newInput();
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
