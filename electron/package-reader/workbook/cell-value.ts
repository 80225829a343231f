/**
 * Cell values: what a person typed into a cell of the self-check workbook, read the way they
 * meant it, whatever Excel, WPS or LibreOffice made of it.
 *
 * - cell text: the text a cell shows, trimmed; `''` for an empty cell. Rich text, hyperlinks
 *   and formula results are reduced to their text (a path pasted from Explorer often arrives
 *   as a hyperlink).
 * - cell date: a calendar date `YYYY-MM-DD`. Excel stores dates as serial numbers without a
 *   time zone and exceljs hands them over as `Date` objects at UTC midnight, so the date is
 *   read from the UTC fields, never the local ones (which would shift it by a day west of UTC).
 */
import type { CellValue } from 'exceljs';

export type CellReading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

export function cellText(value: CellValue): string {
  return rawText(value).trim();
}

function rawText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : rawText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return rawText((value as { result?: CellValue }).result ?? null);
  if ('error' in value) return '';
  return '';
}

/** Integers as typed (a phone number stays 13905510000, not 1.3905510000e10). */
function numberText(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}

/** The value a formula cell shows, else the value itself. */
function resultOf(value: CellValue): CellValue {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value)) {
    return (value as { result?: CellValue }).result ?? null;
  }
  return value;
}

/** A number typed as a number, or as text such as `2.5`, `52,000` or `５２０００`. */
export function cellNumber(value: CellValue): CellReading<number> {
  const shown = resultOf(value);
  if (typeof shown === 'number' && Number.isFinite(shown)) return { ok: true, value: shown };
  const text = toHalfWidth(cellText(shown)).replace(/[,，\s]/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { ok: false };
  return { ok: true, value: Number(text) };
}

/** A whole number such as a year, also typed as `2026年`. */
export function cellWholeNumber(value: CellValue): CellReading<number> {
  const shown = resultOf(value);
  const text = typeof shown === 'number' ? numberText(shown) : toHalfWidth(cellText(shown)).replace(/\s|年$/g, '');
  if (!/^\d{1,9}$/.test(text)) return { ok: false };
  return { ok: true, value: Number(text) };
}

/**
 * A calendar date from a date cell, an Excel serial number, or text: `2026-05-12`,
 * `2026/5/12`, `2026.5.12` or `2026年5月12日`. Impossible dates (2026-02-30) are refused.
 */
export function cellDate(value: CellValue): CellReading<string> {
  const shown = resultOf(value);
  if (shown instanceof Date) {
    return Number.isNaN(shown.getTime()) ? { ok: false } : { ok: true, value: isoDate(shown) };
  }
  if (typeof shown === 'number') return serialDate(shown);
  const text = toHalfWidth(cellText(shown));
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return { ok: false };
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

// Excel's 1900 date system: serial 25569 is 1970-01-01 (serials below 61 are before Excel's
// fictitious 1900-02-29 and never a plausible date of an alliance's work).
function serialDate(serial: number): CellReading<string> {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2958465) return { ok: false };
  return { ok: true, value: isoDate(new Date((serial - 25569) * 86_400_000)) };
}

function calendarDate(year: number, month: number, day: number): CellReading<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false };
  return { ok: true, value: isoDate(date) };
}

function isoDate(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Full-width digits and punctuation, as Chinese input methods type them, to ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
