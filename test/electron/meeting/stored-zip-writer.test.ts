import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { ZipEntrySource } from '../../../electron/meeting/stored-zip-writer.ts';
import { writeStoredZip, ZipSourceChanged } from '../../../electron/meeting/stored-zip-writer.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { readZipWith } from '../../helpers/read-zip.ts';

const tempDir = useTempDir('stored-zip-');
const EXPORTED_AT = new Date('2026-12-01T09:30:00+08:00');

interface ReadEntry {
  readonly bytes: Buffer;
  readonly method: number;
  readonly zip64Extra: boolean;
  readonly modified: { date: number; time: number };
}

/** Every entry of a zip read back with yauzl, the app's reader. */
function readZip(path: string): Promise<Map<string, ReadEntry>> {
  return readZipWith(path, (entry, bytes) => ({
    bytes,
    method: entry.compressionMethod,
    zip64Extra: entry.extraFields.some((field) => field.id === 0x0001),
    modified: { date: entry.lastModFileDate, time: entry.lastModFileTime },
  }));
}

function source(name: string, content: string | Buffer, recorded: Partial<Pick<ZipEntrySource, 'size' | 'sha256'>> = {}): ZipEntrySource {
  const bytes = Buffer.from(content);
  return {
    name,
    size: recorded.size ?? bytes.length,
    sha256: recorded.sha256 ?? createHash('sha256').update(bytes).digest('hex'),
    // Chunks of 1000 bytes, as a file stream would hand them over.
    open: () => Readable.from(Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) => bytes.subarray(i * 1000, (i + 1) * 1000))),
  };
}

/** Entries shaped like a meeting file's: meeting.json, then each package's files. */
function meetingEntries(): ZipEntrySource[] {
  return [
    source('meeting.json', `${JSON.stringify({ format: 'alliance-review/meeting', version: 1, name: '2026 年度评审会' }, null, 2)}\n`),
    source('packages/HFA-001/manifest.json', '{"alliance":{"id":"HFA-001"}}'),
    source('packages/HFA-001/证明材料/专利证书.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 7)])),
    source('packages/HFA-002/空文件.txt', ''),
  ];
}

function signatureCount(bytes: Buffer, signature: number): number {
  const needle = Buffer.alloc(4);
  needle.writeUInt32LE(signature);
  let count = 0;
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) count += 1;
  return count;
}

describe('stored zip writer (the meeting file’s container)', () => {
  const zone = process.env['TZ'];
  afterEach(() => {
    if (zone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zone;
  });

  it('writes every entry stored, in order, with its bytes, readable by yauzl', async () => {
    const path = join(tempDir(), '会议包.meeting.zip');
    const entries = meetingEntries();
    const written = await writeStoredZip(path, entries, { modified: EXPORTED_AT });
    expect(written).toEqual({ outcome: 'written', bytes: readFileSync(path).length });
    const read = await readZip(path);
    expect([...read.keys()]).toEqual(entries.map((e) => e.name));
    for (const entry of entries) {
      const got = read.get(entry.name)!;
      expect(createHash('sha256').update(got.bytes).digest('hex')).toBe(entry.sha256);
      expect(got.method).toBe(0);
      expect(got.zip64Extra).toBe(false);
    }
    // Small meetings get the classic end record only.
    expect(signatureCount(readFileSync(path), 0x06064b50)).toBe(0);
  });

  it('writes ZIP64 records when asked, and yauzl reads them back', async () => {
    const path = join(tempDir(), 'zip64.meeting.zip');
    const entries = meetingEntries();
    await writeStoredZip(path, entries, { modified: EXPORTED_AT, forceZip64: true });
    const bytes = readFileSync(path);
    // The ZIP64 end of central directory record and its locator, before the classic end record.
    expect(signatureCount(bytes, 0x06064b50)).toBe(1);
    expect(signatureCount(bytes, 0x07064b50)).toBe(1);
    const zip64End = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]));
    expect(zip64End).toBeGreaterThan(bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(bytes.readBigUInt64LE(zip64End + 24)).toBe(BigInt(entries.length));
    // The classic end record says "see the ZIP64 one" for the count.
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    expect(bytes.readUInt16LE(end + 10)).toBe(0xffff);
    const read = await readZip(path);
    expect([...read.keys()]).toEqual(entries.map((e) => e.name));
    for (const entry of entries) {
      const got = read.get(entry.name)!;
      expect(got.zip64Extra).toBe(true);
      expect(createHash('sha256').update(got.bytes).digest('hex')).toBe(entry.sha256);
    }
  });

  it('gives the same bytes whatever the laptop’s time zone, stamped in China time', async () => {
    const folder = tempDir();
    process.env['TZ'] = 'America/New_York';
    await writeStoredZip(join(folder, 'ny.zip'), meetingEntries(), { modified: EXPORTED_AT });
    process.env['TZ'] = 'Asia/Shanghai';
    await writeStoredZip(join(folder, 'hefei.zip'), meetingEntries(), { modified: EXPORTED_AT });
    expect(readFileSync(join(folder, 'ny.zip')).equals(readFileSync(join(folder, 'hefei.zip')))).toBe(true);
    const stamp = (await readZip(join(folder, 'ny.zip'))).get('meeting.json')!.modified;
    // 2026-12-01 09:30:00 in MS-DOS fields.
    expect(stamp).toEqual({ date: ((2026 - 1980) << 9) | (12 << 5) | 1, time: (9 << 11) | (30 << 5) });
  });

  it.each([
    ['content changed', { sha256: 'f'.repeat(64) }, /SHA-256 不符/],
    ['smaller than recorded', { size: 5020 }, /比记录的小/],
    ['larger than recorded', { size: 100 }, /比记录的大/],
  ])('stops on a source whose %s, and leaves no file, not even a temporary one', async (_what, recorded, message) => {
    const folder = tempDir();
    const path = join(folder, 'damaged.meeting.zip');
    const entries = meetingEntries();
    entries[2] = source(entries[2]!.name, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 8)]), recorded);
    const failed = writeStoredZip(path, entries, { modified: EXPORTED_AT });
    await expect(failed).rejects.toBeInstanceOf(ZipSourceChanged);
    await expect(failed).rejects.toThrow(message);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('stops when a source cannot be opened, and never opens the entries after it', async () => {
    const folder = tempDir();
    const opened: string[] = [];
    const entries = meetingEntries().map((entry, i) => ({
      ...entry,
      open: () => {
        opened.push(entry.name);
        if (i === 1) throw new ZipSourceChanged(entry.name, '材料库中没有这个文件');
        return entry.open();
      },
    }));
    await expect(writeStoredZip(join(folder, 'm.zip'), entries, { modified: EXPORTED_AT })).rejects.toThrow(/材料库中没有这个文件/);
    expect(opened).toEqual(entries.slice(0, 2).map((e) => e.name));
    expect(readdirSync(folder)).toEqual([]);
  });

  it('keeps a file already under the name', async () => {
    const folder = tempDir();
    const path = join(folder, 'old.meeting.zip');
    writeFileSync(path, 'the earlier meeting file');
    expect((await writeStoredZip(path, meetingEntries(), { modified: EXPORTED_AT })).outcome).toBe('exists');
    expect(readFileSync(path, 'utf8')).toBe('the earlier meeting file');
    expect(readdirSync(folder)).toEqual(['old.meeting.zip']);
  });
});
