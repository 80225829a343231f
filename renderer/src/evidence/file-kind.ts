/**
 * File kind: which viewer shows a file. PDFs and the browser's own images are shown from their
 * bytes; every other file is converted by main, which reads it by its content
 * (previews/converted-preview.tsx).
 *
 * - type: what the file is by its content, as the package reader found it at import
 *   (PackageFileView.type); the viewer is chosen by it, so a photo named .pdf opens as a photo
 *   and a PDF named .jpg in the PDF viewer.
 * - by name: where no type is known (a package imported before types were kept) or the content
 *   says nothing (`unknown`: an empty file, bytes of no format), the extension is all there is;
 *   that viewer then explains in its own words why it cannot show the file. Trusting a name is
 *   safe here: the store serves bytes with the type they sniff as, so a lying name only makes a
 *   view fail, it cannot make a file run.
 * - mismatch: the notice shown above a file whose extension promises another type than its
 *   content (the same rule as the `extension-mismatch` problem, evidence-type.ts).
 */
import { evidenceTypeNames, expectedTypes, extensionOf, shownFromBytes, type EvidenceType } from '../../../shared/evidence/evidence-type.ts';

export type FileKind = 'pdf' | 'image' | 'converted';

export interface FileRoute {
  readonly kind: FileKind;
  /** For the expert: the extension does not match the content, which is how it is shown; else null. */
  readonly mismatch: string | null;
}

/** The viewer of a file with this path whose content is `type` (null: not known). */
export function fileRoute(path: string, type: EvidenceType | null): FileRoute {
  if (type === null || type === 'unknown') return { kind: fileKindByName(path), mismatch: null };
  return { kind: shownFromBytes[type] ?? 'converted', mismatch: mismatchNotice(path, type) };
}

/** By the extension alone, for a file whose content is not known. */
export function fileKindByName(path: string): FileKind {
  const ext = extensionOf(path);
  if (ext === 'pdf') return 'pdf';
  // .jfif and .jpe are JPEG under other names (cameras, Windows' "save picture as").
  if (['png', 'jpg', 'jpeg', 'jpe', 'jfif', 'gif', 'webp', 'bmp'].includes(ext)) return 'image';
  return 'converted';
}

/**
 * 扩展名与内容不符: said when the extension promises other types than the content is; not for an
 * extension that promises nothing (`.dat`, none) or content of no known format.
 */
export function mismatchNotice(path: string, type: EvidenceType): string | null {
  const expected = expectedTypes(path);
  if (type === 'unknown' || expected === undefined || expected.includes(type)) return null;
  return `扩展名与内容不符：这个文件名为 .${extensionOf(path)}，内容其实是${evidenceTypeNames[type]}，这里按内容显示。用其他程序可能打不开它；如有疑问，请告诉会务人员向联盟核实。`;
}

/** 〔证明材料/合同1.pdf 第3页〕: how a reason cites the file and page the expert is looking at. */
export function citation(path: string, page: number | null): string {
  return page === null ? `〔${path}〕` : `〔${path} 第${page}页〕`;
}
