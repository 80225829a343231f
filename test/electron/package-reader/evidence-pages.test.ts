/**
 * The contract's page rules and the file-not-viewable warning, through the real reader and
 * checker on real zips holding real files (test/fixtures/evidence/): an evidence path may end
 * in `#page=N` (N ≥ 1) naming a page of a PDF, TIFF or OFD; past the last page, or on a file
 * with no pages, it is `evidence-page-out-of-range`; a malformed page is `field-invalid`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../../electron/package-reader/check-package.ts';
import { buildTemplate } from '../../../electron/package-reader/workbook/build-template.ts';
import { loadRubric } from '../../../electron/rubrics/load-rubric.ts';
import type { Rubric } from '../../../shared/rubric/types.ts';
import { minimalPdf } from '../../helpers/evidence-bytes.ts';
import { manifest as packageManifest, packageFiles, type Json } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { WorkbookFiller } from '../../helpers/workbook-filler.ts';

const tempDir = useTempDir('evidence-pages-');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name)));

/** Evidence files by package path: a five-page PDF, a three-page TIFF, a two-page OFD and files with no pages. */
const evidence: Record<string, string> = {
  '证明材料/合同汇编.pdf': 'five-pages.pdf',
  '证明材料/扫描.tiff': 'three-pages.tiff',
  '证明材料/电子发票.ofd': 'document.ofd',
  '证明材料/照片.jpg': 'photo.jpg',
  '证明材料/说明.docx': 'letter.docx',
};

/** A package whose I4 items cite `references` (one item each), with every file of `evidence`. */
async function packageCiting(references: readonly string[], change: (m: Json) => void = () => {}): Promise<string> {
  const manifest = manifestWith({
    'I4.techContracts': {
      items: references.map((reference, i) => ({ id: `tc-${i + 1}`, title: `合同 ${i + 1}`, date: '2026-05-12', evidence: [reference] })),
    },
    'I1.office': { claimed: true, evidence: Object.keys(evidence) },
  });
  change(manifest);
  const files = new Map<string, string | Uint8Array>([
    ['manifest.json', JSON.stringify(manifest, null, 2)],
    ['自查报告.pdf', minimalPdf('自查报告')],
  ]);
  for (const [path, name] of Object.entries(evidence)) files.set(path, fixture(name));
  const path = join(tempDir(), 'p.zip');
  await writeZipOf(path, files);
  return path;
}

const at = (i: number): string => `claims.I4.techContracts.items[${i}].evidence[0]`;
const errorsOf = async (path: string): Promise<{ code: string; path: string; message: string }[]> =>
  (await checkPackage(path)).problems.filter((p) => p.severity === 'error').map(({ code, path: where, message }) => ({ code, path: where, message }));

