import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  readPackage,
  type FileSink,
  type PackageFile,
  type ReadPackageOptions,
} from '../../../electron/package-reader/read-package.ts';
import { specDigest } from '../../helpers/spec-digest.ts';
import { gbk, rawZip, unicodePathField, unixMode, type RawEntry } from '../../helpers/raw-zip.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { packageFiles } from '../../helpers/package-builder.ts';

const tempDir = useTempDir('read-zip-');
const UTF8 = 0x800;

async function zipFile(entries: readonly RawEntry[]): Promise<string> {
  const path = join(tempDir(), 'package.zip');
  await writeFile(path, rawZip(entries));
  return path;
}

async function read(entries: readonly RawEntry[], options?: ReadPackageOptions) {
  return readPackage(await zipFile(entries), options);
}

const codes = (reading: { problems: readonly { code: string }[] }): string[] => reading.problems.map((p) => p.code);
const paths = (reading: { files: readonly PackageFile[] }): string[] => reading.files.map((f) => f.path);

/** A sink that records what it was given. */
function recordingSinks() {
  const log: { path: string; bytes: number; finished: PackageFile | null; aborted: boolean }[] = [];
  const openFile = ({ path }: { path: string }): FileSink => {
    const record = { path, bytes: 0, finished: null as PackageFile | null, aborted: false };
    log.push(record);
    return {
      write: (chunk) => {
        record.bytes += chunk.length;
      },
      finish: (file) => {
        record.finished = file;
      },
      abort: () => {
        record.aborted = true;
      },
    };
  };
  return { log, openFile };
}

describe('readPackage: a zip made by an ordinary tool (yazl: UTF-8 flag, deflate)', () => {
  it('reads every file, keeps manifest.json and computes the digest of package-format.md', async () => {
    const files = new Map([
      ['manifest.json', '{"format":"alliance-review/package"}'],
      ['自查报告.pdf', '%PDF 自查'],
      ['证明材料/合同1.pdf', '合同'],
    ]);
    const path = join(tempDir(), 'HFA-012.zip');
    await packageFiles(files).writeZip(path);
    const reading = await readPackage(path);
    expect(reading.problems).toEqual([]);
    expect(reading.kind).toBe('zip');
    expect(reading.root).toBeNull();
    expect(paths(reading)).toEqual(['manifest.json', '自查报告.pdf', '证明材料/合同1.pdf']);
    expect(Buffer.from(reading.manifest ?? []).toString('utf8')).toBe(files.get('manifest.json'));
    expect(reading.files.find((f) => f.path === '证明材料/合同1.pdf')).toEqual({
      path: '证明材料/合同1.pdf',
      size: Buffer.byteLength('合同'),
      sha256: createHash('sha256').update('合同').digest('hex'),
    });
    expect(reading.digest).toBe(specDigest(files));
  });

  it('streams each file to the sink once, and finishes it with its size and hash', async () => {
    const path = join(tempDir(), 'p.zip');
    await packageFiles([
      ['manifest.json', '{}'],
      ['a.pdf', 'x'.repeat(100_000)],
    ]).writeZip(path);
    const { log, openFile } = recordingSinks();
    const progress: { filesDone: number; bytesDone: number; bytesTotal: number; filesTotal: number }[] = [];
    const reading = await readPackage(path, { openFile, onProgress: (p) => progress.push(p) });
    expect(log.map((r) => [r.path, r.bytes, r.aborted])).toEqual([
      ['manifest.json', 2, false],
      ['a.pdf', 100_000, false],
    ]);
    expect(log.map((r) => r.finished)).toEqual([
      reading.files.find((f) => f.path === 'manifest.json'),
      reading.files.find((f) => f.path === 'a.pdf'),
    ]);
    expect(progress.at(-1)).toEqual({ filesDone: 2, filesTotal: 2, bytesDone: 100_002, bytesTotal: 100_002 });
  });
});

