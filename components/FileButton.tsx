import { useRef } from 'preact/hooks';

export interface FileButtonProps {
  label: string;
  accept: string;
  /** While true the button is aria-disabled and ignores presses: a disabled button would drop the keyboard focus. */
  busy?: boolean;
  onFile: (file: File) => void;
  buttonTestId: string;
  inputTestId: string;
}

/**
 * A file chooser in the user's language. The browser's own file control speaks the browser's language, so it stays
 * hidden behind a button that speaks the user's.
 */
export function FileButton({ label, accept, busy = false, onFile, buttonTestId, inputTestId }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        class="ghost"
        aria-disabled={busy}
        onClick={() => {
          if (!busy) input.current?.click();
        }}
        data-testid={buttonTestId}
      >
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        class="visually-hidden"
        tabIndex={-1}
        // The button beside it is the way in; without this, a screen reader meets the same control twice.
        aria-hidden="true"
        aria-label={label}
        data-testid={inputTestId}
        onChange={(event) => {
          const element = event.currentTarget as HTMLInputElement;
          const chosen = element.files?.[0];
          // Lets the same file be chosen again after an edit.
          element.value = '';
          if (chosen !== undefined && !busy) onFile(chosen);
        }}
      />
    </>
  );
}
