/**
 * Zips that different readers read differently, names an expert's laptop cannot hold, and
 * zips whose entries share their data: each is refused with its own code, and nothing of it
 * reaches the sink. The zips are built byte by byte (test/helpers/raw-zip.ts), so each test
 * changes exactly the one field it is about.
 */
import { writeFile } from 'node:fs/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPackage, type FileSink, type ReadPackageOptions } from '../../../electron/package-reader/read-package.ts';
import { gbk, rawZip, unicodePathField, type RawEntry } from '../../helpers/raw-zip.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('hostile-zip-');
const manifest: RawEntry = { name: 'manifest.json', data: '{}' };

async function zipFile(entries: readonly RawEntry[]): Promise<string> {
  const path = join(tempDir(), 'package.zip');
  await writeFile(path, rawZip(entries));
  return path;
}

/** Reads `entries` as a zip, counting every byte handed to a sink. */
async function read(entries: readonly RawEntry[], options: ReadPackageOptions = {}) {
  let written = 0;
  const sunk: string[] = [];
  const openFile = ({ path }: { path: string }): FileSink => {
    sunk.push(path);
    return {
      write: (chunk) => {
        written += chunk.length;
      },
      finish: () => undefined,
      abort: () => undefined,
    };
  };
  const reading = await readPackage(await zipFile(entries), { ...options, openFile });
  return { reading, codes: reading.problems.map((p) => p.code), written, sunk };
}

describe('a local header that disagrees with the central directory', () => {
  const contract = { name: '证明材料/合同.pdf', data: '%PDF 合同' };

  it.each<[string, RawEntry['local']]>([
    ['another name (../../ in the local header)', { name: '../../evil.pdf' }],
    ['another safe name', { name: '证明材料/发票.pdf' }],
    ['another method', { method: 0 }],
    ['another unpacked size', { size: 1 }],
    ['another packed size', { packedSize: 3 }],
    ['another CRC-32', { crc32: 0x12345678 }],
    ['the encrypted flag', { flags: 0x1 }],
    ['the UTF-8 flag', { flags: 0x800 }],
    ['a Unicode Path field naming another file', { extraFields: [unicodePathField(Buffer.from('证明材料/合同.pdf'), '../../evil.pdf')] }],
  ])('refuses %s', async (_what, local) => {
    const { codes, reading, sunk } = await read([manifest, { ...contract, local }]);
    expect(codes).toEqual(['entry-header-mismatch']);
    expect(reading.problems[0]?.path).toBe('证明材料/合同.pdf');
    expect(reading.problems[0]?.message).toMatch(/不一致.*重新打包/);
    expect(sunk).not.toContain('证明材料/合同.pdf');
    expect(reading.digest).toBeNull();
  });

  it('accepts a data descriptor entry whose local header leaves CRC and sizes zero', async () => {
    const { codes, reading } = await read([manifest, { ...contract, flags: 0x8, local: { crc32: 0, size: 0, packedSize: 0 } }]);
    expect(codes).toEqual([]);
    expect(reading.files.map((f) => f.path)).toEqual(['manifest.json', '证明材料/合同.pdf']);
  });

  it('refuses a data descriptor entry whose local header gives other sizes', async () => {
    const { codes } = await read([manifest, { ...contract, flags: 0x8, local: { size: 99 } }]);
    expect(codes).toEqual(['entry-header-mismatch']);
  });
});

describe('a raw name hidden behind a Unicode Path extra field (0x7075)', () => {
  it('refuses a raw ../ name even when the field carries a safe one', async () => {
    const raw = Buffer.from('../../evil.pdf');
    const { codes, reading, sunk } = await read([manifest, { name: raw, data: 'x', extraFields: [unicodePathField(raw, '证明材料/合同.pdf')] }]);
    expect(codes).toEqual(['entry-name-parent']);
    expect(reading.problems[0]?.path).toBe('../../evil.pdf');
    expect(reading.problems[0]?.message).toContain('证明材料/合同.pdf');
    expect(sunk).toEqual(['manifest.json']);
  });

  it('refuses an absolute raw name behind a safe field', async () => {
    const raw = Buffer.from('/etc/cron.d/x');
    const { codes } = await read([manifest, { name: raw, data: 'x', extraFields: [unicodePathField(raw, 'x.pdf')] }]);
    expect(codes).toEqual(['entry-name-absolute']);
  });

  it('still accepts a GBK raw name with a Unicode Path field that names the same file', async () => {
    const raw = gbk('证明材料/合同.pdf');
    const { codes, reading } = await read([manifest, { name: raw, data: 'x', extraFields: [unicodePathField(raw, '证明材料/合同.pdf')] }]);
    expect(codes).toEqual([]);
    expect(reading.files.map((f) => f.path)).toContain('证明材料/合同.pdf');
  });
});

