/**
 * Entry name safety: whether a decoded zip entry name or folder file name may become a
 * package path. An unsafe name is one that, unpacked, would land outside the package (zip
 * slip) or that cannot name one file unambiguously (package-format.md: "absolute, drive
 * letter, `..`, NUL"; links are refused from the entry's attributes, not its name).
 *
 * The name is first normalised (backslash read as `/`, NFC), so `..\..\x` and a full-width
 * NFD variant are caught as what they mean, not as what their bytes look like.
 *
 * A safe name must also be one every expert's laptop can hold and show as what it is: no C0
 * or C1 control characters, no bidirectional overrides or invisible (default-ignorable)
 * characters, which let `合同\u202Efdp.exe` pass for a PDF or two names look the same; and,
 * segment by segment, nothing Windows refuses (device names such as `CON` or `NUL.pdf`,
 * `< > : " | ? *`, a trailing dot or space), since a package that imports here must unpack
 * from the meeting file on any laptop. Case twins are a property of the whole package, not of
 * one name: see case-twins.ts.
 */
import { normalizePackagePath } from '../../shared/package/package-path.ts';
import type { ReaderErrorCode } from '../../shared/package/problem.ts';

export type CheckedName =
  | { readonly ok: true; readonly path: string; readonly isDirectory: boolean }
  | { readonly ok: false; readonly code: ReaderErrorCode; readonly message: string };

/**
 * A name as it can be printed: control characters (NUL above all), bidi controls and
 * invisible characters made visible, so the clerk sees what is wrong with it.
 */
export function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex -- making control characters visible is the point
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/gu, (c) =>
    `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

const REPACK = '请把联盟的资料放进一个普通文件夹，用系统自带的“压缩”功能重新打包后再提交。';

/** Windows device names: reserved with any extension (`NUL.pdf`), in any case. */
const windowsDeviceName = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/i;
const windowsForbidden = /[<>:"|?*]/;

/** Why Windows cannot hold a file or folder named `segment`, or null. */
function windowsProblem(segment: string): string | null {
  // Windows compares the part before the first dot, ignoring trailing spaces ("CON .txt").
  const stem = segment.split('.')[0]?.trimEnd() ?? '';
  if (windowsDeviceName.test(stem)) return `“${segment}”是 Windows 保留的设备名，Windows 电脑上无法保存名为“${stem}”的文件或文件夹`;
  const bad = windowsForbidden.exec(segment);
  if (bad !== null) return `“${segment}”含有字符“${bad[0]}”，Windows 不允许文件名中出现 < > : " | ? *`;
  if (segment.endsWith('.') || segment.endsWith(' ')) return `“${segment}”以点或空格结尾，Windows 会自动去掉它，文件名就变了`;
  return null;
}

// Bidi controls (U+202E makes "fdp.exe" read backwards) and default-ignorable code points
// (zero-width spaces and joiners, BOM, variation selectors, soft hyphen, Hangul fillers):
// invisible, so they let a name pass for another or for a different type.
const invisible = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/u;
// C0, DEL, C1, and the line and paragraph separators.
// eslint-disable-next-line no-control-regex -- detecting control characters is the point
const control = /[\u0001-\u001f\u007f-\u009f\u2028\u2029]/;

function codePoint(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

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
  if (control.test(name)) {
    return {
      ok: false,
      code: 'entry-name-invalid',
      message: `文件名中含有换行符等控制字符，Windows 上无法使用这样的文件名。${REPACK}`,
    };
  }
  const hidden = invisible.exec(name);
  if (hidden !== null) {
    return {
      ok: false,
      code: 'entry-name-invisible',
      message: `文件名中含有看不见的字符（${codePoint(hidden[0])}，如零宽字符或改变文字方向的控制符），它会让文件名看起来像另一个名字或另一种文件类型。请把这个文件重新命名（手动输入文件名，不要复制粘贴）后重新打包。`,
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
  for (const segment of segments) {
    const why = windowsProblem(segment);
    if (why !== null) {
      return {
        ok: false,
        code: 'entry-name-windows',
        message: `${why}，会议包在专家的 Windows 电脑上将无法解开。请把它改名（只用中文、字母、数字、“-”“_”和点，不以点或空格结尾）后重新打包。`,
      };
    }
  }
  return { ok: true, path: name, isDirectory };
}