describe('#page=N on an evidence path', () => {
  it.each([
    ['证明材料/合同汇编.pdf#page=1', 'the first page'],
    ['证明材料/合同汇编.pdf#page=5', 'the last page'],
    ['证明材料/扫描.tiff#page=3', 'the last page of a TIFF'],
    ['证明材料/电子发票.ofd#page=2', 'the last page of an OFD'],
    ['证明材料\\合同汇编.pdf#page=2', 'a Windows path'],
  ])('accepts %s (%s) and keeps the page in the manifest', async (reference) => {
    const check = await checkPackage(await packageCiting([reference]));
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.valid).toBe(true);
    const item = (check.manifest?.claims['I4.techContracts'] as { items: { evidence: string[] }[] }).items[0];
    expect(item?.evidence).toEqual([reference.replace('\\', '/')]);
  });

  it.each([
    ['证明材料/合同汇编.pdf#page=6', '“证明材料/合同汇编.pdf”只有 5 页，没有第 6 页。请改正页码（1 至 5），或换成证明所在的文件。'],
    ['证明材料/合同汇编.pdf#page=700', '“证明材料/合同汇编.pdf”只有 5 页，没有第 700 页。请改正页码（1 至 5），或换成证明所在的文件。'],
    ['证明材料/扫描.tiff#page=4', '“证明材料/扫描.tiff”只有 3 页，没有第 4 页。请改正页码（1 至 3），或换成证明所在的文件。'],
    ['证明材料/电子发票.ofd#page=3', '“证明材料/电子发票.ofd”只有 2 页，没有第 3 页。请改正页码（1 至 2），或换成证明所在的文件。'],
  ])('refuses %s: past the last page', async (reference, message) => {
    expect(await errorsOf(await packageCiting([reference]))).toEqual([{ code: 'evidence-page-out-of-range', path: at(0), message }]);
  });

  it.each([
    ['证明材料/照片.jpg#page=1', 'JPEG 图片'],
    ['证明材料/说明.docx#page=2', 'Word 文档（.docx）'],
  ])('refuses %s: a file with no pages', async (reference, kind) => {
    const errors = await errorsOf(await packageCiting([reference]));
    expect(errors).toEqual([{ code: 'evidence-page-out-of-range', path: at(0), message: expect.stringContaining(`是${kind}，没有页`) as string }]);
  });

  it.each(['0', '-1', '01', 'abc', '', '2.5', '+3', ' 3', '1e2'])('refuses #page=%s as field-invalid, naming the path', async (page) => {
    const errors = await errorsOf(await packageCiting([`证明材料/合同汇编.pdf#page=${page}`]));
    expect(errors).toEqual([
      {
        code: 'field-invalid',
        path: at(0),
        message: `“${at(0)}”的页码写得不对：“#page=${page}”。页码应是从 1 开始的整数（不带前导零），如“证明材料/合同汇编.pdf#page=3”；要引用整个文件就去掉“#page=…”。`,
      },
    ]);
  });

  it('still needs the file: a page of a missing file is evidence-not-found', async () => {
    const errors = await errorsOf(await packageCiting(['证明材料/没有.pdf#page=2']));
    expect(errors.map((e) => `${e.code} ${e.path}`)).toEqual([`evidence-not-found ${at(0)}`]);
    expect(errors[0]?.message).toContain('证明材料“证明材料/没有.pdf”（证明材料/没有.pdf#page=2）在包里找不到');
  });

  it('reports every page problem at once, each where it is', async () => {
    const errors = await errorsOf(await packageCiting(['证明材料/合同汇编.pdf#page=3', '证明材料/合同汇编.pdf#page=9', '证明材料/照片.jpg#page=1', '证明材料/合同汇编.pdf#page=0']));
    expect(errors.map((e) => `${e.code} ${e.path}`)).toEqual([
      `evidence-page-out-of-range ${at(1)}`,
      `evidence-page-out-of-range ${at(2)}`,
      `field-invalid ${at(3)}`,
    ]);
  });

  it('a file cited only with a page counts as named (no file-not-referenced)', async () => {
    const check = await checkPackage(
      await packageCiting(['证明材料/合同汇编.pdf#page=2'], (m) => {
        (m['claims'] as Json)['I1.office'] = { claimed: true, evidence: ['证明材料/照片.jpg', '证明材料/说明.docx', '证明材料/扫描.tiff', '证明材料/电子发票.ofd'] };
      }),
    );
    expect(check.problems.filter((p) => p.code === 'file-not-referenced')).toEqual([]);
  });

  it('selfReport takes no page: field-invalid', async () => {
    const errors = await errorsOf(await packageCiting(['证明材料/合同汇编.pdf'], (m) => (m['selfReport'] = '自查报告.pdf#page=1')));
    expect(errors).toEqual([
      { code: 'field-invalid', path: 'selfReport', message: 'selfReport 指整份自查报告，不能写页码；现在是“自查报告.pdf#page=1”。请去掉“#page=1”，写成“自查报告.pdf”。' },
    ]);
  });
});

