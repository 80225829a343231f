/**
 * Evidence file types: what a file of a package is, detected from its bytes (never from its
 * name), and what follows from the type alone: whether it has pages, which extensions are
 * written for it, and whether the evidence viewer can show it.
 *
 * - paged type: a format whose files have numbered pages an evidence reference may name
 *   (`…#page=N`, package-format.md): PDF, TIFF and OFD; no other kind has pages.
 * - viewable type: one the viewer shows today (renderer/src/evidence/). This set is the one
 *   place that says so: the `file-not-viewable` warning and the `evidence` command follow it,
 *   so when the viewer learns a format, adding it here is what changes the warning.
 */

export const evidenceTypes = [
  'pdf',
  'jpeg',
  'png',
  'gif',
  'bmp',
  'webp',
  'tiff',
  'heic',
  'docx',
  'doc',
  'wps',
  'rtf',
  'odt',
  'xlsx',
  'xls',
  'et',
  'ods',
  'csv',
  'txt',
  'ofd',
  'zip',
  'unknown',
] as const;

export type EvidenceType = (typeof evidenceTypes)[number];

export function isEvidenceType(value: string): value is EvidenceType {
  return (evidenceTypes as readonly string[]).includes(value);
}

export const pagedTypes: ReadonlySet<EvidenceType> = new Set<EvidenceType>(['pdf', 'tiff', 'ofd']);

/**
 * What the evidence viewer shows today: PDF, the browser's images, the word-processor documents
 * (.docx, .doc, .wps, .rtf, .odt: electron/evidence/document-preview/), TIFF and HEIC as page
 * images (electron/evidence/image-pages*), spreadsheets (.xlsx, .xls,
 * .ods, .csv: electron/evidence/spreadsheet/), OFD pages, plain text (UTF-8, UTF-16, GBK) and the
 * file list of a zip. An .et that WPS saved as BIFF8 is detected as the `xls` it is; `et` is WPS's
 * own format, which no library reads, so it is not viewable.
 */
export const viewableTypes: ReadonlySet<EvidenceType> = new Set<EvidenceType>([
  'pdf',
  'png',
  'jpeg',
  'gif',
  'webp',
  'bmp',
  'tiff',
  'heic',
  'docx',
  'doc',
  'wps',
  'rtf',
  'odt',
  'xlsx',
  'xls',
  'ods',
  'csv',
  'ofd',
  'txt',
  'zip',
]);

export function isPagedType(type: EvidenceType): boolean {
  return pagedTypes.has(type);
}

export function isViewableType(type: EvidenceType): boolean {
  return viewableTypes.has(type);
}

/** Types the renderer shows from the file's bytes itself: PDFs in pdf.js, pictures as images; every other viewable type is converted in the main process first. */
export const shownFromBytes: Readonly<Partial<Record<EvidenceType, 'pdf' | 'image'>>> = {
  pdf: 'pdf',
  jpeg: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  bmp: 'image',
};

/** The largest file previewed from its bytes in memory (a zip's member too); a larger one is not shown. */
export const maxPreviewBytes = 30 * 1024 * 1024;

/**
 * Types the viewer shows by converting the whole file in memory (electron/evidence/previewers.ts),
 * so only up to `maxPreviewBytes`; PDFs and pictures are read by range from the store, whatever
 * their size, and a zip is only listed.
 */
const convertedTypes: ReadonlySet<EvidenceType> = new Set<EvidenceType>(['tiff', 'heic', 'docx', 'doc', 'wps', 'rtf', 'odt', 'xlsx', 'xls', 'et', 'ods', 'csv', 'ofd', 'txt']);

/** Whether a viewable file of this type and size is too large for the viewer to show. */
export function tooLargeToView(type: EvidenceType, size: number): boolean {
  return convertedTypes.has(type) && size > maxPreviewBytes;
}

/** The type's name for people, in the words of the Chinese messages. */
export const evidenceTypeNames: Readonly<Record<EvidenceType, string>> = {
  pdf: 'PDF 文档',
  jpeg: 'JPEG 图片',
  png: 'PNG 图片',
  gif: 'GIF 图片',
  bmp: 'BMP 图片',
  webp: 'WebP 图片',
  tiff: 'TIFF 图片',
  heic: 'HEIC 图片（苹果手机照片格式）',
  docx: 'Word 文档（.docx）',
  doc: '旧版 Word 文档（.doc）',
  wps: 'WPS 文字文档（.wps）',
  rtf: 'RTF 文档',
  odt: 'OpenDocument 文本（.odt）',
  xlsx: 'Excel 工作簿（.xlsx）',
  xls: '旧版 Excel 工作簿（.xls）',
  et: 'WPS 表格（.et）',
  ods: 'OpenDocument 表格（.ods）',
  csv: 'CSV 表格',
  txt: '纯文本',
  ofd: 'OFD 版式文件',
  zip: 'zip 压缩包',
  unknown: '无法识别的格式',
};

/**
 * The types a file with this extension (lowercase, without the dot) is expected to hold, or
 * undefined for an extension that promises nothing (`.dat`, no extension): the file's content
 * is then never said not to match. `.wps` and `.et` are WPS Office's own formats, or Word's and
 * Excel's binary formats saved under WPS's names; `.jfif` is JPEG.
 */
const typesByExtension: Readonly<Record<string, readonly EvidenceType[]>> = {
  pdf: ['pdf'],
  jpg: ['jpeg'],
  jpeg: ['jpeg'],
  jpe: ['jpeg'],
  jfif: ['jpeg'],
  png: ['png'],
  gif: ['gif'],
  bmp: ['bmp'],
  webp: ['webp'],
  tif: ['tiff'],
  tiff: ['tiff'],
  heic: ['heic'],
  heif: ['heic'],
  docx: ['docx'],
  doc: ['doc'],
  wps: ['doc', 'wps'],
  rtf: ['rtf'],
  odt: ['odt'],
  xlsx: ['xlsx'],
  xls: ['xls'],
  et: ['xls', 'et'],
  ods: ['ods'],
  csv: ['csv'],
  txt: ['txt'],
  ofd: ['ofd'],
  zip: ['zip'],
};

/** The extension of a package path, lowercase without the dot, or '' when it has none. */
export function extensionOf(path: string): string {
  return /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
}

export function expectedTypes(path: string): readonly EvidenceType[] | undefined {
  const ext = extensionOf(path);
  return Object.prototype.hasOwnProperty.call(typesByExtension, ext) ? typesByExtension[ext] : undefined;
}
