/**
 * File kind: how the evidence viewer shows a file. PDFs and the browser's own images are shown
 * from their bytes (named by the path's extension: the store sniffs the bytes when serving
 * them, so an extension that lies only makes the view fail, it cannot make a file run); every
 * other file is converted by main, which reads it by its content (previews/converted-preview.tsx).
 */
export type FileKind = 'pdf' | 'image' | 'converted';

export function fileKind(path: string): FileKind {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (ext === 'pdf') return 'pdf';
  // .jfif and .jpe are JPEG under other names (cameras, Windows' "save picture as").
  if (['png', 'jpg', 'jpeg', 'jpe', 'jfif', 'gif', 'webp', 'bmp'].includes(ext)) return 'image';
  return 'converted';
}

/** 〔证明材料/合同1.pdf 第3页〕: how a reason cites the file and page the expert is looking at. */
export function citation(path: string, page: number | null): string {
  return page === null ? `〔${path}〕` : `〔${path} 第${page}页〕`;
}
