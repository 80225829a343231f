/**
 * Judged value input: a value in [0, max] in steps of 0.1 (rubric.md decision 6). Typed, or
 * stepped with ↑/↓ by exactly one tenth (counted in tenths, so 0.1 + 0.2 is 0.3); Enter saves,
 * Esc gives up. What is saved is shown by the row from the stored state.
 * Full-width digits from a Chinese IME are read as digits (judged-value.ts).
 */
import { forwardRef, useRef, useState, type KeyboardEvent } from 'react';
import { parseTenths } from './judged-value.ts';

export interface JudgedInputProps {
  readonly max: number;
  readonly stored: string | null;
  readonly disabled: boolean;
  readonly label: string;
  readonly onSave: (value: number) => void;
  /** The box gives the keyboard back; `saved` when Enter sent a value (the list then moves on). */
  readonly onLeave: (saved: boolean) => void;
}

export const JudgedInput = forwardRef<HTMLInputElement, JudgedInputProps>(function JudgedInput(
  { max, stored, disabled, label, onSave, onLeave },
  ref,
) {
  const [draft, setDraft] = useState<string | null>(null);
  // Enter saves and then leaves the box, which blurs it: the blur must not send it again.
  const sent = useRef<string | null>(null);
  const text = draft ?? stored ?? '';
  const tenths = parseTenths(text);
  const maxTenths = Math.round(max * 10);
  const invalid = text.trim() !== '' && (tenths === null || tenths > maxTenths);

  const save = (): boolean => {
    if (draft === null || sent.current === draft) return false;
    if (tenths === null || tenths > maxTenths) return false;
    sent.current = draft;
    onSave(tenths / 10);
    setDraft(null);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const base = tenths ?? 0;
      const next = Math.min(maxTenths, Math.max(0, base + (event.key === 'ArrowUp' ? 1 : -1)));
      sent.current = null;
      setDraft((next / 10).toFixed(1).replace(/\.0$/, ''));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // An invalid value keeps the box open with what was typed, and its warning.
      if (invalid) return;
      onLeave(save());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDraft(null);
      onLeave(false);
    }
  };

  return (
    <span className="judged-input">
      <input
        ref={ref}
        value={text}
        disabled={disabled}
        inputMode="decimal"
        aria-label={`${label}（0–${max}）`}
        aria-invalid={invalid}
        size={4}
        placeholder="0–2.5"
        onChange={(e) => {
          sent.current = null;
          setDraft(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => void save()}
      />
      <span className="muted"> / {max}</span>
      {invalid && <span className="field-warning"> 0–{max}，最多一位小数</span>}
    </span>
  );
});
