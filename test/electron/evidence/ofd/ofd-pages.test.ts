import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { deltas, pathData, renderOfd } from '../../../../electron/evidence/ofd/ofd-pages.ts';
import { ofdPreview } from '../../../../electron/evidence/ofd/ofd-previewer.ts';
import { readOfdPageTexts, readOfdPreview } from '../../../../electron/evidence/ofd/read-ofd-preview.ts';
import { renditionDir } from '../../../../electron/evidence/renditions.ts';
import { ofdPageTexts } from '../../../../electron/evidence/ofd/ofd-preview-task.ts';
import { defaultOfdBounds } from '../../../../electron/evidence/ofd/ofd-container.ts';
import { useTempDir } from '../../../helpers/temp-dir.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'evidence');
const invoice = new Uint8Array(readFileSync(join(fixtures, 'ofd', 'invoice.ofd')));
const tempDir = useTempDir('ofd-');

/** Every element of an SVG by local name, depth first. */
function all(root: Element, name: string): Element[] {
  const found: Element[] = [];
  const walk = (element: Element) => {
    for (let node = element.firstChild; node !== null; node = node.nextSibling) {
      if (node.nodeType !== 1) continue;
      if ((node as Element).localName === name) found.push(node as Element);
      walk(node as Element);
    }
  };
  walk(root);
  return found;
}

function svgRoot(svg: string): Element {
  return new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement!;
}

/** Where a text's first character is drawn on the page: its x/y plus the translations around it. */
function placed(text: Element): { x: number; y: number } {
  let x = Number(text.getAttribute('x')!.split(' ')[0]);
  let y = Number(text.getAttribute('y')!.split(' ')[0]);
  for (let at = text.parentNode as Element | null; at !== null && at.nodeType === 1; at = at.parentNode as Element | null) {
    const move = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(at.getAttribute('transform') ?? '');
    if (move) {
      x += Number(move[1]);
      y += Number(move[2]);
    }
  }
  return { x, y };
}

function textAt(svg: string, content: string): { x: number; y: number } | null {
  const text = all(svgRoot(svg), 'text').find((t) => t.textContent === content);
  return text === undefined ? null : placed(text);
}

