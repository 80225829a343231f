import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { verifyPdfSignature } from '../../../electron/export/signing/verify-pdf-signature.ts';
import { resultFileSchema } from '../../../shared/result/result-schema.ts';
import { makeExpert, writeSignedSheet } from '../../helpers/expert-sheet.ts';
import { allianceManifest, alliancePackage } from '../../helpers/package-builder.ts';
import { cliBin } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { richClaims, smallClaims, smallDecisions } from '../../shared/result/merge-fixtures.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';
import { openssl } from '../export/pdf-tools.ts';

const tempDir = useTempDir('merge-documents-');

async function meeting() {
  const dir = tempDir();
  const rich = await alliancePackage(allianceManifest('HFA-001', richClaims, { name: '合肥市智能语音产业技术创新战略联盟' })).write(join(dir, 'HFA-001.zip'));
  const small = await alliancePackage(allianceManifest('HFA-002', smallClaims, { name: '合肥市新材料产业技术创新战略联盟' })).write(join(dir, 'HFA-002'));
  const experts = [makeExpert('E01', '王明'), makeExpert('E02', '刘䶮'), makeExpert('E03', '张喆')];
  const sheets = await Promise.all(
    experts.map((expert, i) =>
      writeSignedSheet(dir, hefei, expert, [{ package: rich }, { package: small, decisions: smallDecisions([2.5, 2, 1.5][i] ?? 0) }]),
    ),
  );
  return { dir, packages: [rich.path, small.path], sheets };
}

function merge(dir: string, args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cliBin, 'merge', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, DISPLAY: '', ALLIANCE_REVIEW_DATA_DIR: join(dir, 'data'), ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('alliance-review merge --pdf DIR --xlsx FILE', () => {
  it('writes the signed PDFs and the workbook, keeps stdout for the result, and signs with the local certificate', async () => {
    const m = await meeting();
    const run = merge(m.dir, ['--packages', ...m.packages, '--sheets', ...m.sheets, '--json', '--pdf', 'out', '--xlsx', 'out/result.xlsx', '--meeting', '2026 年度考核评审会']);
    expect(run.stderr).toContain('已写入 written');
    expect(run.status).toBe(0);
    const result = resultFileSchema.parse(JSON.parse(run.stdout));
    const files = readdirSync(join(m.dir, 'out')).sort();
    expect(files).toEqual(
      [
        '2026-考核结果汇总表.pdf',
        '2026-考核优秀联盟公示名单.pdf',
        '2026-联盟评分明细表-HFA-001.pdf',
        '2026-联盟评分明细表-HFA-002.pdf',
        '2026-专家评分表-E01.pdf',
        '2026-专家评分表-E02.pdf',
        '2026-专家评分表-E03.pdf',
        '2026-专家签到表.pdf',
        '2026-评审专家承诺书.pdf',
        '2026-评审报告.pdf',
        '2026-专家组意见-HFA-001.pdf',
        '2026-专家组意见-HFA-002.pdf',
        'result.xlsx',
      ].sort(),
    );
    for (const file of files.filter((name) => name.endsWith('.pdf'))) {
      expect(verifyPdfSignature(readFileSync(join(m.dir, 'out', file))).ok, file).toBe(true);
    }
    // The local certificate was made in the data folder and is the one the report names.
    const certificate = readFileSync(join(m.dir, 'data', 'result-signing', 'certificate.pem'), 'utf8');
    const printed = spawnSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256'], { input: certificate, encoding: 'utf8' }).stdout;
    expect(run.stderr).toContain(`证书指纹 SHA-256 fingerprint：${printed.split('=')[1]?.trim() ?? 'missing'}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(m.dir, 'out', 'result.xlsx')) as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('汇总');
    const totals: unknown[] = [];
    summary?.eachRow((row, r) => {
      if (r > 1) totals.push((row.getCell(8).value as { result?: unknown } | null)?.result);
    });
    expect(totals).toEqual(result.alliances.map((alliance) => alliance.total).sort((a, b) => (b ?? 0) - (a ?? 0)));
  }, 240_000);

  it('refuses to replace existing files without --force, writing nothing and printing no result', async () => {
    const m = await meeting();
    const target = join(m.dir, 'result.xlsx');
    writeFileSync(target, 'older');
    const run = merge(m.dir, ['--packages', ...m.packages, '--sheets', ...m.sheets, '--pdf', 'out', '--xlsx', 'result.xlsx']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[file-exists]');
    expect(run.stderr).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('older');
    expect(existsSync(join(m.dir, 'out'))).toBe(false);

    const forced = merge(m.dir, ['--packages', ...m.packages, '--sheets', ...m.sheets, '--xlsx', 'result.xlsx', '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 240_000);

  it('signs with the bureau certificate given with --cert, its password from the environment', async () => {
    const m = await meeting();
    const subject = '/C=CN/O=合肥市科学技术局/CN=合肥市科学技术局';
    expect(
      openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-utf8', '-subj', subject, '-days', '30', '-keyout', join(m.dir, 'k.pem'), '-out', join(m.dir, 'c.pem')]).status,
    ).toBe(0);
    expect(openssl(['pkcs12', '-export', '-inkey', join(m.dir, 'k.pem'), '-in', join(m.dir, 'c.pem'), '-out', join(m.dir, 'bureau.p12'), '-passout', 'pass:pw']).status).toBe(0);
    const args = ['--packages', ...m.packages, '--sheets', ...m.sheets, '--pdf', 'signed', '--cert', 'bureau.p12'];

    const noPassword = merge(m.dir, args);
    expect(noPassword.status).toBe(1);
    expect(noPassword.stderr).toContain('ALLIANCE_REVIEW_CERT_PASSWORD');

    const run = merge(m.dir, args, { ALLIANCE_REVIEW_CERT_PASSWORD: 'pw' });
    expect(run.stderr).toContain('PDF 签名证书 signing certificate：C=CN, O=合肥市科学技术局, CN=合肥市科学技术局');
    expect(run.status).toBe(0);
    const report = verifyPdfSignature(readFileSync(join(m.dir, 'signed', '2026-考核结果汇总表.pdf')));
    expect(report.ok).toBe(true);
    expect(report.signer?.commonName).toBe('合肥市科学技术局');
  }, 240_000);
});
