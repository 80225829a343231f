/**
 * .docx headers and footers as Word lays them out: a first-page header (the 红头 of a 红头文件,
 * with the bureau's seal as a picture in the header's own relationships and a table whose
 * first column is merged down two rows), a default and an even-page header, each listed once
 * with first-page ones first, and a header part no section names left out. The package is
 * written part by part here, in WordprocessingML as Word writes it.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../../electron/evidence/document-preview/docx-document.ts';
import { packageFiles } from '../../../helpers/package-builder.ts';
import { useTempDir } from '../../../helpers/temp-dir.ts';

const tempDir = useTempDir('docx-document-');
const png = readFileSync(resolve(import.meta.dirname, '../../../fixtures/evidence/photo.png'));

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const p = (text: string, jc = '') => `<w:p>${jc === '' ? '' : `<w:pPr><w:jc w:val="${jc}"/></w:pPr>`}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const rels = (items: string[][]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;

async function headedDocx(): Promise<Uint8Array> {
  const seal =
    '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="seal" descr="局徽"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic><pic:blipFill><a:blip r:embed="rIdSeal"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
  const table =
    '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + p('发文机关') + '</w:tc><w:tc>' + p('合肥市科学技术局') + '</w:tc></w:tr>' +
    '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>' + p('合科〔2026〕12号') + '</w:tc></w:tr></w:tbl>';
  const part = (root: 'hdr' | 'ftr', content: string) => `<?xml version="1.0" encoding="UTF-8"?><w:${root} ${NS}>${content}</w:${root}>`;
  const path = join(tempDir(), 'headed.docx');
  await packageFiles([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ['_rels/.rels', rels([['rId1', 'officeDocument', 'word/document.xml']])],
    [
      'word/_rels/document.xml.rels',
      rels([
        ['rIdFirst', 'header', 'header1.xml'],
        ['rIdDefault', 'header', 'header2.xml'],
        ['rIdEven', 'header', 'header3.xml'],
        ['rIdFoot', 'footer', 'footer1.xml'],
        ['rIdBodyPic', 'image', 'media/seal.png'],
      ]),
    ],
    ['word/header1.xml', part('hdr', p('合肥市科学技术局文件', 'center') + seal + table)],
    ['word/_rels/header1.xml.rels', rels([['rIdSeal', 'image', 'media/seal.png']])],
    ['word/media/seal.png', png],
    ['word/header2.xml', part('hdr', p('2026 年度联盟考核'))],
    ['word/header3.xml', part('hdr', p('偶数页页眉'))],
    ['word/header4.xml', part('hdr', p('没有被引用的页眉'))],
    ['word/footer1.xml', part('ftr', '<w:p><w:r><w:t xml:space="preserve">第 </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p>')],
    [
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${p('正文')}` +
        `<w:tbl><w:tr><w:tc>${p('证书')}</w:tc><w:tc>${seal.replace('rIdSeal', 'rIdBodyPic')}</w:tc></w:tr></w:tbl><w:sectPr>` +
        '<w:headerReference w:type="even" r:id="rIdEven"/><w:headerReference w:type="default" r:id="rIdDefault"/><w:headerReference w:type="first" r:id="rIdFirst"/>' +
        '<w:footerReference w:type="default" r:id="rIdFoot"/><w:titlePg/></w:sectPr></w:body></w:document>',
    ],
  ]).writeZip(path);
  return new Uint8Array(readFileSync(path));
}

describe('readDocx headers and footers', () => {
  it('lists the first-page header first, with its picture and merged table, then the default and even ones; a picture in a body table shows', async () => {
    const read = await readDocx(await headedDocx());
    expect(read.header).toEqual([
      { type: 'paragraph', text: '合肥市科学技术局文件', heading: null, align: 'center' },
      { type: 'image', src: `data:image/png;base64,${png.toString('base64')}`, mime: 'image/png', width: 32, height: 24, label: '局徽' },
      {
        type: 'table',
        rows: [
          [
            { blocks: [{ type: 'paragraph', text: '发文机关', heading: null }], colSpan: 1, rowSpan: 2 },
            { blocks: [{ type: 'paragraph', text: '合肥市科学技术局', heading: null }], colSpan: 1, rowSpan: 1 },
          ],
          [{ blocks: [{ type: 'paragraph', text: '合科〔2026〕12号', heading: null }], colSpan: 1, rowSpan: 1 }],
        ],
      },
      { type: 'paragraph', text: '2026 年度联盟考核', heading: null },
      { type: 'paragraph', text: '偶数页页眉', heading: null },
    ]);
    expect(read.footer).toEqual([{ type: 'paragraph', text: '第 1 页', heading: null }]);
    // The body (mammoth): a picture inside a table cell is there too.
    expect(read.body).toEqual([
      { type: 'paragraph', text: '正文', heading: null },
      {
        type: 'table',
        rows: [
          [
            { blocks: [{ type: 'paragraph', text: '证书', heading: null }], colSpan: 1, rowSpan: 1 },
            { blocks: [{ type: 'image', src: `data:image/png;base64,${png.toString('base64')}`, mime: 'image/png', width: 32, height: 24, label: '局徽' }], colSpan: 1, rowSpan: 1 },
          ],
        ],
      },
    ]);
  });
});