describe('names that hide what they are', () => {
  it.each([
    ['a right-to-left override', '证明材料/合同\u202Efdp.exe', 'entry-name-invisible'],
    ['a left-to-right isolate', '证明材料/\u2066合同.pdf', 'entry-name-invisible'],
    ['a zero-width space (a twin of 合同.pdf)', '证明材料/合\u200B同.pdf', 'entry-name-invisible'],
    ['a zero-width joiner', '合同\u200D.pdf', 'entry-name-invisible'],
    ['a byte-order mark inside', '\uFEFF合同.pdf', 'entry-name-invisible'],
    ['a C1 control (NEL)', '合同\u0085.pdf', 'entry-name-invalid'],
    ['a C1 control (CSI)', '合同\u009B.pdf', 'entry-name-invalid'],
  ])('refuses %s', async (_what, name, code) => {
    const { codes, reading, sunk } = await read([manifest, { name, data: 'x', flags: 0x800 }]);
    expect(codes).toEqual([code]);
    expect(reading.problems[0]?.path).toMatch(/\\u[0-9a-f]{4}/);
    expect(sunk).toEqual(['manifest.json']);
  });
});

describe('names an expert laptop cannot hold', () => {
  it.each([
    ['CON', 'entry-name-windows'],
    ['NUL.pdf', 'entry-name-windows'],
    ['aux', 'entry-name-windows'],
    ['COM1.txt', 'entry-name-windows'],
    ['LPT1', 'entry-name-windows'],
    ['证明材料/con.pdf', 'entry-name-windows'],
    ['PRN/合同.pdf', 'entry-name-windows'],
    ['a:b.pdf', 'entry-name-drive-letter'],
    ['证明材料/a:b.pdf', 'entry-name-windows'],
    ['x.pdf.', 'entry-name-windows'],
    ['x.pdf ', 'entry-name-windows'],
    ['证明材料 /x.pdf', 'entry-name-windows'],
    ['a<b.pdf', 'entry-name-windows'],
    ['a>b.pdf', 'entry-name-windows'],
    ['a|b.pdf', 'entry-name-windows'],
    ['a?b.pdf', 'entry-name-windows'],
    ['a*b.pdf', 'entry-name-windows'],
    ['a"b.pdf', 'entry-name-windows'],
  ])('refuses %j', async (name, code) => {
    const { codes, reading } = await read([manifest, { name, data: 'x' }]);
    expect(codes).toEqual([code]);
    expect(reading.problems[0]?.message).toMatch(/请/);
    if (code === 'entry-name-windows') expect(reading.problems[0]?.message).toMatch(/改名/);
  });

  it('names the file in the message and says what to rename', async () => {
    const { reading } = await read([manifest, { name: '证明材料/NUL.pdf', data: 'x' }]);
    expect(reading.problems[0]).toMatchObject({ code: 'entry-name-windows', path: '证明材料/NUL.pdf' });
    expect(reading.problems[0]?.message).toContain('“NUL.pdf”');
    expect(reading.problems[0]?.message).toContain('改名');
  });

  it('accepts names that only look like device names', async () => {
    const names = ['CONTRACT.pdf', 'console.pdf', 'COM10.pdf', 'nul-report.pdf', '证明材料/aux材料.pdf', '.hidden.pdf'];
    const { codes } = await read([manifest, ...names.map((name) => ({ name, data: name }))]);
    expect(codes).toEqual([]);
  });

  it.each([
    [['A.pdf', 'a.pdf'], 'a.pdf'],
    [['manifest.json', 'MANIFEST.JSON'], 'MANIFEST.JSON'],
    [['证明材料/合同.PDF', '证明材料/合同.pdf'], '证明材料/合同.pdf'],
    [['Docs/a.pdf', 'docs/b.pdf'], 'docs'],
    [['Cafe\u0301.pdf', 'caf\u00e9.pdf'], 'café.pdf'],
  ])('refuses case twins %j', async (names, twin) => {
    const entries = names.map((name) => ({ name, data: name, flags: 0x800 }));
    const { codes, reading } = await read(names.includes('manifest.json') ? entries : [manifest, ...entries]);
    expect(codes).toEqual(['entry-case-twin']);
    expect(reading.problems[0]?.path).toBe(twin);
    expect(reading.problems[0]?.message).toMatch(/大小写.*改/);
  });

  it('refuses the same names in a folder package', async () => {
    const dir = join(tempDir(), 'pkg');
    mkdirSync(join(dir, '证明材料'), { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), '{}');
    for (const name of ['CON', 'a?b.pdf', 'x.pdf.', 'A.pdf', 'a.pdf', '合同\u202Efdp.exe']) writeFileSync(join(dir, '证明材料', name), 'x');
    const reading = await readPackage(dir);
    expect(reading.problems.map((p) => p.code).sort()).toEqual([
      'entry-case-twin',
      'entry-name-invisible',
      'entry-name-windows',
      'entry-name-windows',
      'entry-name-windows',
    ]);
  });
});