describe('readPackage: names', () => {
  it('decodes GBK names written without the UTF-8 flag (Chinese Windows tools)', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: gbk('自查报告.pdf'), data: 'a' },
      { name: gbk('证明材料/合同.pdf'), data: 'b' },
    ]);
    expect(reading.problems).toEqual([]);
    expect(paths(reading)).toEqual(['manifest.json', '自查报告.pdf', '证明材料/合同.pdf']);
  });

  it('reads UTF-8 names with and without the flag', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: '自查报告.pdf', data: 'a', flags: UTF8 },
      { name: '证明材料/合同.pdf', data: 'b' },
    ]);
    expect(paths(reading)).toEqual(['manifest.json', '自查报告.pdf', '证明材料/合同.pdf']);
  });

  it('prefers a valid Unicode Path extra field and ignores a stale one', async () => {
    const raw = gbk('合同.pdf');
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: raw, data: 'a', extraFields: [unicodePathField(raw, '证明材料/技术合同.pdf')] },
      // A field made for another raw name (its CRC does not match): stale, ignored.
      { name: gbk('证明.pdf'), data: 'b', extraFields: [unicodePathField(gbk('证明材料.pdf'), '旧名字.pdf')] },
    ]);
    expect(paths(reading)).toEqual(['manifest.json', '证明.pdf', '证明材料/技术合同.pdf']);
  });

  it('normalises NFD names (macOS) to NFC and backslashes to /', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: 'cafe\u0301.pdf', data: 'a', flags: UTF8 },
      { name: '证明材料\\合同.pdf', data: 'b', flags: UTF8 },
    ]);
    expect(paths(reading)).toEqual(['caf\u00e9.pdf', 'manifest.json', '证明材料/合同.pdf']);
  });

  it('refuses a name that is neither UTF-8 nor GB18030', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: Uint8Array.from([0x61, 0xff, 0x2e, 0x70]), data: 'x' },
    ]);
    expect(codes(reading)).toEqual(['entry-name-undecodable']);
    expect(reading.digest).toBeNull();
  });

  it.each([
    ['../../evil.sh', 'entry-name-parent'],
    ['pkg\\..\\..\\evil.sh', 'entry-name-parent'],
    ['/etc/cron.d/evil', 'entry-name-absolute'],
    ['C:\\Windows\\evil.dll', 'entry-name-drive-letter'],
    ['a.pdf\u0000.exe', 'entry-name-nul'],
    ['a//b.pdf', 'entry-name-invalid'],
  ])('refuses the unsafe name %j (zip slip) and reads nothing of it', async (name, code) => {
    const { log, openFile } = recordingSinks();
    const reading = await read(
      [
        { name: 'manifest.json', data: '{}' },
        { name, data: 'payload', flags: UTF8 },
      ],
      { openFile },
    );
    expect(codes(reading)).toEqual([code]);
    expect(reading.problems[0]?.severity).toBe('error');
    expect(log.map((r) => r.path)).toEqual(['manifest.json']);
    expect(reading.digest).toBeNull();
  });

  it('refuses two entries that become the same path after normalisation', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: 'caf\u00e9.pdf', data: 'a', flags: UTF8 },
      { name: 'cafe\u0301.pdf', data: 'b', flags: UTF8 },
    ]);
    expect(codes(reading)).toEqual(['entry-duplicate']);
    expect(reading.problems[0]?.path).toBe('caf\u00e9.pdf');
  });

  it('refuses a file and a folder of the same name', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: 'a', data: 'file' },
      { name: 'a/b.pdf', data: 'in folder' },
    ]);
    expect(codes(reading)).toEqual(['entry-duplicate']);
  });
});