describe('file-not-viewable', () => {
  it.each([
    ['empty.pdf', '证明材料/空.pdf', '是空文件'],
    ['truncated.pdf', '证明材料/不完整.pdf', '已损坏'],
    ['password.pdf', '证明材料/加密.pdf', '设了打开密码'],
    ['photo-named.pdf', '证明材料/照片.pdf', '与扩展名不符'],
    ['unknown.bin', '证明材料/数据.bin', '内容无法识别'],
  ])('warns about %s as %s, naming it and the reason; the package is still valid', async (fixtureName, path, reason) => {
    const manifest = manifestWith({ 'I1.office': { claimed: true, evidence: [path] } });
    const zip = join(tempDir(), 'p.zip');
    await writeZipOf(
      zip,
      new Map<string, string | Uint8Array>([
        ['manifest.json', JSON.stringify(manifest)],
        ['自查报告.pdf', minimalPdf('自查报告')],
        [path, fixture(fixtureName)],
      ]),
    );
    const check = await checkPackage(zip);
    expect(check.valid).toBe(true);
    const warnings = check.problems.filter((p) => p.code === 'file-not-viewable');
    expect(warnings).toEqual([{ severity: 'warning', code: 'file-not-viewable', path, message: expect.stringContaining(reason) as string }]);
    expect(warnings[0]?.message).toContain(`“${path}”`);
    expect(warnings[0]?.message).toMatch(/请让联盟/);
  });

  it('does not warn about the word-processor files the viewer shows (.doc, a .doc named .wps, .rtf, .odt)', async () => {
    const paths = { '证明材料/通知.doc': 'letter.doc', '证明材料/通知.wps': 'letter.doc', '证明材料/通知.rtf': 'letter.rtf', '证明材料/通知.odt': 'letter.odt' };
    const manifest = manifestWith({ 'I1.office': { claimed: true, evidence: Object.keys(paths) } });
    const zip = join(tempDir(), 'p.zip');
    const files = new Map<string, string | Uint8Array>([
      ['manifest.json', JSON.stringify(manifest)],
      ['自查报告.pdf', minimalPdf('自查报告')],
    ]);
    for (const [path, name] of Object.entries(paths)) files.set(path, fixture(name));
    await writeZipOf(zip, files);
    const check = await checkPackage(zip);
    expect(check.valid).toBe(true);
    expect(check.problems.filter((p) => p.code === 'file-not-viewable')).toEqual([]);
  });

  it('does not warn about manifest.json or a 自查表 standing for it, nor about viewable files', async () => {
    const rubric = (await loadRubric('hefei-2017')) as Rubric;
    const f = new WorkbookFiller(buildTemplate(rubric));
    f.info('year', 2026);
    f.info('alliance.id', 'HFA-012');
    f.info('alliance.name', '合肥市智能语音产业技术创新战略联盟');
    f.info('alliance.kind', '一般联盟 general');
    f.info('selfReport', '自查报告.pdf');
    f.claim('I1.office', { claimed: '是', evidence: '证明材料/照片.jpg' });
    f.items('I4.techContracts', [
      { itemId: 'tc-1', title: '合同一', date: '2026-05-12', evidence: '证明材料/合同汇编.pdf 第3页' },
      { itemId: 'tc-2', title: '合同二', date: '2026-06-12', evidence: '证明材料/合同汇编.pdf 第 5 页' },
      { itemId: 'tc-3', title: '合同三', date: '2026-07-12', evidence: '证明材料/合同汇编.pdf#page=4' },
    ]);
    const zip = join(tempDir(), 'wb.zip');
    await writeZipOf(
      zip,
      new Map<string, string | Uint8Array>([
        ['自查表.xlsx', await f.bytes()],
        ['自查报告.pdf', minimalPdf('自查报告')],
        ['证明材料/照片.jpg', fixture('photo.jpg')],
        ['证明材料/合同汇编.pdf', fixture('five-pages.pdf')],
      ]),
    );
    const check = await checkPackage(zip);
    expect(check.problems).toEqual([]);
    const items = (check.manifest?.claims['I4.techContracts'] as { items: { evidence: string[] }[] }).items;
    expect(items.map((i) => i.evidence)).toEqual([['证明材料/合同汇编.pdf#page=3'], ['证明材料/合同汇编.pdf#page=5'], ['证明材料/合同汇编.pdf#page=4']]);
  });

  it.each([
    ['spreadsheets/contracts.xls', '证明材料/合同清单.xls'],
    ['spreadsheets/contracts.et', '证明材料/合同清单.et'],
    ['spreadsheets/contracts.ods', '证明材料/合同清单.ods'],
    ['spreadsheets/gbk.csv', '证明材料/合同清单.csv'],
  ])('does not warn about a spreadsheet the viewer shows: %s as %s', async (fixtureName, path) => {
    const manifest = manifestWith({ 'I1.office': { claimed: true, evidence: [path] } });
    const zip = join(tempDir(), 'p.zip');
    await writeZipOf(
      zip,
      new Map<string, string | Uint8Array>([
        ['manifest.json', JSON.stringify(manifest)],
        ['自查报告.pdf', minimalPdf('自查报告')],
        [path, fixture(fixtureName)],
      ]),
    );
    const check = await checkPackage(zip);
    expect(check.problems.filter((p) => p.code === 'file-not-viewable')).toEqual([]);
  });

  it('places a workbook page past the last page on its cell', async () => {
    const rubric = (await loadRubric('hefei-2017')) as Rubric;
    const f = new WorkbookFiller(buildTemplate(rubric));
    f.info('year', 2026);
    f.info('alliance.id', 'HFA-012');
    f.info('alliance.name', '合肥市智能语音产业技术创新战略联盟');
    f.info('alliance.kind', '一般联盟 general');
    f.info('selfReport', '自查报告.pdf');
    f.items('I4.techContracts', [{ itemId: 'tc-1', title: '合同一', date: '2026-05-12', evidence: '证明材料/合同汇编.pdf 第7页' }]);
    const zip = join(tempDir(), 'wb.zip');
    await writeZipOf(
      zip,
      new Map<string, string | Uint8Array>([
        ['自查表.xlsx', await f.bytes()],
        ['自查报告.pdf', minimalPdf('自查报告')],
        ['证明材料/合同汇编.pdf', fixture('five-pages.pdf')],
      ]),
    );
    const errors = (await checkPackage(zip)).problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'evidence-page-out-of-range',
        path: expect.stringMatching(/^联盟工作任务!K\d+（claims\.I4\.techContracts\.items\[0\]\.evidence\[0\]）$/) as string,
        message: '“证明材料/合同汇编.pdf”只有 5 页，没有第 7 页。请改正页码（1 至 5），或换成证明所在的文件。',
      }),
    ]);
  });
});

/** The test package's manifest with these claims (the builder's defaults for the rest). */
function manifestWith(claims: Record<string, unknown>): Record<string, unknown> {
  return packageManifest({ claims });
}

async function writeZipOf(path: string, files: Iterable<readonly [string, string | Uint8Array]>, options: { compress?: boolean } = {}): Promise<void> {
  await packageFiles([...files]).writeZip(path, options);
}
