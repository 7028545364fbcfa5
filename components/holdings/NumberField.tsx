import { useId, useState } from 'preact/hooks';

interface NumberFieldProps {
  /** The stored value, as the field shows it. */
  value: string;
  /** The text the user committed (the field's change); returns the sentence refusing it, or undefined when taken. */
  onCommit: (text: string) => string | undefined;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * A number field whose typed text stays the user's while the form is drawn again from outside (prices or balances
 * arriving while they type), until the stored value changes; a refused entry stays in the field for them to mend,
 * with the refusal tied to the field (aria-invalid, aria-describedby).
 *
 * A text field, not `type="number"`: a number field reads the text by the browser's language and hands the page
 * another number ("1,5" → 15) or an empty value for text it cannot read, so the page could not tell a typo from
 * an emptied field. `inputmode="decimal"` still brings up a number keypad on touch screens.
 */
export function NumberField({ value, onCommit, ...rest }: NumberFieldProps) {
  // The text typed, and the stored value it was typed over: once that value changes, the stored one shows.
  const [draft, setDraft] = useState<{ text: string; over: string } | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const errorId = `${useId()}-error`;
  return (
    <>
      <input
        {...rest}
        type="text"
        inputmode="decimal"
        autoComplete="off"
        spellcheck={false}
        value={draft !== undefined && draft.over === value ? draft.text : value}
        aria-invalid={refusal !== undefined}
        aria-describedby={refusal === undefined ? undefined : errorId}
        onInput={(event) => {
          setDraft({ text: event.currentTarget.value, over: value });
          setRefusal(undefined);
        }}
        onChange={(event) => setRefusal(onCommit(event.currentTarget.value))}
      />
      {refusal !== undefined && (
        <span id={errorId} class="form-error holdings__field-error" role="alert" data-testid={rest['data-testid'] === undefined ? undefined : `${rest['data-testid']}-error`}>
          {refusal}
        </span>
      )}
    </>
  );
}
