import { useEffect, useRef, useState } from 'preact/hooks';
import './confirm.css';

export interface InlineConfirmProps {
  /** Id of the question: it names the group for a screen reader. */
  id: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** While true the confirm button is aria-disabled and ignores presses: something else runs that it must not interleave with. */
  busy?: boolean;
  confirmTestId: string;
  cancelTestId: string;
}

/**
 * A question asked in the page, in the user's language: window.confirm draws its buttons in the browser's language,
 * and a browser may suppress it. Focus moves to the safe answer when it opens; Escape answers Cancel.
 */
export function InlineConfirm({ id, question, confirmLabel, cancelLabel, onConfirm, onCancel, busy = false, confirmTestId, cancelTestId }: InlineConfirmProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons and their question, not a form field set
    <div
      class="confirm"
      role="group"
      aria-labelledby={id}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      <p id={id}>{question}</p>
      <div class="confirm__buttons">
        <button
          type="button"
          class="danger"
          aria-disabled={busy}
          data-testid={confirmTestId}
          onClick={() => {
            if (!busy) onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" class="ghost" data-testid={cancelTestId} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}

/**
 * Whether the question is open, and the button that opened it: closing gives that button the focus back, unless
 * the answer moves the focus somewhere else itself (`close(false)`).
 */
export function useInlineConfirm() {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    opener.current?.focus();
  }, [open]);
  return {
    open,
    opener,
    ask: () => setOpen(true),
    close: (focusOpener = true) => {
      refocus.current = focusOpener;
      setOpen(false);
    },
  };
}
