/**
 * What the expert is told when a PDF cannot be shown: pdf.js' errors (English, for developers)
 * and our own checks of the bytes, turned into Chinese that says what happened to the file and
 * what the expert can do about it. No pdf.js text is ever shown: an unknown error gets the
 * general message.
 *
 * - problem: the kind of failure, from the error's name (pdf.js' exception classes are not
 *   shared with this module, and their names are stable: InvalidPDFException,
 *   ResponseException, which pdf.js 5 made of MissingPDFException and
 *   UnexpectedResponseException, PasswordException, UnknownErrorException).
 * - not a PDF: bytes whose start says they are something else (a photo, a Word file) named .pdf.
 */

export type PdfProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'not-pdf'; readonly actually: string }
  | { readonly kind: 'damaged' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'read-failed'; readonly status: number | null }
  | { readonly kind: 'password' }
  | { readonly kind: 'unknown' };

/** Thrown by our own checks before pdf.js sees the bytes (pdf-document.ts). */
export class PdfOpenError extends Error {
  readonly problem: PdfProblem;
  constructor(problem: PdfProblem) {
    super(`PDF open failed: ${problem.kind}`);
    this.name = 'PdfOpenError';
    this.problem = problem;
  }
}

const signatures: readonly (readonly [readonly number[], string])[] = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片'],
  [[0xff, 0xd8, 0xff], 'JPEG 图片'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF 图片'],
  [[0x42, 0x4d], 'BMP 图片'],
  [[0x49, 0x49, 0x2a, 0x00], 'TIFF 图片'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'TIFF 图片'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP 压缩包（Word、Excel 的 .docx/.xlsx 文件也是这种格式）'],
  [[0xd0, 0xcf, 0x11, 0xe0], '旧版 Word/Excel 文件（.doc/.xls）'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩包'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF 文档'],
];

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

/**
 * What the file's bytes say it is, when that is clearly not a PDF; null when it may be one
 * (pdf.js accepts a header anywhere in the first kilobyte, so only a known other kind's
 * signature at the very start, and no PDF header after it, counts).
 */
export function notPdfKind(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 1024);
  for (let at = 0; at + PDF_HEADER.length <= head.length; at += 1) if (startsWith(head, PDF_HEADER, at)) return null;
  for (const [signature, kind] of signatures) if (startsWith(bytes, signature)) return kind;
  return null;
}

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

export function pdfProblem(error: unknown): PdfProblem {
  if (error instanceof PdfOpenError) return error.problem;
  const name = field(error, 'name');
  const status = field(error, 'status');
  switch (name) {
    case 'InvalidPDFException':
    case 'FormatError':
      return { kind: 'damaged' };
    case 'MissingPDFException':
      return { kind: 'missing' };
    case 'ResponseException':
      if (field(error, 'missing') === true || status === 404) return { kind: 'missing' };
      return { kind: 'read-failed', status: typeof status === 'number' && status > 0 ? status : null };
    case 'UnexpectedResponseException':
      return { kind: 'read-failed', status: typeof status === 'number' && status > 0 ? status : null };
    case 'PasswordException':
      return { kind: 'password' };
    default:
      return { kind: 'unknown' };
  }
}

export interface PdfMessage {
  /** What happened, in one sentence. */
  readonly what: string;
  /** What the expert can do. */
  readonly todo: string;
  /** Whether opening the file with the system's program may help (it reads files pdf.js cannot). */
  readonly systemViewerHelps: boolean;
}

/** `desktop`: the desktop shell, which can open a file with the system's program. */
export function pdfMessage(problem: PdfProblem, desktop: boolean): PdfMessage {
  const system = desktop ? '也可点下面的“用系统程序打开…”，用本机的程序试试。' : '在桌面版中也可用本机程序打开试试。';
  switch (problem.kind) {
    case 'empty':
      return {
        what: '这个文件是空的（0 字节），没有任何内容。',
        todo: '联盟交来的文件可能在打包时出了错。请告诉会务人员，由其向联盟索取这份材料。',
        systemViewerHelps: false,
      };
    case 'not-pdf':
      return {
        what: `这个文件名为 .pdf，但内容其实是${problem.actually}，不是 PDF。`,
        todo: `请告诉会务人员，由其向联盟核实这份材料。${desktop ? '可点下面的“用系统程序打开…”，用本机的程序查看它的实际内容。' : '在桌面版中可用本机程序查看它的实际内容。'}`,
        systemViewerHelps: true,
      };
    case 'damaged':
      return {
        what: '这个 PDF 文件已损坏或不完整（可能在复制或打包时被截断），无法显示。',
        todo: `请告诉会务人员，由其向联盟索取完好的文件。${system}`,
        systemViewerHelps: true,
      };
    case 'missing':
      return {
        what: '本机的材料库中找不到这个文件。',
        todo: '请会务人员重新导入这个联盟的材料包，然后重新打开本页。',
        systemViewerHelps: false,
      };
    case 'read-failed':
      return {
        what: `读取这个文件失败${problem.status === null ? '' : `（${problem.status}）`}。`,
        todo: '请稍后重新选择这份材料；仍然失败时，请会务人员重启本程序或重新导入材料包。',
        systemViewerHelps: false,
      };
    case 'password':
      return {
        what: '这个 PDF 设有打开密码，没有输入正确的密码，无法显示。',
        todo: '请向会务人员（或联盟）索取打开密码，再点“输入密码”。',
        systemViewerHelps: false,
      };
    case 'unknown':
      return {
        what: '本程序无法显示这个 PDF（它的内容本程序读不懂）。',
        todo: `请告诉会务人员，由其核对这份材料。${system}`,
        systemViewerHelps: true,
      };
  }
}

/** A page that fails to draw while the rest of the file shows (a damaged page). */
export const PAGE_FAILED = '这一页无法显示（文件的这一部分可能已损坏）。';