/** A PNG's width and height from its IHDR. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('OFD pages as SVG', () => {
  it('draws both pages of the e-invoice at their PhysicalBox, in millimetres', async () => {
    const rendering = await renderOfd(invoice);
    expect(rendering.pageCount).toBe(2);
    expect(rendering.notices).toEqual([]);
    expect(rendering.pages.map((p) => [p.page, p.widthMm, p.heightMm])).toEqual([
      [1, 210, 140],
      [2, 210, 297],
    ]);
    const root = svgRoot(rendering.pages[0]!.svg);
    expect(root.getAttribute('viewBox')).toBe('0 0 210 140');
    expect(root.getAttribute('width')).toBe('210mm');
  });

  it('puts the text where the OFD places it: template labels under the page’s own values', async () => {
    const [first] = (await renderOfd(invoice)).pages;
    const svg = first!.svg;
    // Title of the template: Boundary 65 8, TextCode Y 7.
    expect(textAt(svg, '电子发票（普通发票）')).toEqual({ x: 65, y: 15 });
    expect(textAt(svg, '发票号码：')).toEqual({ x: 140, y: 25.5 });
    expect(textAt(svg, '26342000000012345678')).toEqual({ x: 157.5, y: 25.5 });
    expect(textAt(svg, '¥12,345.68')).toEqual({ x: 50, y: 104 });
    // The template (Background) is drawn before the page's content, so values paint over it.
    expect(svg.indexOf('发票号码：')).toBeLessThan(svg.indexOf('26342000000012345678'));
    // Each character at its DeltaX: g 9 7 → 0, 7, 14, …
    const title = all(svgRoot(svg), 'text').find((t) => t.textContent === '电子发票（普通发票）')!;
    expect(title.getAttribute('x')).toBe('0 7 14 21 28 35 42 49 56 63');
    expect(title.parentNode && (title.parentNode as Element).getAttribute('fill')).toBe('rgb(128,0,0)');
    // One DeltaX for a line of digits holds for every gap, as OFD writers use it.
    const number = all(svgRoot(svg), 'text').find((t) => t.textContent === '26342000000012345678')!;
    expect(number.getAttribute('x')!.split(' ').map(Number)).toEqual(Array.from({ length: 20 }, (_, i) => Math.round(i * 2.1 * 1000) / 1000));
  });

  it('embeds the logo and draws the PNG seal of the signature at its StampAnnot boundary', async () => {
    const [first] = (await renderOfd(invoice)).pages;
    const images = all(svgRoot(first!.svg), 'image');
    expect(images).toHaveLength(2);
    const seal = images.find((i) => i.getAttribute('x') === '150')!;
    expect([seal.getAttribute('y'), seal.getAttribute('width'), seal.getAttribute('height')]).toEqual(['95', '40', '40']);
    const href = seal.getAttribute('href')!;
    expect(href.startsWith('data:image/png;base64,')).toBe(true);
    // The seal ImageMagick drew (160×160), carried inside the SES_Signature.
    expect(pngSize(Buffer.from(href.slice(href.indexOf(',') + 1), 'base64'))).toEqual([160, 160]);
    const logo = images.find((i) => i !== seal)!;
    expect(pngSize(Buffer.from(logo.getAttribute('href')!.split(',')[1]!, 'base64'))).toEqual([48, 48]);
  });

  it('draws an OFD seal (a one-page OFD of its own) and the page’s stamp annotation', async () => {
    const second = (await renderOfd(invoice)).pages[1]!;
    const nested = all(svgRoot(second.svg), 'svg')[0]!;
    expect([nested.getAttribute('x'), nested.getAttribute('y'), nested.getAttribute('width'), nested.getAttribute('viewBox')]).toEqual([
      '140',
      '30',
      '40',
      '0 0 40 40',
    ]);
    expect(all(nested, 'text').map((t) => t.textContent)).toEqual(['发票专用章']);
    expect(all(nested, 'path')[0]!.getAttribute('stroke')).toBe('rgb(220,0,0)');
    expect(textAt(second.svg, '已核验')).toEqual({ x: 20, y: 45 });
    expect(second.text).toBe('附件：技术合同登记证明\n已核验');
  });

  it('gives each page’s text for search, in a capped worker too', async () => {
    const expected = [
      { page: 1, text: '电子发票（普通发票）\n发票号码：\n价税合计（小写）\n26342000000012345678\n¥12,345.68\n*技术服务*技术开发服务费' },
      { page: 2, text: '附件：技术合同登记证明\n已核验' },
    ];
    expect(await ofdPageTexts(invoice)).toEqual(expected);
    expect(await readOfdPageTexts(invoice)).toEqual(expected);
  });

  it('reads the OFD of the inspection fixtures (no resources, a font it does not list)', async () => {
    const rendering = await renderOfd(new Uint8Array(readFileSync(join(fixtures, 'document.ofd'))));
    expect(rendering.pages.map((p) => p.text)).toEqual(['第1页', '第2页']);
  });

  it('draws no more than the page bound, and says so', async () => {
    const rendering = await renderOfd(invoice, { ...defaultOfdBounds, maxPages: 1 });
    expect(rendering.pages).toHaveLength(1);
    expect(rendering.notices).toEqual(['文件共 2 页，只显示了前 1 页。']);
    const cut = await renderOfd(invoice, { ...defaultOfdBounds, maxObjectsPerPage: 3 });
    expect(cut.notices).toContain('有的页面图元过多，只画出了一部分。');
    expect(all(svgRoot(cut.pages[0]!.svg), 'text').length).toBe(3);
  });

  it('refuses a damaged OFD with a reason, in the worker as in the caller', async () => {
    await expect(renderOfd(invoice.subarray(0, 4000))).rejects.toThrow(/压缩结构已损坏/);
    const reading = await readOfdPreview(invoice.subarray(0, 4000));
    expect(reading).toMatchObject({ ok: false, failed: true });
    expect(!reading.ok && reading.message).toMatch(/^无法显示这个 OFD 文件：OFD 文件的压缩结构已损坏。/);
  });

  it('reads OFD path data and DeltaX shorthands', () => {
    expect(pathData('S 0 0 L 10 0 B 1 2 3 4 5 6 Q 1 1 2 2 A 5 5 0 1 0 10 10 C')).toBe('M0 0 L10 0 C1 2 3 4 5 6 Q1 1 2 2 A5 5 0 1 0 10 10 Z');
    expect(pathData('M 0 0 L 1')).toBe('M0 0');
    expect(deltas('1 g 3 2.5 4')).toEqual([1, 2.5, 2.5, 2.5, 4]);
  });
});

describe('the OFD previewer', () => {
  it('stores each page as an SVG rendition once and answers a numbered pages preview', async () => {
    const dataDir = tempDir();
    const sha256 = 'a'.repeat(64);
    const preview = await ofdPreview({ bytes: invoice, sha256, dataDir });
    expect(preview).toEqual({
      kind: 'pages',
      paged: true,
      notice: null,
      pages: [
        { image: { sha256, converter: 'ofd-pages-v1', name: 'page-1.svg' }, width: 794, height: 529 },
        { image: { sha256, converter: 'ofd-pages-v1', name: 'page-2.svg' }, width: 794, height: 1123 },
      ],
    });
    const dir = renditionDir(dataDir, sha256, { name: 'ofd-pages', version: 1 });
    expect(readFileSync(join(dir, 'page-1.svg'), 'utf8')).toContain('26342000000012345678');
    expect(JSON.parse(readFileSync(join(dir, 'text.json'), 'utf8'))[1]).toEqual({ page: 2, text: '附件：技术合同登记证明\n已核验' });
    const made = statSync(join(dir, 'page-1.svg')).mtimeMs;
    // Made once: a second request reads the stored pages, even without the file's bytes.
    expect(await ofdPreview({ bytes: new Uint8Array(0), sha256, dataDir })).toEqual(preview);
    expect(statSync(join(dir, 'page-1.svg')).mtimeMs).toBe(made);
  });

  it('stores nothing for a file it cannot read, so the next request tries again', async () => {
    const dataDir = tempDir();
    const sha256 = 'b'.repeat(64);
    await expect(ofdPreview({ bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), sha256, dataDir })).rejects.toThrow(/无法显示这个 OFD 文件/);
    expect(existsSync(renditionDir(dataDir, sha256, { name: 'ofd-pages', version: 1 }))).toBe(false);
  });
});

/** A one-page OFD of the given page content (hand-written parts, zipped by yazl). */
function tinyOfd(layer: string, extra: Record<string, Uint8Array> = {}): Promise<Uint8Array> {
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  const zip = new yazl.ZipFile();
  const add = (path: string, data: string | Uint8Array) => zip.addBuffer(Buffer.from(data), path);
  add('OFD.xml', `<ofd:OFD ${ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
  add(
    'Doc_0/Document.xml',
    `<ofd:Document ${ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 100 100</ofd:PhysicalBox></ofd:PageArea><ofd:DocumentRes>Res.xml</ofd:DocumentRes></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="P/Content.xml"/><ofd:Page ID="2" BaseLoc="P/Content.xml"/></ofd:Pages></ofd:Document>`,
  );
  add('Doc_0/Res.xml', `<ofd:Res ${ns}><ofd:MultiMedias><ofd:MultiMedia ID="9" Type="Image"><ofd:MediaFile>img.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>`);
  add('Doc_0/P/Content.xml', `<ofd:Page ${ns}><ofd:Content><ofd:Layer ID="3">${layer}</ofd:Layer></ofd:Content></ofd:Page>`);
  for (const [path, data] of Object.entries(extra)) add(path, data);
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

describe('OFD content that would break the SVG or the worker', () => {
  it('keeps a page drawable when its text holds characters XML cannot, each character in its place', async () => {
    const ofd = await tinyOfd('<ofd:TextObject ID="4" Boundary="0 0 50 5" Size="3"><ofd:TextCode X="0" Y="3" DeltaX="3">金&#x1;额 &lt;b&gt;</ofd:TextCode></ofd:TextObject>');
    const [page] = (await renderOfd(ofd)).pages;
    // eslint-disable-next-line no-control-regex
    expect(page!.svg).not.toMatch(/[\u0000-\u0008]/);
    const text = all(svgRoot(page!.svg), 'text')[0]!;
    expect(text.textContent).toBe('金 额 <b>');
    expect(text.getAttribute('x')!.split(' ')).toHaveLength(7);
  });

  it('embeds images only up to the document’s image budget, and says so', async () => {
    const png = readFileSync(join(fixtures, 'photo.png'));
    const ofd = await tinyOfd('<ofd:ImageObject ID="5" Boundary="0 0 10 10" ResourceID="9"/>', { 'Doc_0/img.png': png });
    const full = await renderOfd(ofd);
    expect(full.pages.map((p) => all(svgRoot(p.svg), 'image').length)).toEqual([1, 1]);
    const cut = await renderOfd(ofd, { ...defaultOfdBounds, maxImageBytes: png.length + 1 });
    expect(cut.pages.map((p) => all(svgRoot(p.svg), 'image').length)).toEqual([1, 0]);
    expect(cut.notices).toEqual(['文件中的图片过大或过多，部分图片没有显示。']);
  });
});