describe('entries that share their data, and the whole-package ratio', () => {
  const MiB = 1024 * 1024;
  const zeros = Buffer.alloc(MiB - 1);
  const packed = deflateRawSync(zeros);
  const crc = crc32(zeros);

  it('refuses a 4000-record zip whose records all point at one compressed entry, before inflating', async () => {
    const entries: RawEntry[] = [manifest, { name: 'a.pdf', data: zeros, packedData: packed }];
    for (let i = 0; i < 3999; i += 1) entries.push({ name: 'a.pdf', data: '', declaredSize: zeros.length, declaredCrc32: crc, packedData: packed, sameDataAs: 1 });
    const zip = rawZip(entries);
    expect(zip.length).toBeLessThan(300 * 1024);
    const started = Date.now();
    const { codes, written, reading } = await read(entries);
    expect(codes).toEqual(['entry-overlap']);
    expect(reading.problems[0]?.message).toMatch(/同一段压缩数据/);
    expect(written).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses records with other names pointing at one entry as overlapping, with one problem', async () => {
    const entries: RawEntry[] = [manifest, { name: 'a.pdf', data: zeros, packedData: packed }];
    for (let i = 0; i < 50; i += 1) entries.push({ name: `f${i}.pdf`, data: zeros, packedData: packed, sameDataAs: 1 });
    const { codes, written } = await read(entries);
    expect(codes).toEqual(['entry-overlap']);
    expect(written).toBe(0);
  });

  it('refuses an entry whose data runs into the next entry', async () => {
    const { codes } = await read([
      manifest,
      { name: 'a.pdf', data: 'aaaa', method: 0, declaredPackedSize: 40, declaredSize: 40 },
      { name: 'b.pdf', data: 'bbbb', method: 0 },
    ]);
    expect(codes).toContain('entry-overlap');
  });

  it('refuses many small entries (each under the per-entry ratio floor) that unpack past the whole-package ratio', async () => {
    const entries: RawEntry[] = [manifest];
    for (let i = 0; i < 100; i += 1) entries.push({ name: `f${i}.pdf`, data: zeros, packedData: packed });
    const { codes, written, reading } = await read(entries);
    expect(codes).toEqual(['limit-package-ratio']);
    expect(reading.problems[0]?.message).toMatch(/整体压缩比超过了 100:1/);
    expect(written).toBe(0);
  });

  it('accepts the same entries when the whole-package limit is raised', async () => {
    const entries: RawEntry[] = [manifest];
    for (let i = 0; i < 70; i += 1) entries.push({ name: `f${i}.pdf`, data: zeros, packedData: packed });
    const { codes } = await read(entries, { limits: { maxPackageCompressionRatio: 10_000 } });
    expect(codes).toEqual([]);
  });
});

describe('zip64 sizes in the local header', () => {
  /** A zip64 extended information field holding both sizes, as a local header must. */
  const zip64Field = (unpacked: number, packed: number) => {
    const data = Buffer.alloc(16);
    data.writeBigUInt64LE(BigInt(unpacked), 0);
    data.writeBigUInt64LE(BigInt(packed), 8);
    return { id: 0x0001, data };
  };

  it('reads both sizes from the local zip64 field and accepts them when they agree', async () => {
    const data = Buffer.from('%PDF zip64');
    const packedSize = deflateRawSync(data).length;
    const { codes } = await read([
      manifest,
      { name: 'a.pdf', data, local: { size: 0xffffffff, packedSize: 0xffffffff, extraFields: [zip64Field(data.length, packedSize)] } },
    ]);
    expect(codes).toEqual([]);
  });

  it('refuses a local zip64 field that gives another size', async () => {
    const data = Buffer.from('%PDF zip64');
    const packedSize = deflateRawSync(data).length;
    const { codes } = await read([
      manifest,
      { name: 'a.pdf', data, local: { size: 0xffffffff, packedSize: 0xffffffff, extraFields: [zip64Field(4 * 1024 ** 3, packedSize)] } },
    ]);
    expect(codes).toEqual(['entry-header-mismatch']);
  });
});

describe('a Unicode Path field in the central directory only', () => {
  it('is no mismatch: the local header has the same raw name, which is checked too', async () => {
    const raw = gbk('证明材料/合同.pdf');
    const { codes, reading } = await read([manifest, { name: raw, data: 'x', extraFields: [unicodePathField(raw, '证明材料/合同.pdf')], local: { extraFields: [] } }]);
    expect(codes).toEqual([]);
    expect(reading.files.map((f) => f.path)).toContain('证明材料/合同.pdf');
  });
});
