import { useId, useState } from 'preact/hooks';
import { numberExample } from '../../lib/words/typed-number';
import { type MessageKey, useLocale, useT } from '../../utils/i18n';

/**
 * Why typed text was refused, as words to render in the language shown at the time: the message,
 * and whether its one parameter is how that language writes an example number.
 */
export interface NumberRefusal {
  key: MessageKey;
  example?: boolean;
}

interface NumberFieldProps {
  /** The stored value, as the field shows it. */
  value: string;
  /** The text the user committed (the field's change); returns why it is refused, or undefined when taken. */
  onCommit: (text: string) => NumberRefusal | undefined;
  /** The field's id, for a `<label for>` outside it. */
  id?: string;
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
  const t = useT();
  const locale = useLocale();
  // The text typed, the stored value it was typed over, and why it was refused: once that value changes, the
  // stored one shows, and the refusal of the text no longer shown goes with it.
  const [draft, setDraft] = useState<{ text: string; over: string; refusal?: NumberRefusal } | undefined>(undefined);
  const shown = draft !== undefined && draft.over === value ? draft : undefined;
  const refusal = shown?.refusal;
  const errorId = `${useId()}-error`;
  return (
    <>
      <input
        {...rest}
        type="text"
        inputmode="decimal"
        autoComplete="off"
        spellcheck={false}
        value={shown === undefined ? value : shown.text}
        aria-invalid={refusal !== undefined}
        aria-describedby={refusal === undefined ? undefined : errorId}
        onInput={(event) => setDraft({ text: event.currentTarget.value, over: value })}
        onChange={(event) => {
          const text = event.currentTarget.value;
          const refused = onCommit(text);
          setDraft(refused === undefined ? { text, over: value } : { text, over: value, refusal: refused });
        }}
      />
      {refusal !== undefined && (
        <span id={errorId} class="form-error holdings__field-error" role="alert" data-testid={rest['data-testid'] === undefined ? undefined : `${rest['data-testid']}-error`}>
          {refusal.example === true ? t(refusal.key, numberExample(locale)) : t(refusal.key)}
        </span>
      )}
    </>
  );
}
