/**
 * Entry name safety: whether a decoded zip entry name or folder file name may become a
 * package path. An unsafe name is one that, unpacked, would land outside the package (zip
 * slip) or that cannot name one file unambiguously (package-format.md: "absolute, drive
 * letter, `..`, NUL"; links are refused from the entry's attributes, not its name).
 *
 * The name is first normalised (backslash read as `/`, NFC), so `..\..\x` and a full-width
 * NFD variant are caught as what they mean, not as what their bytes look like.
 */
import { normalizePackagePath } from '../../shared/package/package-path.ts';
import type { ReaderErrorCode } from '../../shared/package/problem.ts';

export type CheckedName =
  | { readonly ok: true; readonly path: string; readonly isDirectory: boolean }
  | { readonly ok: false; readonly code: ReaderErrorCode; readonly message: string };

/** A name as it can be printed: control characters (NUL above all) made visible. */
export function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex -- making control characters visible is the point
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const REPACK = '请把联盟的资料放进一个普通文件夹，用系统自带的“压缩”功能重新打包后再提交。';

export function checkEntryName(decoded: string): CheckedName {
  const name = normalizePackagePath(decoded);
  if (name.includes('\u0000')) {
    return { ok: false, code: 'entry-name-nul', message: `文件名中含有空字符（NUL），这不是正常工具生成的文件名。${REPACK}` };
  }
  if (name.startsWith('/')) {
    return {
      ok: false,
      code: 'entry-name-absolute',
      message: `文件名是绝对路径（以“/”或“\\”开头），解压时会写到包以外的位置，为安全起见拒绝导入。${REPACK}`,
    };
  }
  if (/^[A-Za-z]:/.test(name)) {
    return {
      ok: false,
      code: 'entry-name-drive-letter',
      message: `文件名带有盘符（如“C:”），解压时会写到包以外的位置，为安全起见拒绝导入。${REPACK}`,
    };
  }
  // Windows forbids control characters in names, and a line break would let one path pass
  // for two lines of the package digest.
  // eslint-disable-next-line no-control-regex -- detecting control characters is the point
  if (/[\u0001-\u001f\u007f]/.test(name)) {
    return {
      ok: false,
      code: 'entry-name-invalid',
      message: `文件名中含有换行符等控制字符，Windows 上无法使用这样的文件名。${REPACK}`,
    };
  }
  const isDirectory = name.endsWith('/');
  const segments = (isDirectory ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) {
    return {
      ok: false,
      code: 'entry-name-parent',
      message: `文件名含有“..”（上级目录），解压时会写到包以外的位置，为安全起见拒绝导入。${REPACK}`,
    };
  }
  if (segments.some((s) => s === '' || s === '.')) {
    return {
      ok: false,
      code: 'entry-name-invalid',
      message: `文件名为空，或含有空的或“.”的目录层级（如“a//b”“./a”），无法确定它是哪个文件。${REPACK}`,
    };
  }
  return { ok: true, path: name, isDirectory };
}