describe('readPackage: the top-level-folder rule', () => {
  it('reads a zip whose entries all sit under one folder as if that folder were the root', async () => {
    const reading = await read([
      { name: 'HFA-012/', data: '', externalAttributes: unixMode.directory },
      { name: 'HFA-012/manifest.json', data: '{}' },
      { name: 'HFA-012/证明材料/合同.pdf', data: 'a', flags: UTF8 },
    ]);
    expect(reading.root).toBe('HFA-012');
    expect(paths(reading)).toEqual(['manifest.json', '证明材料/合同.pdf']);
    expect(reading.problems).toEqual([]);
  });

  it('counts a folder entry marked only by its DOS attribute (no trailing slash) as a folder', async () => {
    const reading = await read([
      { name: 'HFA-012', data: '', versionMadeBy: 0x0014, externalAttributes: 0x10 },
      { name: 'HFA-012/manifest.json', data: '{}' },
    ]);
    expect(reading.root).toBe('HFA-012');
    expect(reading.problems).toEqual([]);
  });

  it('removes one level only', async () => {
    const reading = await read([
      { name: 'a/b/manifest.json', data: '{}' },
      { name: 'a/b/x.pdf', data: 'x' },
    ]);
    expect(reading.root).toBe('a');
    expect(paths(reading)).toEqual(['b/manifest.json', 'b/x.pdf']);
    expect(codes(reading)).toEqual(['manifest-missing']);
    expect(reading.problems[0]?.message).toContain('b/manifest.json');
  });

  it('keeps the root when entries sit under two folders or at the root', async () => {
    const two = await read([
      { name: 'a/manifest.json', data: '{}' },
      { name: 'b/x.pdf', data: 'x' },
    ]);
    expect(two.root).toBeNull();
    expect(codes(two)).toEqual(['manifest-missing']);
    const atRoot = await read([
      { name: 'manifest.json', data: '{}' },
      { name: 'a/x.pdf', data: 'x' },
    ]);
    expect(atRoot.root).toBeNull();
    expect(paths(atRoot)).toEqual(['a/x.pdf', 'manifest.json']);
  });

  it('ignores what macOS Finder adds (__MACOSX/, .DS_Store, ._*) so the rule still applies', async () => {
    const reading = await read([
      { name: 'pkg/manifest.json', data: '{}' },
      { name: 'pkg/.DS_Store', data: 'finder' },
      { name: '__MACOSX/pkg/._manifest.json', data: 'appledouble' },
      { name: 'pkg/证明材料/Thumbs.db', data: 'windows', flags: UTF8 },
    ]);
    expect(reading.root).toBe('pkg');
    expect(paths(reading)).toEqual(['manifest.json']);
    expect(reading.problems).toEqual([]);
  });
});

describe('readPackage: entries that are refused', () => {
  it('refuses encrypted entries (traditional encryption, bit 0)', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: '合同.pdf', data: 'secret', flags: UTF8 | 0x1 },
    ]);
    expect(codes(reading)).toEqual(['entry-encrypted']);
    expect(reading.problems[0]?.path).toBe('合同.pdf');
  });

  it('refuses strong encryption (bit 6), which stops the listing', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: '合同.pdf', data: 'secret', flags: UTF8 | 0x41 },
    ]);
    expect(codes(reading)).toEqual(['entry-encrypted']);
  });

  it('refuses symbolic links by their Unix mode and never reads their target', async () => {
    const { log, openFile } = recordingSinks();
    const reading = await read(
      [
        { name: 'manifest.json', data: '{}' },
        { name: 'evidence.pdf', data: '/etc/passwd', method: 0, externalAttributes: unixMode.symlink },
      ],
      { openFile },
    );
    expect(codes(reading)).toEqual(['entry-link']);
    expect(log.map((r) => r.path)).toEqual(['manifest.json']);
  });

  it('refuses Windows reparse points (symlinks, junctions) by their attribute', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: 'link.pdf', data: 'x', versionMadeBy: 0x0a14, externalAttributes: 0x420 },
    ]);
    expect(codes(reading)).toEqual(['entry-link']);
  });

  it('refuses device and pipe entries', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: 'fifo', data: '', externalAttributes: unixMode.fifo },
    ]);
    expect(codes(reading)).toEqual(['entry-special-file']);
  });

  it('refuses a compression method it cannot read', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: 'a.pdf', data: 'x', method: 14, packedData: Buffer.from('lzma?') },
    ]);
    expect(codes(reading)).toEqual(['entry-unsupported-compression']);
  });
});

