import { describe, expect, it } from 'vitest';
import { citation, fileKind } from '../../../renderer/src/evidence/file-kind.ts';

describe('fileKind: PDFs and browser images by extension, everything else converted by main', () => {
  it.each([
    ['证明材料/合同1.pdf', 'pdf'],
    ['扫描件/审计报告.PDF', 'pdf'],
    ['照片/办公室.png', 'image'],
    ['照片/办公室.JPG', 'image'],
    ['a.jpeg', 'image'],
    ['a.gif', 'image'],
    ['a.webp', 'image'],
    ['a.bmp', 'image'],
    // JPEG under the names cameras and Windows give it.
    ['照片/现场.jfif', 'image'],
    ['照片/现场.JPE', 'image'],
    // Everything else is converted by main, which reads the content, not the name (TIFF and
    // HEIC into page images).
    ['说明/办公室说明.docx', 'converted'],
    ['清单/合同清单.XLSX', 'converted'],
    ['录像/会议录像.mp4', 'converted'],
    ['打开我.lnk', 'converted'],
    ['旧格式.doc', 'converted'],
    ['照片/IMG_0001.HEIC', 'converted'],
    ['扫描/合同.tif', 'converted'],
  ] as const)('%s → %s', (path, kind) => {
    expect(fileKind(path)).toBe(kind);
  });

  it('looks only at the last extension of the file name, not of a folder', () => {
    expect(fileKind('合同.pdf.exe')).toBe('converted');
    expect(fileKind('a.pdf/说明')).toBe('converted');
    expect(fileKind('无扩展名')).toBe('converted');
    expect(fileKind('.pdf')).toBe('pdf');
    expect(fileKind('结尾是点.')).toBe('converted');
  });
});

describe('citation: how a reason cites the file and page the expert is looking at', () => {
  it('names the page when there is one', () => {
    expect(citation('证明材料/合同1.pdf', 3)).toBe('〔证明材料/合同1.pdf 第3页〕');
  });

  it('names only the file for a file without pages', () => {
    expect(citation('照片/办公室.png', null)).toBe('〔照片/办公室.png〕');
  });
});
