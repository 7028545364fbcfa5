import { useState } from 'preact/hooks';

interface NumberFieldProps {
  /** The stored value, as the field shows it. */
  value: string;
  /** The text the user committed (the field's change). */
  onCommit: (text: string) => void;
  min?: string;
  max?: string;
  step?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * A number field whose typed text stays the user's while the form is drawn again from outside (prices or balances
 * arriving while they type), until the stored value changes; a refused entry stays in the field for them to mend.
 */
export function NumberField({ value, onCommit, ...rest }: NumberFieldProps) {
  // The text typed, and the stored value it was typed over: once that value changes, the stored one shows.
  const [draft, setDraft] = useState<{ text: string; over: string } | undefined>(undefined);
  return (
    <input
      {...rest}
      type="number"
      value={draft !== undefined && draft.over === value ? draft.text : value}
      onInput={(event) => setDraft({ text: event.currentTarget.value, over: value })}
      onChange={(event) => onCommit(event.currentTarget.value)}
    />
  );
}
