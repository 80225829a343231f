/**
 * File kind: how the evidence viewer shows a file, from the extension of its path in the
 * package. (The store sniffs PDF and image bytes when serving them; an extension that lies only
 * makes the preview fail, it cannot make a file run.)
 */
export type FileKind = 'pdf' | 'image' | 'docx' | 'xlsx' | 'other';

export function fileKind(path: string): FileKind {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (ext === 'pdf') return 'pdf';
  if (['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'].includes(ext)) return 'image';
  if (ext === 'docx') return 'docx';
  if (ext === 'xlsx') return 'xlsx';
  return 'other';
}

/** 〔证明材料/合同1.pdf 第3页〕: how a reason cites the file and page the expert is looking at. */
export function citation(path: string, page: number | null): string {
  return page === null ? `〔${path}〕` : `〔${path} 第${page}页〕`;
}
