/**
 * `alliance-review cross-check`, run as the real CLI in a child process on real zips: photos
 * made by ImageMagick (test/fixtures/evidence/cross-check/), PDFs with a text layer (pdfkit),
 * packages of this meeting and of an earlier year.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allianceManifest, alliancePackage, manifest } from '../../helpers/package-builder.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { textPdf } from '../../helpers/text-pdf.ts';

const tempDir = useTempDir('cli-cross-check-');
const fixture = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence/cross-check', name));

interface Place {
  allianceId: string;
  year: number;
  criterion: string | null;
  itemId: string | null;
  file: string | null;
  page: number | null;
}
interface Finding {
  kind: string;
  identifier: string | null;
  places: Place[];
  detail: string;
}

const patent = 'ZL201710601862.3';

async function meetingPackages(dir: string): Promise<{ hfa012: string; hfa017: string; earlier: string }> {
  const hfa012 = alliancePackage(
    allianceManifest('HFA-012', {
      'I1.office': { claimed: true, evidence: ['证明材料/证书照片.jpg'] },
      'I4.techContracts': { items: [{ id: 'tc-1', title: '语音识别技术开发合同', date: '2026-05-12', evidence: ['证明材料/合同汇编.pdf#page=2'] }] },
      'I8.inventionPatents': { items: [{ id: 'pat-1', title: '一种语音端点检测方法', date: '2026-04-01', note: `专利号 ${patent}`, evidence: ['证明材料/合同汇编.pdf#page=1'] }] },
    }),
  )
    .with('证明材料/证书照片.jpg', fixture('certificate.jpg'))
    .with('证明材料/合同汇编.pdf', await textPdf(['Patent certificate cover page', 'Technology development contract 2026']));
  const hfa017 = alliancePackage(
    allianceManifest('HFA-017', {
      'I1.office': { claimed: true, evidence: ['材料/荣誉证书.jpg'] },
      'I9.organizedEvents': { items: [{ id: 'oe-1', title: '产业技术对接会', date: '2026-05-20', evidence: ['材料/证书原图.jpg'] }] },
      'I8.inventionPatents': { items: [{ id: 'p-3', title: '一种电池管理方法', date: '2026-06-01', evidence: ['材料/专利证书.pdf'] }] },
    }),
  )
    // The certificate re-saved at half the size; the original photo itself too.
    .with('材料/荣誉证书.jpg', fixture('certificate-half.jpg'))
    .with('材料/证书原图.jpg', fixture('certificate.jpg'))
    .with('材料/专利证书.pdf', await textPdf(['Patent No. ZL201810123456.0 granted 2026']));
  const earlier = alliancePackage(
    manifest({
      year: 2025,
      alliance: { id: 'HFA-012', name: '合肥市HFA-012产业技术创新战略联盟' },
      claims: { 'I8.inventionPatents': { items: [{ id: 'pat-9', title: '一种语音端点检测方法', date: '2025-09-01', note: `专利号 ${patent}`, evidence: ['专利.pdf'] }] } },
    }),
  );
  return {
    hfa012: (await hfa012.write(join(dir, 'HFA-012.zip'))).path,
    hfa017: (await hfa017.write(join(dir, 'HFA-017.zip'))).path,
    earlier: (await earlier.write(join(dir, 'HFA-012-2025.zip'))).path,
  };
}

describe('alliance-review cross-check', () => {
  it('prints every finding as the documented JSON, in a stable order, and exits 0', async () => {
    const dir = tempDir();
    const { hfa012, hfa017, earlier } = await meetingPackages(dir);
    const run = runCli(['cross-check', hfa012, hfa017, '--earlier', earlier, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { findings: Finding[] };
    expect(Object.keys(json)).toEqual(['findings']);
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(['kind', 'identifier', 'places', 'detail']);
      for (const p of f.places) expect(Object.keys(p)).toEqual(['allianceId', 'year', 'criterion', 'itemId', 'file', 'page']);
    }
    const summary = json.findings.map((f) => [f.kind, f.identifier, f.places.map((p) => `${p.year} ${p.allianceId} ${p.criterion ?? '-'} ${p.itemId ?? '-'} ${p.file ?? '-'}${p.page === null ? '' : `#${p.page}`}`)]);
    expect(summary).toEqual([
      ['same-file', null, ['2026 HFA-012 I1.office - 证明材料/证书照片.jpg', '2026 HFA-017 I9.organizedEvents oe-1 材料/证书原图.jpg']],
      [
        'similar-image',
        null,
        ['2026 HFA-012 I1.office - 证明材料/证书照片.jpg', '2026 HFA-017 I1.office - 材料/荣誉证书.jpg', '2026 HFA-017 I9.organizedEvents oe-1 材料/证书原图.jpg'],
      ],
      ['identifier-check-digit', '201810123456.0', ['2026 HFA-017 I8.inventionPatents p-3 材料/专利证书.pdf#1']],
      ['reused-from-earlier-year', '201710601862.3', ['2025 HFA-012 I8.inventionPatents pat-9 -', '2026 HFA-012 I8.inventionPatents pat-1 -']],
    ]);
    const reuse = json.findings.find((f) => f.kind === 'reused-from-earlier-year');
    expect(reuse?.detail).toContain('I8.inventionPatents 只计当年新增的项');
    // 2·2+0·3+1·4+8·5+1·6+0·7+1·8+2·9+3·2+4·3+5·4+6·5 = 148, 148 mod 11 = 5.
    expect(json.findings.find((f) => f.kind === 'identifier-check-digit')?.detail).toContain('校验位写的是 0，按前面各位算应为 5');
    // The same input in another order prints the same bytes.
    expect(runCli(['cross-check', hfa017, hfa012, '--json', '--earlier', earlier]).stdout).toBe(run.stdout);
  }, 60_000);

  it('prints findings for people without --json, naming the places', async () => {
    const dir = tempDir();
    const { hfa012, hfa017 } = await meetingPackages(dir);
    const run = runCli(['cross-check', hfa012, hfa017]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('[same-file] 同一文件');
    expect(run.stdout).toContain('2026年 HFA-017 · I9.organizedEvents 第“oe-1”项（材料/证书原图.jpg）');
    expect(run.stdout).toMatch(/核查了 2 个材料包：\d+ 条提示。/);
    expect(run.stdout).not.toContain('--no-ocr');
    // Without OCR the summary says what was not compared.
    const without = runCli(['cross-check', hfa012, hfa017, '--no-ocr']);
    expect(without.status).toBe(0);
    expect(without.stdout).toMatch(/核查了 2 个材料包：\d+ 条提示。.*\n没有识别扫描件和照片上的文字（--no-ocr）：它们不按文字比较（相似页面、编号），提示可能比程序里的核查少。\n$/);
  }, 60_000);

  it('exits 0 and says so when there is nothing to look at', async () => {
    const dir = tempDir();
    const only = await alliancePackage(allianceManifest('HFA-030', { 'I1.office': { claimed: true, evidence: ['照片.jpg'] } }))
      .with('照片.jpg', fixture('event.jpg'))
      .write(join(dir, 'HFA-030.zip'));
    const run = runCli(['cross-check', only.path]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('核查了 1 个材料包：没有发现需要核对的情况。\n');
    expect(JSON.parse(runCli(['cross-check', only.path, '--json']).stdout)).toEqual({ findings: [] });
  }, 60_000);

  it('refuses two packages of one alliance and year (exit 1), naming both', async () => {
    const dir = tempDir();
    const a = await alliancePackage(allianceManifest('HFA-012', {})).write(join(dir, 'a.zip'));
    const b = await alliancePackage(allianceManifest('HFA-012', {})).newVersion('v2').write(join(dir, 'b.zip'));
    const run = runCli(['cross-check', a.path, b.path, '--json']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[cross-check-same-alliance-year]');
    expect(run.stderr).toContain('“b.zip”和“a.zip”都是 HFA-012 2026 年的材料包');
  }, 60_000);

  it('refuses an invalid package (exit 1) and a missing one, with the package problems', () => {
    const run = runCli(['cross-check', join(tempDir(), 'missing.zip')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[package-not-found]');
  });

  it.each([
    [[], '缺少材料包路径'],
    [['--earlier', 'x.zip'], '至少给出一个本次会议的材料包'],
    [['a.zip', '--earlier'], '--earlier 后面缺少往年的材料包'],
    [['a.zip', '--fast'], '不认识 --fast'],
  ])('is a usage error (exit 2): %j', (args, message) => {
    const run = runCli(['cross-check', ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