describe('readPackage: damaged zips', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.4 not a zip'), 'not-a-zip', 'PDF'],
    ['a RAR archive', Buffer.from('Rar!\u001a\u0007\u0000 rest'), 'not-a-zip', 'RAR'],
    ['an empty file', Buffer.alloc(0), 'not-a-zip', '空'],
  ])('refuses %s as not a zip, saying what it is', async (_what, bytes, code, hint) => {
    const path = join(tempDir(), 'x.zip');
    await writeFile(path, bytes);
    const reading = await readPackage(path);
    expect(codes(reading)).toEqual([code]);
    expect(reading.problems[0]?.message).toContain(hint);
    expect(reading.problems[0]?.path).toBe('x.zip');
  });

  it('refuses a truncated zip as damaged', async () => {
    const bytes = rawZip([
      { name: 'manifest.json', data: '{}' },
      { name: 'a.pdf', data: 'x'.repeat(1000) },
    ]);
    const path = join(tempDir(), 'cut.zip');
    await writeFile(path, Buffer.concat([bytes.subarray(0, 40), bytes.subarray(bytes.length - 22)]));
    const reading = await readPackage(path);
    expect(codes(reading)).toEqual(['zip-damaged']);
  });

  it.each([
    ['deflated', 8],
    ['stored', 0],
  ])('refuses a %s entry whose CRC-32 does not match, and aborts its sink', async (_what, method) => {
    const { log, openFile } = recordingSinks();
    const reading = await read(
      [
        { name: 'manifest.json', data: '{}' },
        { name: 'a.pdf', data: 'evidence bytes', method, declaredCrc32: 0x12345678 },
        { name: 'b.pdf', data: 'fine' },
      ],
      { openFile },
    );
    expect(codes(reading)).toEqual(['entry-crc-mismatch']);
    expect(reading.problems[0]?.path).toBe('a.pdf');
    expect(log.find((r) => r.path === 'a.pdf')).toMatchObject({ aborted: true, finished: null });
    // Reading goes on: the clerk sees every damaged file, and the good ones are verified.
    expect(paths(reading)).toEqual(['b.pdf', 'manifest.json']);
    expect(reading.listed).toContain('a.pdf');
    expect(reading.digest).toBeNull();
  });

  it('refuses an entry shorter than its header says', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: 'a.pdf', data: 'short', declaredSize: 50 },
    ]);
    expect(codes(reading)).toEqual(['entry-size-mismatch']);
  });

  it('refuses corrupt deflate data as a damaged entry', async () => {
    const reading = await read([
      { name: 'manifest.json', data: '{}' },
      { name: 'a.pdf', data: 'x', packedData: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), declaredSize: 100 },
    ]);
    expect(codes(reading)).toEqual(['entry-damaged']);
  });
});

