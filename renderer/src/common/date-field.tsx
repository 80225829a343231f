/**
 * Date field: a date typed as the bureau writes it (2026-12-01 or 2026年12月1日), shown the same
 * way on every system. Chromium's own `<input type="date">` shows the system's format
 * (12/01/2026 on an English Windows) and takes keystrokes in that order, so the field is text,
 * read by `parseDateText`, with the calendar still one click away: 日历 opens the native picker,
 * whose choice is written back here as 2026-12-01.
 *
 * The parent holds `YYYY-MM-DD`; while the typed text reads as no date, `onChange` gets the text
 * as typed (main refuses it) and the field says how to write it.
 */
import { useId, useRef, useState } from 'react';
import { parseDateText } from '../../../shared/format/date-text.ts';
import './date-field.css';

interface DateFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The field's accessible name (the label people see is the parent's). */
  readonly label: string;
  readonly disabled?: boolean;
}

export function DateField({ value, onChange, label, disabled = false }: DateFieldProps) {
  const [text, setText] = useState(value);
  // The value this field last handed to the parent, or was given.
  const [known, setKnown] = useState(value);
  const picker = useRef<HTMLInputElement>(null);
  const hintId = useId();
  // A value set from outside (a draft loaded, a form reset) replaces what was typed.
  if (value !== known) {
    setKnown(value);
    setText(value);
  }
  const read = text.trim() === '' ? null : parseDateText(text);
  const type = (typed: string) => {
    setText(typed);
    const next = parseDateText(typed);
    const emitted = next.ok ? next.iso : typed;
    setKnown(emitted);
    onChange(emitted);
  };
  const canPick = typeof HTMLInputElement !== 'undefined' && 'showPicker' in HTMLInputElement.prototype;
  return (
    <span className="date-field">
      <input
        value={text}
        onChange={(e) => type(e.target.value)}
        onBlur={() => read?.ok === true && read.iso !== text && setText(read.iso)}
        placeholder="如 2026-12-01"
        aria-label={label}
        aria-describedby={hintId}
        aria-invalid={read?.ok === false}
        inputMode="numeric"
        disabled={disabled}
        className="date-text"
      />
      {canPick && (
        <>
          <button type="button" className="secondary small" onClick={() => picker.current?.showPicker()} disabled={disabled} aria-label="打开日历" title={`在日历中选择${label}`}>
            日历
          </button>
          <input
            ref={picker}
            type="date"
            tabIndex={-1}
            aria-hidden="true"
            className="date-picker-anchor"
            value={read?.ok === true ? read.iso : ''}
            onChange={(e) => e.target.value !== '' && type(e.target.value)}
          />
        </>
      )}
      <span id={hintId} className={read?.ok === false ? 'date-hint error' : 'date-hint'} role={read?.ok === false ? 'alert' : undefined}>
        {read?.ok === false ? read.message : ''}
      </span>
    </span>
  );
}
