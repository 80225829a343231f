import { describe, expect, it } from 'vitest';
import type { EvidenceType } from '../../../shared/evidence/evidence-type.ts';
import { citation, fileKindByName, fileRoute, mismatchNotice } from '../../../renderer/src/evidence/file-kind.ts';

describe('fileRoute: the viewer by the content found at import, the extension only where that says nothing', () => {
  it.each<[string, EvidenceType, 'pdf' | 'image' | 'converted']>([
    // Named for what they are.
    ['证明材料/合同1.pdf', 'pdf', 'pdf'],
    ['照片/办公室.JPG', 'jpeg', 'image'],
    ['照片/现场.jfif', 'jpeg', 'image'],
    ['a.png', 'png', 'image'],
    ['a.gif', 'gif', 'image'],
    ['a.webp', 'webp', 'image'],
    ['a.bmp', 'bmp', 'image'],
    ['扫描/合同.tif', 'tiff', 'converted'],
    ['照片/IMG_0001.HEIC', 'heic', 'converted'],
    ['说明/办公室说明.docx', 'docx', 'converted'],
    ['清单/合同清单.XLSX', 'xlsx', 'converted'],
    ['打包.zip', 'zip', 'converted'],
    // Mislabeled: shown as what they are.
    ['证明材料/照片.pdf', 'jpeg', 'image'],
    ['证明材料/截图.pdf', 'png', 'image'],
    ['证明材料/合同.jpg', 'pdf', 'pdf'],
    ['证明材料/合同.docx', 'pdf', 'pdf'],
    ['证明材料/照片.docx', 'jpeg', 'image'],
    ['证明材料/扫描.pdf', 'tiff', 'converted'],
    ['证明材料/说明.pdf', 'docx', 'converted'],
    ['证明材料/说明.doc', 'docx', 'converted'],
    ['证明材料/发票.pdf', 'ofd', 'converted'],
    ['无扩展名', 'pdf', 'pdf'],
  ])('%s holding %s → %s', (path, type, kind) => {
    expect(fileRoute(path, type).kind).toBe(kind);
  });

  it.each<[string, EvidenceType | null, 'pdf' | 'image' | 'converted']>([
    // Not known (imported before types were kept), or content of no format (an empty file, junk):
    // the name's viewer, which says in its own words what is wrong.
    ['证明材料/照片.pdf', null, 'pdf'],
    ['证明材料/空文件.pdf', 'unknown', 'pdf'],
    ['照片/坏图.jpg', 'unknown', 'image'],
    ['说明.docx', null, 'converted'],
    ['资料.bin', 'unknown', 'converted'],
  ])('%s holding %s → %s, by name', (path, type, kind) => {
    expect(fileRoute(path, type)).toEqual({ kind, mismatch: null });
  });

  it('says when the extension does not match the content, naming both, in Chinese', () => {
    expect(fileRoute('证明材料/照片.pdf', 'jpeg').mismatch).toBe(
      '扩展名与内容不符：这个文件名为 .pdf，内容其实是JPEG 图片，这里按内容显示。用其他程序可能打不开它；如有疑问，请告诉会务人员向联盟核实。',
    );
    expect(fileRoute('证明材料/合同.JPG', 'pdf').mismatch).toContain('这个文件名为 .jpg，内容其实是PDF 文档');
    expect(fileRoute('证明材料/说明.doc', 'docx').mismatch).toContain('内容其实是Word 文档（.docx）');
  });

  it.each<[string, EvidenceType]>([
    ['照片/现场.jfif', 'jpeg'],
    ['照片/现场.JPEG', 'jpeg'],
    ['扫描/合同.tif', 'tiff'],
    ['照片/IMG_0001.heif', 'heic'],
    // .wps and .et are WPS's own formats or Word's and Excel's saved under WPS's names.
    ['文件.wps', 'doc'],
    ['文件.wps', 'wps'],
    ['表格.et', 'xls'],
    // An extension that promises nothing, or none.
    ['资料.dat', 'pdf'],
    ['无扩展名', 'jpeg'],
    ['a.pdf/说明', 'pdf'],
    // Content of no known format is not said to mismatch (the viewer says it cannot show it).
    ['证明材料/空文件.pdf', 'unknown'],
  ])('no mismatch for %s holding %s', (path, type) => {
    expect(mismatchNotice(path, type)).toBeNull();
  });

  it('fileKindByName looks only at the last extension of the file name, not of a folder', () => {
    expect(fileKindByName('扫描件/审计报告.PDF')).toBe('pdf');
    expect(fileKindByName('照片/现场.JPE')).toBe('image');
    expect(fileKindByName('合同.pdf.exe')).toBe('converted');
    expect(fileKindByName('a.pdf/说明')).toBe('converted');
    expect(fileKindByName('无扩展名')).toBe('converted');
    expect(fileKindByName('.pdf')).toBe('pdf');
    expect(fileKindByName('结尾是点.')).toBe('converted');
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
