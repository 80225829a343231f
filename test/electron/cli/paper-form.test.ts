/**
 * `alliance-review paper-form`, the real CLI as a child process on real package zips: the blank
 * form for the packages, in alliance-id order whatever the order given, with the expert's
 * line; an existing file is not replaced; a broken package or a missing option is refused.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { allianceManifest, alliancePackage } from '../../helpers/package-builder.ts';
import { smallClaims } from '../../shared/result/merge-fixtures.ts';
import { pdfText } from '../export/pdf-tools.ts';

const tempDir = useTempDir('cli-paper-form-');
const flat = (text: string): string => text.replace(/\s+/g, '');

async function zips(dir: string): Promise<string[]> {
  const b = await alliancePackage(allianceManifest('HFA-002', smallClaims, { name: '合肥市新材料产业技术创新战略联盟' })).write(join(dir, 'b.zip'));
  const a = await alliancePackage(allianceManifest('HFA-001', smallClaims, { name: '合肥市智能语音产业技术创新战略联盟' })).write(join(dir, 'a.zip'));
  return [b.path, a.path];
}

describe('alliance-review paper-form', () => {
  it('writes the blank form for the packages, in alliance-id order, with the expert on every page', async () => {
    const dir = tempDir();
    const out = join(dir, '2026-空白评分表-E02.pdf');
    const run = runCli(['paper-form', '--packages', ...(await zips(dir)), '--out', out, '--expert', 'E02 张伟', '--meeting', '2026 年度评审会'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^已写入空白评分表 written：${out}（2 个联盟，共 \\d+ 页）\\n$`));
    const text = flat(pdfText(out));
    expect(text).toContain('空白评分表·未签名草稿');
    expect(text).toContain('专家：张伟（E02）');
    expect(text).toContain('2026年度评审会');
    const first = text.indexOf('合肥市智能语音产业技术创新战略联盟（HFA-001）');
    const second = text.indexOf('合肥市新材料产业技术创新战略联盟（HFA-002）');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain('吸纳技术合同登记：声学模型开发合同（2026-07-01）');
  });

  it('leaves an existing file alone (exit 1)', async () => {
    const dir = tempDir();
    const out = join(dir, 'form.pdf');
    writeFileSync(out, 'earlier');
    const run = runCli(['paper-form', '--packages', ...(await zips(dir)), '--out', out], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`错误 error [file-exists] ${out}：文件已存在，未覆盖。请换一个文件名，或先移走原文件。\n`);
    expect(readFileSync(out, 'utf8')).toBe('earlier');
  });

  it('refuses a broken package (exit 1) and a missing --out (exit 2), writing nothing', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.zip');
    writeFileSync(broken, 'not a zip');
    const out = join(dir, 'form.pdf');
    const bad = runCli(['paper-form', '--packages', broken, '--out', out], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('错误 error [package-invalid] ');
    expect(bad.stderr).toContain('✗ 未生成空白评分表 not written');
    expect(existsSync(out)).toBe(false);
    const usage = runCli(['paper-form', '--packages', broken], dir);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('缺少 --out');
  });
});
