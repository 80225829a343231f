import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { useTempDir } from '../../helpers/temp-dir.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const bin = resolve(root, 'electron', 'cli', 'bin.mjs');
const tempDir = useTempDir('template-cli-');

/** The real CLI, as a child process, in the given working folder. */
function run(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'template', ...args], { cwd, encoding: 'utf8', env: { ...process.env, DISPLAY: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function sheetNames(path: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((ws) => ws.name);
}

describe('alliance-review template', () => {
  it('writes 自查表.xlsx in the current folder by default, and nothing else', async () => {
    const dir = tempDir();
    const result = run(dir, []);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain(join(dir, '自查表.xlsx'));
    expect(readdirSync(dir)).toEqual(['自查表.xlsx']);
    expect(await sheetNames(join(dir, '自查表.xlsx'))).toEqual(['说明', '联盟信息', '制度建设', '联盟工作任务', '加分项', '_meta']);
  });

  it('writes to --out, relative to the current folder', async () => {
    const dir = tempDir();
    expect(run(dir, ['--out', '智能语音联盟.xlsx']).status).toBe(0);
    expect(run(dir, ['--out=b.xlsx']).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['b.xlsx', '智能语音联盟.xlsx']);
  });

  it('refuses to overwrite an existing file (exit 1, file untouched) unless --force', () => {
    const dir = tempDir();
    const path = join(dir, '自查表.xlsx');
    writeFileSync(path, '已填写的自查表');
    const refused = run(dir, []);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('文件已存在');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(path, 'utf8')).toBe('已填写的自查表');
    expect(readdirSync(dir)).toEqual(['自查表.xlsx']); // no temporary file left behind

    expect(run(dir, ['--force']).status).toBe(0);
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readdirSync(dir)).toEqual(['自查表.xlsx']);
  });

  it('exits 1 with a clear message when the folder does not exist', () => {
    const dir = tempDir();
    const result = run(dir, ['--out', join('没有这个文件夹', 'x.xlsx')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('无法写入文件');
    expect(existsSync(join(dir, '没有这个文件夹'))).toBe(false);
  });

  it.each([[['--bogus']], [['extra']], [['--out']], [['--out', 'a.xlsx', '--out', 'b.xlsx']]])('exits 2 (usage) on %j', (args) => {
    const dir = tempDir();
    const result = run(dir, args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('用法 usage: alliance-review template');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is listed in --help', () => {
    const result = spawnSync(process.execPath, [bin, '--help'], { cwd: root, encoding: 'utf8' });
    expect(result.stdout).toMatch(/template\s+生成空白的联盟自查表/);
  });
});
