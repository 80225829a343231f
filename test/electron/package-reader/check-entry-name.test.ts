import { describe, expect, it } from 'vitest';
import { checkEntryName, displayName } from '../../../electron/package-reader/check-entry-name.ts';

describe('checkEntryName', () => {
  it.each([
    ['absolute', '/etc/passwd', 'entry-name-absolute'],
    ['absolute, Windows separators', '\\Windows\\x.dll', 'entry-name-absolute'],
    ['UNC path', '\\\\server\\share\\x', 'entry-name-absolute'],
    ['drive letter', 'C:/Windows/x.dll', 'entry-name-drive-letter'],
    ['drive letter, backslashes', 'c:\\x.pdf', 'entry-name-drive-letter'],
    ['drive-relative', 'D:x.pdf', 'entry-name-drive-letter'],
    ['parent folder', '../evil.pdf', 'entry-name-parent'],
    ['parent folder inside', 'pkg/../../evil.pdf', 'entry-name-parent'],
    ['parent folder with backslashes', 'pkg\\..\\..\\evil.pdf', 'entry-name-parent'],
    ['parent folder as a directory', 'pkg/../', 'entry-name-parent'],
    ['NUL', 'a.pdf\u0000.exe', 'entry-name-nul'],
    ['empty name', '', 'entry-name-invalid'],
    ['empty segment', 'a//b.pdf', 'entry-name-invalid'],
    ['dot segment', './a.pdf', 'entry-name-invalid'],
    ['line break', 'a\nb.pdf', 'entry-name-invalid'],
  ])('refuses %s: %j', (_what, name, code) => {
    const checked = checkEntryName(name);
    expect(checked).toMatchObject({ ok: false, code });
    if (!checked.ok) expect(checked.message).toMatch(/请/);
  });

  it.each([
    ['plain', '证明材料/合同1.pdf', '证明材料/合同1.pdf', false],
    ['backslashes read as /', '证明材料\\合同1.pdf', '证明材料/合同1.pdf', false],
    ['NFD made NFC', 'cafe\u0301/re\u0301sume\u0301.pdf', 'caf\u00e9/r\u00e9sum\u00e9.pdf', false],
    ['a directory', '证明材料/', '证明材料/', true],
    ['dots inside a name are fine', 'a..b/c.d.pdf', 'a..b/c.d.pdf', false],
  ])('accepts %s', (_what, name, path, isDirectory) => {
    expect(checkEntryName(name)).toEqual({ ok: true, path, isDirectory });
  });

  it('shows control characters visibly', () => {
    expect(displayName('a\u0000b')).toBe('a\\u0000b');
  });
});
