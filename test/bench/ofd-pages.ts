/**
 * OFD pages: how long drawing a long OFD as SVG takes (electron/evidence/ofd/ofd-pages.ts, the
 * work of the OFD previewer's worker), against the floor of any OFD reader: inflating its parts
 * and parsing their XML with the same parser, measured in the same run. The document is made
 * here (deterministic): `pages` invoice-like pages on one template, each with `objects` text
 * objects and a frame of paths.
 */
import { DOMParser } from '@xmldom/xmldom';
import yazl from 'yazl';
import { openZipInMemory } from '../../electron/package-reader/inspect/zip-members.ts';
import { renderOfd } from '../../electron/evidence/ofd/ofd-pages.ts';

const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';

function makeOfd(pages: number, objects: number): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  const add = (path: string, text: string) => zip.addBuffer(Buffer.from(text, 'utf8'), path);
  add('OFD.xml', `<ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
  const pageList = Array.from({ length: pages }, (_, i) => `<ofd:Page ID="${100 + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('');
  add(
    'Doc_0/Document.xml',
    `<ofd:Document ${ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:TemplatePage ID="2" BaseLoc="Tpl.xml"/></ofd:CommonData><ofd:Pages>${pageList}</ofd:Pages></ofd:Document>`,
  );
  add('Doc_0/PublicRes.xml', `<ofd:Res ${ns} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体"/></ofd:Fonts></ofd:Res>`);
  add(
    'Doc_0/Tpl.xml',
    `<ofd:Page ${ns}><ofd:Content><ofd:Layer ID="4"><ofd:PathObject ID="5" Boundary="10 10 190 277"><ofd:AbbreviatedData>M 0 0 L 190 0 L 190 277 L 0 277 C</ofd:AbbreviatedData></ofd:PathObject></ofd:Layer></ofd:Content></ofd:Page>`,
  );
  for (let p = 0; p < pages; p += 1) {
    const texts = Array.from(
      { length: objects },
      (_, i) =>
        `<ofd:TextObject ID="${i + 10}" Boundary="${15 + (i % 4) * 45} ${15 + Math.floor(i / 4) * 2} 45 3" Font="3" Size="1.8"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="1.8" DeltaX="g 11 1.8">项目${p}-${i}金额¥${(i * 37.5).toFixed(2)}</ofd:TextCode></ofd:TextObject>`,
    ).join('');
    add(`Doc_0/Pages/Page_${p}/Content.xml`, `<ofd:Page ${ns}><ofd:Template TemplateID="2"/><ofd:Content><ofd:Layer ID="6">${texts}</ofd:Layer></ofd:Content></ofd:Page>`);
  }
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

async function parseFloor(bytes: Uint8Array): Promise<void> {
  const opened = await openZipInMemory(bytes, 100_000);
  if (!opened.ok) throw new Error('bench OFD is not a zip');
  for (const member of opened.zip.members) {
    const data = await opened.zip.read(member, 64 * 1024 * 1024);
    if (data !== null) new DOMParser().parseFromString(new TextDecoder().decode(data), 'text/xml');
  }
  opened.zip.close();
}

export interface OfdBench {
  readonly pages: number;
  readonly objects: number;
  readonly renderMs: number;
  readonly floorMs: number;
}

const best = async (runs: number, work: () => Promise<unknown>): Promise<number> => {
  let fastest = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
};

export async function measureOfdPages(pages: number, objects: number): Promise<OfdBench> {
  const bytes = await makeOfd(pages, objects);
  const floorMs = await best(3, () => parseFloor(bytes));
  const renderMs = await best(3, async () => {
    const rendering = await renderOfd(bytes);
    if (rendering.pages.length !== pages) throw new Error(`drew ${rendering.pages.length} of ${pages} pages`);
  });
  return { pages, objects, renderMs, floorMs };
}
