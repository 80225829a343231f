import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { makeExpert, writeSignedSheet } from '../../helpers/expert-sheet.ts';
import { pngDataUrl } from '../../helpers/png.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';
import { smallClaims, smallDecisions } from '../../shared/result/merge-fixtures.ts';

const tempDir = useTempDir('verify-cli-');

const small = { allianceId: 'HFA-002', digest: 'b'.repeat(64), claims: smallClaims };
const other = { allianceId: 'HFA-003', digest: 'c'.repeat(64), claims: smallClaims };

async function sheetFile(dir = tempDir(), expert = makeExpert('E07', '李华')) {
  const path = await writeSignedSheet(
    dir,
    hefei,
    expert,
    [{ package: small, decisions: smallDecisions(2) }, { package: other, recused: true, comment: '本人在牵头单位任职' }],
    { signedAt: '2027-01-20T09:30:00+08:00', handSignature: pngDataUrl() },
  );
  return { path, expert };
}

describe('alliance-review verify', () => {
  it('names the signer, the fingerprint in groups of four, signedAt and the reviews', async () => {
    const { path, expert } = await sheetFile();
    const run = runCli(['verify', path]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('✓ 签名有效 signature valid：E07.sheet.json');
    expect(run.stdout).toContain('专家 expert：E07 李华');
    expect(run.stdout).toContain(`指纹 fingerprint：${expert.fingerprint}`);
    expect(expert.fingerprint).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    expect(run.stdout).toContain('签名时间 signedAt：2027-01-20T09:30:00+08:00');
    expect(run.stdout).toContain('评审 reviews：2（其中回避 recused 1）');
  });

  it('refuses a sheet with one changed character, saying why', async () => {
    const { path } = await sheetFile();
    writeFileSync(path, readFileSync(path, 'utf8').replace('本人在牵头单位任职', '本人在牵头单位任职。'));
    const run = runCli(['verify', path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[signature-invalid]');
    expect(run.stderr).toContain('签名验证失败');
    expect(run.stderr).toContain('✗ 验证失败 verification failed');
  });

  it('refuses a sheet that carries another key than the one that signed it', async () => {
    const { path } = await sheetFile();
    const sheet = JSON.parse(readFileSync(path, 'utf8')) as { signature: { publicKey: string } };
    sheet.signature.publicKey = makeExpert().publicKey;
    writeFileSync(path, JSON.stringify(sheet));
    const run = runCli(['verify', path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[signature-invalid]');
  });

  it('refuses a malformed sheet, naming the field', async () => {
    const { path } = await sheetFile();
    writeFileSync(path, readFileSync(path, 'utf8').replace('"recused": true', '"recused": "yes"'));
    const run = runCli(['verify', path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[field-invalid]');
    expect(run.stderr).toContain('reviews[1].recused');
  });

  it('refuses a sheet that repeats a key, with line and column', async () => {
    const { path } = await sheetFile();
    writeFileSync(path, readFileSync(path, 'utf8').replace('"year": 2026,', '"year": 2026,\n  "year": 2025,'));
    const run = runCli(['verify', path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[duplicate-key]');
    expect(run.stderr).toMatch(/第 \d+ 行第 \d+ 列/);
  });

  it.each([
    ['other JSON', 'result.json', '{"format": "alliance-review/result", "version": 1}'],
    ['a picture', 'photo.jpg', '\u00ff\u00d8\u00ff\u00e0JFIF'],
  ])('says "not a sheet" for %s', (_name, fileName, content) => {
    const dir = tempDir();
    const path = join(dir, fileName);
    writeFileSync(path, content, 'latin1');
    const run = runCli(['verify', path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('不是评分表 (not a sheet)');
  });

  it('verifies a PDF as a result PDF: an unsigned one fails (signed ones: test/electron/export/)', () => {
    const path = join(tempDir(), 'result.pdf');
    writeFileSync(path, '%PDF-1.7\n%âãÏÓ\n', 'latin1');
    const run = runCli(['verify', path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('文件中没有数字签名 (no signature');
  });

  it('recognises a damaged *.sheet.json as a sheet and says what is wrong', () => {
    const path = join(tempDir(), 'E01.sheet.json');
    writeFileSync(path, '{"format": "alliance-review/sheet", ');
    const run = runCli(['verify', path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[not-json]');
  });

  it('reports a missing file as invalid input (exit 1)', () => {
    const run = runCli(['verify', join(tempDir(), 'nowhere.sheet.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('文件不存在');
  });

  it.each([
    ['no file', [], '缺少要验证的文件'],
    ['two files', ['a.sheet.json', 'b.sheet.json'], '一次只能验证一个文件'],
    ['an unknown option', ['--pdf', 'a.sheet.json'], '参数不对'],
  ])('exits 2 on a usage mistake: %s', (_name, args, message) => {
    const run = runCli(['verify', ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
