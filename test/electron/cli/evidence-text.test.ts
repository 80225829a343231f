/**
 * `alliance-review evidence` and OCR, and `evidence --text`, run as the real CLI in a child
 * process on a real package: a scanned PDF (img2pdf), a photo turned by its EXIF tag
 * (exiftool), a PDF with a text layer and a text file (test/fixtures/evidence/).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalPdf } from '../../helpers/evidence-bytes.ts';
import { manifest, packageFiles } from '../../helpers/package-builder.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('cli-evidence-text-');
const fixture = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name));
const keys = ['技术合同登记证明', '340104202600123', '2026年3月18日'];
// Each run is the real CLI starting, reading the package and loading the OCR models: seconds each.
const CLI_OCR_TIMEOUT = 180_000;

async function writePackage(): Promise<string> {
  const inner = join(tempDir(), 'inner.zip');
  await packageFiles([['扫描件.pdf', fixture('ocr/scanned-certificate.pdf')]]).writeZip(inner);
  const evidence: Record<string, Buffer> = {
    '证明材料/登记证明扫描.pdf': fixture('ocr/scanned-certificate.pdf'),
    '证明材料/登记证明照片.jpg': fixture('ocr/certificate-exif-rotated.jpg'),
    '证明材料/合同.pdf': fixture('text.pdf'),
    '证明材料/说明.txt': fixture('note.txt'),
    '证明材料/附件.zip': readFileSync(inner),
    // Made by Info-ZIP (fixtures/evidence/ocr/make-fixtures.sh): a scan in a folder of the zip.
    '证明材料/扫描件.zip': fixture('ocr/scans.zip'),
    '证明材料/红头文件.doc': fixture('documents/红头文件.doc'),
    '证明材料/合同清单.xls': fixture('spreadsheets/contracts.xls'),
    '证明材料/电子发票.ofd': fixture('ofd/invoice.ofd'),
    '证明材料/登记证明扫描.tiff': fixture('ocr/certificate-pages.tiff'),
    '证明材料/登记证明照片.heic': fixture('ocr/certificate.heic'),
    '证明材料/合同及登记证明.pdf': fixture('ocr/partly-scanned.pdf'),
  };
  const m = manifest({ claims: { 'I1.office': { claimed: true, evidence: Object.keys(evidence) } } });
  const path = join(tempDir(), 'HFA-012.zip');
  await packageFiles([['manifest.json', JSON.stringify(m, null, 2)], ['自查报告.pdf', minimalPdf('自查报告')], ...Object.entries(evidence)]).writeZip(path);
  return path;
}

describe('alliance-review evidence with OCR', () => {
  it('reports a scan and a photo of a certificate as "ocr", and "none" with --no-ocr', async () => {
    const path = await writePackage();
    const text = (args: string[]) => {
      const run = runCli(['evidence', path, '--json', ...args]);
      expect(run.status, run.stderr).toBe(0);
      return Object.fromEntries((JSON.parse(run.stdout) as { files: { path: string; text: string }[] }).files.map((f) => [f.path, f.text]));
    };
    expect(text([])).toMatchObject({
      '证明材料/登记证明扫描.pdf': 'ocr',
      '证明材料/登记证明照片.jpg': 'ocr',
      '证明材料/附件.zip/扫描件.pdf': 'ocr',
      '证明材料/扫描件.zip/扫描件/技术合同登记证明.pdf': 'ocr',
      '证明材料/扫描件.zip/说明.txt': 'document',
      '证明材料/合同.pdf': 'document',
      '证明材料/说明.txt': 'document',
      '证明材料/登记证明扫描.tiff': 'ocr',
      '证明材料/登记证明照片.heic': 'ocr',
      '证明材料/合同及登记证明.pdf': 'document',
    });
    expect(text(['--no-ocr'])).toMatchObject({
      '证明材料/登记证明扫描.pdf': 'none',
      '证明材料/登记证明照片.jpg': 'none',
      '证明材料/附件.zip/扫描件.pdf': 'none',
      '证明材料/扫描件.zip/扫描件/技术合同登记证明.pdf': 'none',
      '证明材料/合同.pdf': 'document',
    });
  }, CLI_OCR_TIMEOUT);

  it('--text prints the text the search uses: OCR for a scan (also inside a zip), the text layer, a text file', async () => {
    const path = await writePackage();
    for (const file of ['证明材料/登记证明扫描.pdf', '证明材料/附件.zip/扫描件.pdf', '证明材料/登记证明照片.jpg']) {
      const run = runCli(['evidence', path, '--text', file, '--page', '1']);
      expect(run.status, run.stderr).toBe(0);
      for (const key of keys) expect(run.stdout).toContain(key);
    }
    const layer = runCli(['evidence', path, '--text', '证明材料/合同.pdf']);
    expect(layer.stdout).toBe('技术合同登记证明\n合同编号：2026-001\n');
    expect(runCli(['evidence', path, '--text', '证明材料/说明.txt']).stdout).toContain(fixture('note.txt').toString('utf8').trim());
    // A TIFF scan page by page and a HEIC photo, through the page pictures the viewer shows.
    const tiff = runCli(['evidence', path, '--text', '证明材料/登记证明扫描.tiff', '--page', '2']);
    expect(tiff.status, tiff.stderr).toBe(0);
    for (const key of keys) expect(tiff.stdout).toContain(key);
    const cover = runCli(['evidence', path, '--text', '证明材料/登记证明扫描.tiff', '--page', '1']);
    expect(cover.stdout).toContain('登记证明');
    expect(cover.stdout).not.toContain('340104202600123');
    const pastTiff = runCli(['evidence', path, '--text', '证明材料/登记证明扫描.tiff', '--page', '3']);
    expect(pastTiff.status).toBe(1);
    expect(pastTiff.stderr).toBe('文件“证明材料/登记证明扫描.tiff”只有 2 页，没有第 3 页。请换一个页码再试。\n');
    const heic = runCli(['evidence', path, '--text', '证明材料/登记证明照片.heic']);
    expect(heic.status, heic.stderr).toBe(0);
    for (const key of keys) expect(heic.stdout).toContain(key);
    // A partly scanned PDF: its typed page's own text, then OCR's for the scanned page.
    const partly = runCli(['evidence', path, '--text', '证明材料/合同及登记证明.pdf']);
    expect(partly.status, partly.stderr).toBe(0);
    const [typed, scanned] = partly.stdout.split('\n\f\n');
    expect(typed).toBe('技术合同登记证明\n合同编号：2026-001');
    for (const key of keys) expect(scanned).toContain(key);
    const skipped = runCli(['evidence', path, '--text', '证明材料/登记证明扫描.pdf', '--no-ocr']);
    expect(skipped.status).toBe(0);
    expect(skipped.stdout.trim()).toBe('');
  }, CLI_OCR_TIMEOUT);

  it('--text prints a document with its header and footer, a spreadsheet as displayed, and an OFD page by page', async () => {
    const path = await writePackage();
    const doc = runCli(['evidence', path, '--text', '证明材料/红头文件.doc', '--no-ocr']);
    expect(doc.status, doc.stderr).toBe(0);
    expect(doc.stdout).toContain('合肥市科学技术局文件');
    const sheet = runCli(['evidence', path, '--text', '证明材料/合同清单.xls', '--no-ocr']);
    expect(sheet.status, sheet.stderr).toBe(0);
    expect(sheet.stdout).toContain('¥12,345.68');
    expect(sheet.stdout).toContain('2026年2月1日');
    expect(sheet.stdout).toContain('25.6%');
    const second = runCli(['evidence', path, '--text', '证明材料/电子发票.ofd', '--page', '1', '--no-ocr']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('电子发票（普通发票）');
    const past = runCli(['evidence', path, '--text', '证明材料/电子发票.ofd', '--page', '3', '--no-ocr']);
    expect(past.status).toBe(1);
    expect(past.stderr).toBe('文件“证明材料/电子发票.ofd”只有 2 页，没有第 3 页。请换一个页码再试。\n');
  }, CLI_OCR_TIMEOUT);

  it('--text exits 1 in Chinese for a path not in the package or a page past the last, 2 for --page without --text', async () => {
    const path = await writePackage();
    const missing = runCli(['evidence', path, '--text', '证明材料/没有这个.pdf']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('材料包里没有文件“证明材料/没有这个.pdf”。请用 alliance-review evidence <材料包> 查看文件清单，按清单里的路径再试。\n');
    const past = runCli(['evidence', path, '--text', '证明材料/登记证明扫描.pdf', '--page', '2']);
    expect(past.status).toBe(1);
    expect(past.stderr).toBe('文件“证明材料/登记证明扫描.pdf”只有 1 页，没有第 2 页。请换一个页码再试。\n');
    expect(past.stdout).toBe('');
    expect(runCli(['evidence', path, '--page', '1']).status).toBe(2);
    expect(runCli(['evidence', path, '--text', '证明材料/合同.pdf', '--page', '0']).status).toBe(2);
  }, CLI_OCR_TIMEOUT);
});