describe('readPackage: limits and zip bombs', () => {
  const zeros = (mib: number): Buffer => Buffer.alloc(mib * 1024 * 1024);

  it('refuses too many entries from the end record, before listing any', async () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.pdf`, data: 'x' }));
    const { log, openFile } = recordingSinks();
    const reading = await read(entries, { limits: { maxEntries: 10 }, openFile });
    expect(codes(reading)).toEqual(['limit-entry-count']);
    expect(log).toEqual([]);
  });

  it('refuses an honest bomb from its declared sizes before inflating a byte', async () => {
    const { log, openFile } = recordingSinks();
    const started = Date.now();
    // 64 MiB of zeros packs to ~64 KiB: a ratio near 1000:1.
    const reading = await read(
      [
        { name: 'manifest.json', data: '{}' },
        { name: 'bomb.pdf', data: zeros(64) },
      ],
      { openFile },
    );
    expect(codes(reading)).toEqual(['limit-compression-ratio']);
    expect(reading.problems[0]?.path).toBe('bomb.pdf');
    expect(log).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a package whose declared total passes the limit, before reading', async () => {
    const { log, openFile } = recordingSinks();
    const reading = await read(
      [
        { name: 'manifest.json', data: '{}' },
        { name: 'a.pdf', data: randomBytes(3000) },
        { name: 'b.pdf', data: randomBytes(3000) },
      ],
      { openFile, limits: { maxTotalBytes: 5000 } },
    );
    expect(codes(reading)).toEqual(['limit-total-size']);
    expect(log).toEqual([]);
  });

  it('catches a lying header as soon as it lies: no more than the declared bytes reach the sink', async () => {
    const { log, openFile } = recordingSinks();
    const started = Date.now();
    const reading = await read(
      [
        { name: 'manifest.json', data: '{}' },
        // Declares 1000 bytes with an innocent ratio; the data inflates to 32 MiB.
        { name: 'bomb.pdf', packedData: deflateRawSync(zeros(32)), declaredSize: 1000, declaredPackedSize: undefined },
      ],
      { openFile },
    );
    expect(codes(reading)).toEqual(['entry-size-mismatch']);
    const bomb = log.find((r) => r.path === 'bomb.pdf');
    expect(bomb?.bytes).toBeLessThanOrEqual(1000);
    expect(bomb?.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a manifest.json larger than its limit', async () => {
    const reading = await read([{ name: 'manifest.json', data: `{"x":"${'a'.repeat(2000)}"}` }], {
      limits: { maxManifestBytes: 1000 },
    });
    expect(codes(reading)).toEqual(['limit-manifest-size']);
    expect(reading.manifest).toBeNull();
  });

  it('accepts a legitimately large scan (a 200 MB PDF that does not compress) with the default limits', async () => {
    const size = 200 * 1024 * 1024;
    const chunk = randomBytes(1024 * 1024);
    let sent = 0;
    const stream = new Readable({
      read() {
        if (sent >= size) return this.push(null);
        sent += chunk.length;
        this.push(chunk);
      },
    });
    const path = join(tempDir(), 'big.zip');
    await packageFiles([['manifest.json', '{}']]).writeZip(path, { streams: [['扫描件/审计报告.pdf', stream, size]] });
    const reading = await readPackage(path);
    expect(reading.problems).toEqual([]);
    expect(reading.files.find((f) => f.path === '扫描件/审计报告.pdf')?.size).toBe(size);
  }, 120_000);
});

describe('readPackage: the caller’s control', () => {
  it('stops when cancelled, aborting the open sink, and rejects with the reason', async () => {
    const controller = new AbortController();
    const { log, openFile } = recordingSinks();
    const path = await zipFile([
      { name: 'manifest.json', data: '{}' },
      { name: 'a.pdf', data: randomBytes(4 * 1024 * 1024) },
      { name: 'b.pdf', data: 'x' },
    ]);
    const reading = readPackage(path, {
      openFile: (file) => {
        const sink = openFile(file);
        return {
          ...sink,
          write: (chunk) => {
            sink.write(chunk);
            // The clerk presses 取消 while a.pdf is half read.
            if (file.path === 'a.pdf') controller.abort(new Error('clerk cancelled'));
          },
        };
      },
      signal: controller.signal,
    });
    await expect(reading).rejects.toThrow('clerk cancelled');
    expect(log.find((r) => r.path === 'manifest.json')?.finished).not.toBeNull();
    expect(log.find((r) => r.path === 'a.pdf')).toMatchObject({ aborted: true, finished: null });
    expect(log.map((r) => r.path)).not.toContain('b.pdf');
  });

  it('throws the sink’s own failure (a full disk is not a damaged package)', async () => {
    const path = await zipFile([{ name: 'manifest.json', data: '{}' }]);
    const diskFull = new Error('ENOSPC: no space left on device');
    const reading = readPackage(path, {
      openFile: () => ({
        write: () => {
          throw diskFull;
        },
        finish: () => undefined,
        abort: () => undefined,
      }),
    });
    await expect(reading).rejects.toBe(diskFull);
  });

  it.runIf(process.platform !== 'win32')('reports a path that is neither a file nor a folder (a device) as unreadable', async () => {
    const reading = await readPackage('/dev/null');
    expect(codes(reading)).toEqual(['package-unreadable']);
  });

  it('reports a path that does not exist as a problem, not an exception', async () => {
    const reading = await readPackage(join(tempDir(), 'nope.zip'));
    expect(codes(reading)).toEqual(['package-not-found']);
    expect(reading.kind).toBeNull();
  });
});
