/**
 * Packages for the cross-check bench whose evidence is real: photos (generated scenes encoded
 * by sharp) and PDFs with a text layer (pdfkit), as the cross-check reads them; the main bench
 * set's evidence is incompressible bytes behind a PDF or JPEG head, which the import finds
 * damaged and the cross-check therefore skips. One package in ten reuses another's photo and
 * contract, so the check has something to find.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { allianceManifest, alliancePackage } from '../helpers/package-builder.ts';
import { photoSceneSvg, sceneJpeg } from '../helpers/generated-scenes.ts';
import type { BenchPackage } from './generate-packages.ts';

function contractPdf(seed: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, info: { CreationDate: new Date('2026-12-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let page = 1; page <= 3; page += 1) {
    doc.addPage();
    const words = Array.from({ length: 120 }, (_, i) => `clause${(seed * 7919 + page * 104729 + i * 31) % 100000}`).join(' ');
    doc.font('Helvetica').fontSize(10).text(`Technology contract ${seed} page ${page}. Registration 2026340104${String(seed).padStart(6, '0')}. ${words}`, 60, 60, { width: 480 });
  }
  doc.end();
  return done;
}

export async function crossCheckPackages(dir: string, count: number): Promise<BenchPackage[]> {
  mkdirSync(dir, { recursive: true });
  const out: BenchPackage[] = [];
  for (let n = 1; n <= count; n += 1) {
    const id = `CC-${String(n).padStart(3, '0')}`;
    const path = join(dir, `${id}.zip`);
    // One in ten reuses the photo and contract of the package before it.
    const source = n % 10 === 0 ? n - 1 : n;
    if (!existsSync(path)) {
      const pkg = alliancePackage(
        allianceManifest(id, {
          'I1.office': { claimed: true, evidence: ['证明材料/办公室.jpg'] },
          'I9.organizedEvents': {
            items: [
              { id: 'oe-1', title: '对接会', date: '2026-04-01', evidence: ['证明材料/活动1.jpg'] },
              { id: 'oe-2', title: '路演', date: '2026-09-01', evidence: ['证明材料/活动2.jpg'] },
            ],
          },
          'I4.techContracts': {
            items: [
              { id: 'tc-1', title: '技术开发合同', date: '2026-05-12', evidence: ['证明材料/合同.pdf#page=1'] },
              { id: 'tc-2', title: '技术服务合同', date: '2026-08-01', evidence: ['证明材料/合同.pdf#page=2'] },
            ],
          },
        }),
      )
        .with('证明材料/办公室.jpg', await sceneJpeg(photoSceneSvg(source * 3)))
        .with('证明材料/活动1.jpg', await sceneJpeg(photoSceneSvg(n * 3 + 1)))
        .with('证明材料/活动2.jpg', await sceneJpeg(photoSceneSvg(n * 3 + 2)))
        .with('证明材料/合同.pdf', await contractPdf(source))
        // The builder writes a file for every reference as written; `#page=N` names a page, not a file.
        .without('证明材料/合同.pdf#page=1', '证明材料/合同.pdf#page=2');
      await pkg.writeZip(path);
    }
    out.push({ path, bytes: 0, allianceId: id });
  }
  return out;
}
