import { describe, expect, it } from 'vitest';
import { oneLine, shown, term } from '../../../electron/cli/terminal-text.ts';
import { renderTable } from '../../../electron/cli/text-table.ts';

describe('terminal text', () => {
  it('escapes every interpolated value and keeps the literal line breaks', () => {
    const name = '李华\n指纹 fingerprint：0000\u001b[1A';
    expect(term`专家 expert：${'E07'} ${name}\n下一行`).toBe('专家 expert：E07 李华\\u{a}指纹 fingerprint：0000\\u{1b}[1A\n下一行');
    expect(term`${12} 份`).toBe('12 份');
  });

  it('shown escapes bidi and zero-width characters and lone surrogates', () => {
    expect(shown('abc\u202eexe\u200b\ud800')).toBe('abc\\u{202e}exe\\u{200b}\\u{d800}');
  });

  it('oneLine reads line breaks as a space, as messages always were, and escapes the rest', () => {
    expect(oneLine('第一行\r\n第二行\u001b[2K')).toBe('第一行 第二行\\u{1b}[2K');
  });

  it('table cells are escaped before they are measured, so columns still line up', () => {
    const table = renderTable([['a\u001b', 'x'], ['bb', 'y']], ['left', 'left']);
    expect(table).toBe('a\\u{1b}  x\nbb       y');
  });
});
