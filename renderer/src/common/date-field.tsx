/**
 * Date field: a date typed as the bureau writes it (2026-12-01 or 2026年12月1日), shown the same
 * way on every system, with a calendar one click away (日历).
 *
 * The calendar is the page's own, not Chromium's `<input type="date">` picker: that picker shows
 * the system's format and language (12/01/2026, English month names on an English Windows),
 * opens outside the page (in headless Chromium it opens unseen and takes only keys, so no test
 * can pick a day with the mouse) and cannot be told to start weeks on Monday. Ours is a dialog
 * with a grid of days (the WAI-ARIA date picker pattern): arrows move a day or a week, PageUp /
 * PageDown a month (with Shift a year), Home / End the week's Monday / Sunday, Enter or a click
 * picks, Escape or a click outside closes without changing anything.
 *
 * The parent holds `YYYY-MM-DD`; while the typed text reads as no date, `onChange` gets the text
 * as typed (main refuses it) and the field says how to write it.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { parseDateText } from '../../../shared/format/date-text.ts';
import { addDays, addMonths, dayWords, endOfWeek, monthGrid, startOfWeek, todayIso, yearMonthOf } from './calendar-month.ts';
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
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
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
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  // Stable, so the calendar's listener for clicks outside is added once, not at every key.
  const closeQuietly = useCallback(() => setOpen(false), []);
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
      <button
        ref={opener}
        type="button"
        className="secondary small"
        onClick={() => setOpen((o) => !o)}
        disabled={disabled}
        aria-haspopup="dialog"
        aria-expanded={open}
        // Named by its text, not "…选择签字日期": a name holding the field's would be found as the field.
        title={`在日历中选择${label}`}
      >
        日历
      </button>
      {open && (
        <Calendar
          label={label}
          chosen={read?.ok === true ? read.iso : null}
          onPick={(iso) => {
            type(iso);
            close();
          }}
          onClose={close}
          onOutside={closeQuietly}
        />
      )}
      <span id={hintId} className={read?.ok === false ? 'date-hint error' : 'date-hint'} role={read?.ok === false ? 'alert' : undefined}>
        {read?.ok === false ? read.message : ''}
      </span>
    </span>
  );
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'] as const;

interface CalendarProps {
  readonly label: string;
  /** The field's date, marked in the grid; the calendar opens on it, or on today. */
  readonly chosen: string | null;
  readonly onPick: (iso: string) => void;
  readonly onClose: () => void;
  /** A click elsewhere on the page: closed, focus left where the click put it. */
  readonly onOutside: () => void;
}

function Calendar({ label, chosen, onPick, onClose, onOutside }: CalendarProps) {
  const today = todayIso(new Date());
  const [focused, setFocused] = useState(chosen ?? today);
  const box = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  const titleId = useId();
  const { year, month } = yearMonthOf(focused);

  // The focused day takes the keyboard focus, and the whole calendar is scrolled into view
  // (near the bottom of a small window it would otherwise open below the fold).
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`button[data-day="${focused}"]`)?.focus({ preventScroll: true });
  }, [focused]);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
    const outside = (event: PointerEvent) => {
      if (event.target instanceof Node && box.current?.parentElement?.contains(event.target) !== true) onOutside();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [onOutside]);

  const keys = (event: KeyboardEvent) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      PageUp: () => addMonths(focused, event.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focused, event.shiftKey ? 12 : 1),
      Home: () => startOfWeek(focused),
      End: () => endOfWeek(focused),
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      setFocused(move());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div ref={box} className="date-calendar" role="dialog" aria-modal="false" aria-labelledby={titleId} onKeyDown={keys}>
      <div className="date-calendar-head">
        <button type="button" className="secondary small" onClick={() => setFocused(addMonths(focused, -1))} aria-label="上一个月">
          ‹
        </button>
        <h3 id={titleId} aria-live="polite">
          <span className="visually-hidden">选择{label}：</span>
          {year} 年 {month} 月
        </h3>
        <button type="button" className="secondary small" onClick={() => setFocused(addMonths(focused, 1))} aria-label="下一个月">
          ›
        </button>
      </div>
      <table ref={grid} role="grid" aria-labelledby={titleId}>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col" abbr={`星期${d}`}>
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(year, month).map((week) => (
            <tr key={week[0]?.iso}>
              {week.map((day) => (
                <td key={day.iso} aria-selected={day.iso === chosen}>
                  <button
                    type="button"
                    data-day={day.iso}
                    tabIndex={day.iso === focused ? 0 : -1}
                    className={[day.inMonth ? '' : 'other-month', day.iso === chosen ? 'chosen' : '', day.iso === today ? 'today' : ''].join(' ').trim() || undefined}
                    aria-label={`${dayWords(day.iso)}${day.iso === today ? '（今天）' : ''}`}
                    aria-current={day.iso === today ? 'date' : undefined}
                    onClick={() => onPick(day.iso)}
                  >
                    {day.day}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="date-calendar-foot">
        <button type="button" className="secondary small" onClick={() => onPick(today)}>
          今天
        </button>
        <button type="button" className="secondary small" onClick={onClose}>
          关闭
        </button>
      </div>
    </div>
  );
}
