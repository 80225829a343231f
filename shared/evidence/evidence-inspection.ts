/**
 * Evidence inspection: what the program found a package file to be, from its bytes
 * (electron/package-reader/inspect-evidence.ts computes it; validation, the import and the
 * `evidence` command use it).
 *
 * - type: detected from the content (evidence-type.ts).
 * - pages: the page count of a paged file (PDF, TIFF, OFD), or null (not paged, or not
 *   countable: password-protected, damaged, or larger than the inspection reads).
 * - sheets: the sheet count of a spreadsheet when the container says it, else null.
 * - viewable: whether the evidence viewer can show it today.
 * - problem: why experts may not see it as it is, or null; a file with a problem is warned
 *   about (`file-not-viewable`). A password-protected PDF is viewable (the viewer asks for
 *   the password) and still has a problem; so has a file whose content does not match its
 *   extension, even when the viewer shows it by its content.
 * - text: 'document' when the file carries its own text (a PDF with a text layer, Word,
 *   Excel, plain text …), 'none' otherwise (a scan, a photo).
 */
import { evidenceTypeNames, extensionOf, maxPreviewBytes, type EvidenceType } from './evidence-type.ts';

export const evidenceProblemCodes = ['empty', 'damaged', 'password', 'extension-mismatch', 'unsupported-format', 'too-large'] as const;

export type EvidenceProblemCode = (typeof evidenceProblemCodes)[number];

export function isEvidenceProblemCode(value: string): value is EvidenceProblemCode {
  return (evidenceProblemCodes as readonly string[]).includes(value);
}

export interface EvidenceProblem {
  readonly code: EvidenceProblemCode;
  /** For the clerk: names the file, says what is wrong and what to do. */
  readonly message: string;
}

export interface EvidenceInspection {
  readonly type: EvidenceType;
  readonly pages: number | null;
  readonly sheets: number | null;
  readonly viewable: boolean;
  readonly problem: EvidenceProblem | null;
  readonly text: 'document' | 'none';
}

const ASK_FOR_PDF = '请让联盟把它转成 PDF 后重新提交。';

export function emptyProblem(path: string): EvidenceProblem {
  return { code: 'empty', message: `“${path}”是空文件（0 字节），专家看不到任何内容。请让联盟重新提供这个文件。` };
}

/** `detail` says what is broken, e.g. “文件不完整，缺少结尾”. */
export function damagedProblem(path: string, type: EvidenceType, detail: string): EvidenceProblem {
  return {
    code: 'damaged',
    message: `“${path}”（${evidenceTypeNames[type]}）已损坏：${detail}。专家可能看不到或看不全它的内容。请让联盟重新提供完好的文件（最好是 PDF）。`,
  };
}

export function passwordProblem(path: string, type: EvidenceType): EvidenceProblem {
  return {
    code: 'password',
    message: `“${path}”（${evidenceTypeNames[type]}）设了打开密码，专家不知道密码就看不到内容。请让联盟去掉密码，提供不加密的 PDF。`,
  };
}

export function unsupportedProblem(path: string, type: EvidenceType): EvidenceProblem {
  const ext = extensionOf(path);
  const content = type === 'unknown' ? '内容无法识别' : `内容是${evidenceTypeNames[type]}`;
  const named = ext === '' ? '' : `（扩展名 .${ext}）`;
  return {
    code: 'unsupported-format',
    message: `“${path}”${named}${content}，本程序不能显示这种格式，专家评审时看不到它（只能另用系统程序打开）。${ASK_FOR_PDF}`,
  };
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export function tooLargeProblem(path: string, type: EvidenceType, size: number): EvidenceProblem {
  return {
    code: 'too-large',
    message: `“${path}”（${evidenceTypeNames[type]}）有 ${megabytes(size)}，超过评审界面能显示的 ${megabytes(maxPreviewBytes)}，专家在本程序里看不到它（只能另用系统程序打开）。请让联盟把它拆成较小的文件，或转成 PDF 后重新提交。`,
  };
}

export function mismatchProblem(path: string, type: EvidenceType): EvidenceProblem {
  return {
    code: 'extension-mismatch',
    message: `“${path}”的扩展名是 .${extensionOf(path)}，但内容是${evidenceTypeNames[type]}，与扩展名不符。本程序按内容显示它，但专家用其他程序可能打不开。请让联盟改正文件扩展名，或转成 PDF 后重新提交。`,
  };
}
