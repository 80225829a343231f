/**
 * Number-format codes as Chinese Excel and WPS write them, made into codes SheetJS's SSF engine
 * formats the same way. SSF knows the codes of English Excel; a workbook made on Chinese Windows
 * also has:
 *
 * - `aaaa` and `aaa`: the weekday in Chinese (星期日, 日). SSF would show the letters.
 * - `[$-F800]` and `[$-F400]`: "the system's long date" and "long time"; on Chinese Windows
 *   `2026年2月1日 星期日` and `14:30:00`. SSF would show the English long date.
 * - characters outside ASCII written without quotes (`¥#,##0.00`, `_ ¥* #,##0.00_ `, the
 *   accounting format of Chinese Excel): Excel shows them as they are; SSF refuses the code.
 *
 * Not handled: `[DBNum1]`–`[DBNum3]` (numbers in Chinese numerals, 二〇二六年, 壹佰贰拾叁) are
 * shown in Arabic digits; the colour of a section (`[Red]`, `[红色]`) is not shown.
 */

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The weekday (0 = Sunday) of an Excel serial date, in the workbook's date system. */
function weekday(serial: number, date1904: boolean): number {
  // Serial 46054 (1900 system) is Sunday 2026-02-01; the 1904 system counts 1462 days fewer.
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  return (((days + 6) % 7) + 7) % 7;
}

/** The code with what SSF does not know rewritten for `value`; the code itself when nothing needs it. */
export function ssfFormat(format: string, value: number, date1904: boolean): string {
  if (!/[^\x20-\x7e]|aaa|\[\$-F[48]00\]/i.test(format)) return format;
  return format
    .split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((section) => {
      // The system's long date and long time stand for a whole section.
      if (/\[\$-F800\]/i.test(section)) return 'yyyy"年"m"月"d"日　"aaaa'.replace('aaaa', `"星期${WEEKDAYS[weekday(value, date1904)]}"`);
      if (/\[\$-F400\]/i.test(section)) return 'h:mm:ss';
      return rewriteSection(section, value, date1904);
    })
    .join(';');
}

function rewriteSection(section: string, value: number, date1904: boolean): string {
  let out = '';
  for (let i = 0; i < section.length; i += 1) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end === -1 ? section.length : end + 1;
      out += section.slice(i, stop);
      i = stop - 1;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const stop = end === -1 ? section.length : end + 1;
      out += section.slice(i, stop);
      i = stop - 1;
    } else if (ch === '\\') {
      out += section.slice(i, i + 2);
      i += 1;
    } else if (ch === '_' || ch === '*') {
      // `_x` leaves the width of x, `*x` fills with x: a space in either case here.
      out += `${ch} `;
      i += 1;
    } else if (section.startsWith('aaa', i)) {
      let n = 3;
      while (section[i + n] === 'a') n += 1;
      const day = WEEKDAYS[weekday(value, date1904)]!;
      out += `"${n >= 4 ? `星期${day}` : day}"`;
      i += n - 1;
    } else if (section.startsWith('上午/下午', i)) {
      // SSF knows this one: Chinese Excel's AM/PM.
      out += '上午/下午';
      i += 4;
    } else if (ch.charCodeAt(0) > 0x7e) {
      out += `"${ch}"`;
    } else out += ch;
  }
  return out;
}
