/**
 * Reading last year's grades from real files (test/fixtures/previous/, made by openpyxl,
 * LibreOffice and Python's csv module: make-fixtures.sh), through the capped worker.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsv, readPreviousFile } from '../../../electron/previous-year/read-previous-file.ts';
import { previousResultText } from '../../helpers/chair-meeting.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'previous');
const tempDir = useTempDir('previous-file-');

const GRADES_2025 = { 'HFA-001': 'pass', 'HFA-002': 'excellent', 'HFA-003': 'pass', 'HFA-004': 'excellent', 'HFA-005': 'pass', 'HFA-006': 'fail' };

describe('readPreviousFile', () => {
  it.each([
    { file: 'list-openpyxl.xlsx', kind: 'xlsx', first: 4 },
    { file: 'list-libreoffice.xlsx', kind: 'xlsx', first: 2 },
    { file: 'list-utf8.csv', kind: 'csv-utf-8', first: 2 },
    { file: 'list-utf8-bom.csv', kind: 'csv-utf-8-bom', first: 2 },
    { file: 'list-gbk.csv', kind: 'csv-gbk', first: 2 },
  ])('reads the bureau’s list $file as $kind, with no year of its own', async ({ file, kind, first }) => {
    const read = await readPreviousFile(join(fixtures, file), file);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.kind).toBe(kind);
    expect(read.previous).toEqual({ source: file, year: null, grades: GRADES_2025 });
    expect(read.entries.map((e) => e.row)).toEqual([first, first + 1, first + 2, first + 3, first + 4, first + 5]);
  });

  it('reads a result of a later format version with fields it does not know, and one of format 1', async () => {
    const future = await readPreviousFile(join(fixtures, 'result-future.json'), 'result-future.json');
    if (!future.ok) throw new Error(JSON.stringify(future.problems));
    expect([future.kind, future.previous]).toEqual(['result', { source: 'result-future.json', year: 2025, grades: GRADES_2025 }]);
    const path = join(tempDir(), '2025-result.json');
    writeFileSync(path, previousResultText(2025, 'HFA-006'));
    const v1 = await readPreviousFile(path, '2025-result.json');
    if (!v1.ok) throw new Error(JSON.stringify(v1.problems));
    expect(v1.previous).toEqual({ source: '2025-result.json', year: 2025, grades: { 'HFA-001': 'pass', 'HFA-006': 'fail' } });
    expect(v1.text).toBe(previousResultText(2025, 'HFA-006'));
  });

  it.each([
    {
      file: 'bad-grade.csv',
      problems: [
        ['第 4 行', '联盟 HFA-003 的考核等级“良好”不是 优秀、合格、不合格 之一；请改为 优秀、合格 或 不合格'],
        ['第 6 行', '联盟 HFA-005 的考核等级为空；请改为 优秀、合格 或 不合格'],
      ],
    },
    { file: 'duplicate.xlsx', problems: [['第 6 行', '联盟 HFA-002 重复，已在第 4 行出现；每个联盟只能列一次，请删去多余的一行']] },
  ])('refuses $file with each row named', async ({ file, problems }) => {
    const read = await readPreviousFile(join(fixtures, file), file);
    expect(read.ok ? [] : read.problems.map((p) => [p.code, p.source, p.path, p.message])).toEqual(problems.map(([path, message]) => ['previous-invalid', file, path, message]));
  });

  it.each([
    { name: 'an .xls (OLE) file', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), message: /旧版 \.xls/ },
    { name: 'a zip that is no workbook', bytes: Buffer.from('PK\x03\x04garbage'), message: /不是 Excel 工作簿/ },
    { name: 'text in neither UTF-8 nor GBK', bytes: Buffer.from([0x80, 0xff, 0xfe, 0x2c]), message: /文字编码无法识别/ },
    { name: 'broken JSON', bytes: Buffer.from('{"format": '), message: /不是 JSON/ },
  ])('refuses $name with a reason', async ({ bytes, message }) => {
    const path = join(tempDir(), 'previous.bin');
    writeFileSync(path, bytes);
    const read = await readPreviousFile(path, 'previous.bin');
    expect(read.ok ? '' : read.problems[0]?.message).toMatch(message);
  });

  it('ends the worker at its time cap and says so, instead of waiting on a workbook', async () => {
    const read = await readPreviousFile(join(fixtures, 'list-openpyxl.xlsx'), 'list-openpyxl.xlsx', { maxOldGenerationSizeMb: 256, timeoutMs: 1 });
    expect(read.ok ? '' : read.problems[0]?.message).toMatch(/名单过大或过于复杂，读取超过了 .* 秒的时间上限，为防止程序卡死已停止读取/);
  });

  it('refuses a file too large to be a list before reading it', async () => {
    const path = join(tempDir(), 'huge.csv');
    writeFileSync(path, Buffer.alloc(8 * 1024 * 1024 + 1, 0x61));
    const read = await readPreviousFile(path, 'huge.csv');
    expect(read.ok ? '' : read.problems[0]?.message).toMatch(/超过 8 MiB/);
  });
});

describe('decodeCsv', () => {
  it('tells UTF-8, UTF-8 with BOM and GBK apart, and decodes each', () => {
    const text = '联盟编号,考核等级\r\nHFA-001,合格\r\n';
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toEqual({ text, file: 'csv-utf-8' });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, file: 'csv-utf-8-bom' });
    expect(decodeCsv(new Uint8Array([0xc1, 0xaa, 0xc3, 0xcb]))).toEqual({ text: '联盟', file: 'csv-gbk' });
  });
});
