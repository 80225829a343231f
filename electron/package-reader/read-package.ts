/**
 * Package reader: reads an alliance package, a zip file or a folder, once, checking it as it
 * goes (package-format.md).
 *
 * - package file: a regular file of the package, named by its package path (NFC,
 *   `/`-separated, after the top-level-folder rule), with its size and SHA-256.
 * - reading: the outcome: every package file read and verified, the bytes of manifest.json,
 *   the digest, and every problem found. Problems are collected, never thrown; only the
 *   caller's cancellation (`signal`) and failures of the caller's own sink are thrown.
 * - sink: where the caller wants a file's bytes to go while they are read (the importer
 *   streams them into its content-addressed store, hashing as it writes), so a package is
 *   never read twice. A sink sees only bytes that passed every check so far; `finish` is
 *   called once the file's size and CRC are verified, `abort` when they are not. The reader
 *   itself writes nothing to disk.
 *
 * Checks, in order: names (decoded per the spec, normalised, safe), entry types (no links,
 * no devices), encryption, compression method, duplicates and case twins; then the limits on
 * what the headers declare (total, each entry's ratio, the whole zip's ratio), refused before a
 * byte is inflated; then, while reading, that no entry yields more
 * bytes than it declared (which keeps the bytes actually read within every limit, see below),
 * then its size and CRC-32 at its end. A limit refuses the whole package at once; a damaged
 * entry is reported and reading goes on, so the clerk sees every damaged file.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { crc32 } from 'node:zlib';
import { normalizePackagePath } from '../../shared/package/package-path.ts';
import { problem, type PackageProblem } from '../../shared/package/problem.ts';
import { assertNever } from '../../shared/rubric/assert-never.ts';
import { findCaseTwins } from './case-twins.ts';
import { checkEntryName, displayName } from './check-entry-name.ts';
import { compareUtf8Paths, packageDigest } from './digest.ts';
import { openFolderSource } from './folder-source.ts';
import { formatBytes } from '../../shared/format/format-bytes.ts';
import { resolveLimits, tooCompressedPackage, type PackageLimits } from './limits.ts';
import type { PackageSource, SourceEntry } from './package-source.ts';
import { isSystemFile } from './system-files.ts';
import { stripTopLevelFolder, topLevelFolder } from './top-level-folder.ts';
import { openZipSource } from './zip-source.ts';
import { findWorkbook } from './workbook/find-workbook.ts';
import type { EvidenceInspection } from '../../shared/evidence/evidence-inspection.ts';
import { inspectEvidence, type InspectInput } from './inspect-evidence.ts';

export const MANIFEST_PATH = 'manifest.json';

export interface PackageFile {
  readonly path: string;
  readonly size: number;
  /** Lowercase hex SHA-256 of the bytes. */
  readonly sha256: string;
}

export interface FileSink {
  write(chunk: Uint8Array): void | Promise<void>;
  finish(file: PackageFile): void | Promise<void>;
  abort(): void | Promise<void>;
  /**
   * Where `finish` leaves the file's bytes, complete, until the package's reading is done (the
   * importer's staged copy). The reader then holds no more than `maxHeldBytes` of the file
   * for the inspection, which reads the rest from there.
   */
  readonly storedPath?: string;
}

/**
 * A file's sinks as one: both see every chunk; `first` may decline a file, and then `second`
 * alone takes it. (Used by readers that collect some files and spool others.)
 */
export function bothSinks(
  first: (file: { path: string; size: number }) => FileSink | undefined,
  second: (file: { path: string; size: number }) => FileSink,
): (file: { path: string; size: number }) => FileSink {
  return (file) => {
    const a = first(file);
    const b = second(file);
    if (a === undefined) return b;
    return {
      write: async (chunk) => {
        await a.write(chunk);
        await b.write(chunk);
      },
      finish: async (f) => {
        await a.finish(f);
        await b.finish(f);
      },
      abort: async () => {
        await a.abort();
        await b.abort();
      },
    };
  };
}

/** What the inspection needs of a file held only in part: its type from its head. */
const HEAD_BYTES = 64 * 1024;

export interface ReadProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  /** What the headers declare; the reader refuses a package that reads more. */
  readonly bytesTotal: number;
}

export interface ReadPackageOptions {
  readonly limits?: Partial<PackageLimits> | undefined;
  /** Called before a file's bytes are read; return a sink for them, or nothing. */
  readonly openFile?: ((file: { readonly path: string; readonly size: number }) => FileSink | undefined | Promise<FileSink | undefined>) | undefined;
  readonly onProgress?: ((progress: ReadProgress) => void) | undefined;
  /** Cancels reading: sinks are aborted and `readPackage` rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Inspect each file's bytes (type, pages, viewable); default true. */
  readonly inspect?: boolean | undefined;
  /**
   * How a file read is inspected; default inspect-evidence.ts. The importer reads the
   * cross-check's file features from the same bytes, in the same pass (electron/integrity/).
   */
  readonly inspectFile?: ((input: InspectInput, file: PackageFile) => Promise<EvidenceInspection>) | undefined;
  /**
   * The name the clerk knows the package by (the file they chose, before the app copied it to
   * its own folder): messages and package-wide problems use it instead of the path, so they
   * never show the app's internal paths. Without it (the CLI, where the path is what the user
   * typed), the path is shown.
   */
  readonly displayName?: string | undefined;
}

export interface PackageReading {
  /** null when the path is neither (missing, or a device). */
  readonly kind: 'zip' | 'folder' | null;
  /** The file or folder name of the package, used as the path of package-wide problems. */
  readonly name: string;
  /** The top-level folder removed by the top-level-folder rule, or null. */
  readonly root: string | null;
  /** Every file read and verified, ordered by the UTF-8 bytes of its path. */
  readonly files: readonly PackageFile[];
  /**
   * The package path of every file listed, read or not (a damaged or encrypted file is listed
   * but not read), so manifest checks do not call a damaged file missing as well.
   */
  readonly listed: readonly string[];
  /** manifest.json as read, or null when it is missing or could not be read. */
  readonly manifest: Uint8Array | null;
  /**
   * The self-check workbook (自查表.xlsx) that stands for the manifest of a package without
   * manifest.json (package-format.md section 10), as read; null otherwise.
   */
  readonly workbook: { readonly path: string; readonly bytes: Uint8Array } | null;
  /** The package digest, or null unless every file of the package was read and verified. */
  readonly digest: string | null;
  /**
   * What the inspection of each file read found, by package path (empty when `inspect` is
   * false): its type, pages and whether experts can see it (shared/evidence/).
   */
  readonly inspections: ReadonlyMap<string, EvidenceInspection>;
  readonly problems: readonly PackageProblem[];
}

/** A failure of the caller's sink: thrown to the caller, never reported as a package problem. */
class SinkFailure extends Error {
  constructor(cause: unknown) {
    super('file sink failed', { cause });
  }
}

async function callSink<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new SinkFailure(error);
  }
}

interface FileToRead {
  readonly entry: SourceEntry;
  readonly path: string;
}

function failed(kind: PackageReading['kind'], name: string, problems: readonly PackageProblem[]): PackageReading {
  return { kind, name, root: null, files: [], listed: [], manifest: null, workbook: null, digest: null, inspections: new Map(), problems };
}

export async function readPackage(path: string, options: ReadPackageOptions = {}): Promise<PackageReading> {
  const internal = basename(path);
  const name = options.displayName ?? internal;
  const reading = await readPackageAt(path, name, options.displayName ?? path, options);
  if (name === internal) return reading;
  // The sources name package-wide problems by the base name of the path they opened.
  const problems = reading.problems.map((p) => (p.path === internal ? { ...p, path: name } : p));
  return { ...reading, name, problems };
}

async function readPackageAt(path: string, name: string, shown: string, options: ReadPackageOptions): Promise<PackageReading> {
  const limits = resolveLimits(options.limits);
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return failed(null, name, [
        problem(
          'package-not-found',
          name,
          options.displayName === undefined
            ? `找不到“${shown}”。请检查文件或文件夹的路径是否正确。`
            : `找不到“${shown}”（可能已被移动或删除）。请重新选择这个文件或文件夹。`,
        ),
      ]);
    }
    return failed(null, name, [
      problem('package-unreadable', name, `无法打开“${shown}”（${code ?? (error as Error).message}）。请检查访问权限后重试。`),
    ]);
  }
  let source: PackageSource;
  if (stats.isDirectory()) {
    source = openFolderSource(path);
  } else if (stats.isFile()) {
    const opened = await openZipSource(path);
    if (!opened.ok) return failed('zip', name, [opened.problem]);
    source = opened.source;
  } else {
    return failed(null, name, [
      problem('package-unreadable', name, `“${shown}”既不是文件也不是文件夹。请选择联盟提交的 .zip 文件或资料文件夹。`),
    ]);
  }
  try {
    return await readFromSource(source, name, limits, options);
  } catch (error) {
    if (error instanceof SinkFailure) throw error.cause;
    throw error;
  } finally {
    await source.close();
  }
}

async function readFromSource(
  source: PackageSource,
  name: string,
  limits: PackageLimits,
  options: ReadPackageOptions,
): Promise<PackageReading> {
  options.signal?.throwIfAborted();
  const listing = await source.list(limits);
  const problems: PackageProblem[] = [...listing.problems];
  if (listing.fatal) return failed(source.kind, name, problems);

  // Names, types, system files.
  const named: { entry: SourceEntry; path: string }[] = [];
  for (const entry of listing.entries) {
    const checked = checkEntryName(entry.name);
    if (!checked.ok) {
      problems.push(problem(checked.code, displayName(normalizePackagePath(entry.name)), checked.message));
      continue;
    }
    switch (entry.type) {
      case 'link':
        problems.push(
          problem(
            'entry-link',
            checked.path,
            '这是一个链接（快捷方式/符号链接），不是真正的文件，为安全起见拒绝导入。请把它指向的文件本身放进包里，重新打包后提交。',
          ),
        );
        continue;
      case 'special':
        problems.push(
          problem(
            'entry-special-file',
            checked.path,
            '这不是普通文件（是设备、管道或套接字等特殊文件），拒绝导入。请只把普通文件放进包里，重新打包后提交。',
          ),
        );
        continue;
      case 'file':
      case 'directory':
        break;
      default:
        return assertNever(entry.type);
    }
    if (isSystemFile(checked.path)) continue;
    // A folder marked only by its attributes still counts as a folder for the top-level rule.
    const path = entry.type === 'directory' && !checked.path.endsWith('/') ? `${checked.path}/` : checked.path;
    named.push({ entry, path });
  }

  // The top-level-folder rule, then duplicates (after normalisation two names can meet).
  const root = topLevelFolder(named);
  const toRead: FileToRead[] = [];
  const seen = new Set<string>();
  const folders = new Set<string>();
  for (const { entry, path: full } of named) {
    const path = stripTopLevelFolder(full, root);
    if (entry.type === 'directory') continue;
    if (seen.has(path)) {
      problems.push(
        problem(
          'entry-duplicate',
          path,
          '包里有两个同名文件（文件名在统一编码和“\\”“/”之后相同），无法确定用哪一个。请删除或改名其中一个后重新打包。',
        ),
      );
      continue;
    }
    seen.add(path);
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i += 1) folders.add(segments.slice(0, i).join('/'));
    toRead.push({ entry, path });
  }
  for (const { first, twin } of findCaseTwins(toRead.map((f) => f.path))) problems.push(caseTwinProblem(first, twin));
  const files: FileToRead[] = [];
  for (const file of toRead) {
    const { entry, path } = file;
    if (folders.has(path)) {
      problems.push(problem('entry-duplicate', path, '包里有一个文件和一个文件夹同名，无法确定它指的是哪一个。请改名其中一个后重新打包。'));
    } else if (entry.encrypted) {
      problems.push(problem('entry-encrypted', path, '这个文件加了密码，无法读取。请让联盟去掉密码、不加密重新打包后提交。'));
    } else if (entry.unsupportedCompression !== null) {
      problems.push(
        problem(
          'entry-unsupported-compression',
          path,
          `这个文件使用了不常见的压缩方式（方法 ${entry.unsupportedCompression}），无法读取。请用系统自带的“压缩”功能或 7-Zip 的“ZIP / Deflate”格式重新打包。`,
        ),
      );
    } else {
      files.push(file);
    }
  }

  // Limits on what the headers declare: refused before a byte is inflated.
  const bytesTotal = files.reduce((sum, f) => sum + f.entry.declaredSize, 0);
  if (bytesTotal > limits.maxTotalBytes) {
    problems.push(
      problem(
        'limit-total-size',
        name,
        `包里的文件解压后共 ${formatBytes(bytesTotal)}，超过了上限 ${formatBytes(limits.maxTotalBytes)}，拒绝导入（可能是“压缩炸弹”）。如确属正常材料，请压缩扫描件的分辨率后重新打包。`,
      ),
    );
    return failed(source.kind, name, problems);
  }
  for (const { entry, path } of files) {
    if (tooCompressed(entry.declaredSize, entry.packedSize, limits)) {
      problems.push(ratioProblem(path, limits));
      return failed(source.kind, name, problems);
    }
  }
  if (source.size !== null && tooCompressedPackage(bytesTotal, source.size, limits)) {
    problems.push(packageRatioProblem(name, bytesTotal, source.size, limits));
    return failed(source.kind, name, problems);
  }
  const manifestEntry = files.find((f) => f.path === MANIFEST_PATH);
  // Without manifest.json, a filled self-check workbook at the root stands for it.
  const workbookSearch = manifestEntry === undefined ? findWorkbook(files.map((f) => f.path)) : ({ kind: 'none' } as const);
  const workbookPath = workbookSearch.kind === 'found' ? workbookSearch.path : null;
  if (manifestEntry === undefined && workbookPath === null) {
    problems.push(manifestMissing(files.map((f) => f.path), root, workbookSearch.kind === 'ambiguous' ? workbookSearch.paths : []));
  } else if (manifestEntry !== undefined && manifestEntry.entry.declaredSize > limits.maxManifestBytes) {
    problems.push(
      problem(
        'limit-manifest-size',
        MANIFEST_PATH,
        `manifest.json 有 ${formatBytes(manifestEntry.entry.declaredSize)}，超过了上限 ${formatBytes(limits.maxManifestBytes)}。manifest.json 只应包含申报信息，证明材料请作为单独的文件放进包里。`,
      ),
    );
  }

  // Read every file once, checking what is actually read.
  const read: PackageFile[] = [];
  const inspections = new Map<string, EvidenceInspection>();
  const inspect = options.inspect ?? true;
  let manifest: Uint8Array | null = null;
  let workbook: PackageReading['workbook'] = null;
  let bytesDone = 0;
  const progress = (filesDone: number): void =>
    options.onProgress?.({ filesDone, filesTotal: files.length, bytesDone, bytesTotal });
  progress(0);
  for (const { entry, path } of files) {
    if (path === MANIFEST_PATH && entry.declaredSize > limits.maxManifestBytes) continue;
    options.signal?.throwIfAborted();
    const sink = await callSink(() => options.openFile?.({ path, size: entry.declaredSize }));
    const hash = createHash('sha256');
    const manifestChunks: Uint8Array[] | null = path === MANIFEST_PATH || path === workbookPath ? [] : null;
    // The bytes the inspection looks at: the whole file up to the limit, else its head; only
    // the head when the sink keeps the file on disk and it is larger than is held in memory.
    const onDisk = sink?.storedPath !== undefined && entry.declaredSize > limits.maxHeldBytes;
    const keep = onDisk ? HEAD_BYTES : limits.maxInspectBytes;
    const inspectChunks: Uint8Array[] = [];
    let inspectSize = 0;
    let crc = 0;
    let size = 0;
    let failure: PackageProblem | null = null;
    try {
      const stream = await entry.open();
      for await (const data of stream) {
        const chunk = data as Uint8Array;
        options.signal?.throwIfAborted();
        size += chunk.length;
        bytesDone += chunk.length;
        // The one check on the bytes actually read that every limit rests on: no entry yields
        // more than it declared. Declared sizes passed the limits above, so the total and each
        // ratio of what is read stay within them, and a lying header is stopped at the first
        // chunk past its claim, before that chunk reaches the sink.
        if (size > entry.declaredSize) {
          failure = sizeMismatch(source.kind, path, entry.declaredSize, `至少 ${size}`);
          break;
        }
        hash.update(chunk);
        if (entry.crc32 !== null) crc = crc32(chunk, crc);
        manifestChunks?.push(chunk);
        if (inspect && inspectSize < keep) {
          // A copy of a head: a view would keep the whole chunk's buffer alive.
          const kept = onDisk ? chunk.slice(0, keep - inspectSize) : chunk.subarray(0, keep - inspectSize);
          inspectChunks.push(kept);
          inspectSize += kept.length;
        }
        if (sink) await callSink(() => sink.write(chunk));
        progress(read.length);
      }
    } catch (error) {
      if (error instanceof SinkFailure || options.signal?.aborted) {
        if (sink) await sink.abort();
        throw error;
      }
      failure = problem(
        'entry-damaged',
        path,
        `这个文件的数据已损坏，读不出来。可能是下载或拷贝不完整，请让联盟重新打包发送。（技术信息：${(error as Error).message}）`,
      );
    }
    if (failure === null && size < entry.declaredSize) failure = sizeMismatch(source.kind, path, entry.declaredSize, String(size));
    if (failure === null && entry.crc32 !== null && crc !== entry.crc32) {
      failure = problem(
        'entry-crc-mismatch',
        path,
        '这个文件的校验码（CRC-32）与压缩包记录的不符，文件已损坏。可能是下载或拷贝不完整，请让联盟重新打包发送。',
      );
    }
    if (failure !== null) {
      if (sink) await callSink(() => sink.abort());
      problems.push(failure);
      continue;
    }
    const file: PackageFile = { path, size, sha256: hash.digest('hex') };
    if (sink) await callSink(() => sink.finish(file));
    if (manifestChunks !== null && path === MANIFEST_PATH) manifest = concat(manifestChunks, size);
    else if (manifestChunks !== null) workbook = { path, bytes: concat(manifestChunks, size) };
    if (inspect) {
      const bytes = inspectChunks.length === 1 && inspectChunks[0] !== undefined ? inspectChunks[0] : concat(inspectChunks, inspectSize);
      inspectChunks.length = 0;
      const input = { path, bytes, size, file: onDisk ? sink?.storedPath : undefined };
      inspections.set(path, await (options.inspectFile === undefined ? inspectEvidence(input) : options.inspectFile(input, file)));
    }
    read.push(file);
    progress(read.length);
  }

  read.sort((a, b) => compareUtf8Paths(a.path, b.path));
  // The digest names the package exactly; it exists only when nothing of it was left unread.
  const complete = !problems.some((p) => p.severity === 'error' && p.code !== 'manifest-missing');
  return {
    kind: source.kind,
    name,
    root,
    files: read,
    listed: toRead.map((f) => f.path),
    manifest,
    workbook,
    digest: complete ? packageDigest(read) : null,
    inspections,
    problems,
  };
}

function tooCompressed(unpacked: number, packed: number | null, limits: PackageLimits): boolean {
  return packed !== null && unpacked > limits.ratioMinBytes && unpacked > limits.maxCompressionRatio * packed;
}

function ratioProblem(path: string, limits: PackageLimits): PackageProblem {
  return problem(
    'limit-compression-ratio',
    path,
    `这个文件的压缩比超过了 ${limits.maxCompressionRatio}:1，是“压缩炸弹”的特征，拒绝导入整个包。请让联盟检查这个文件后重新打包。`,
  );
}

function packageRatioProblem(name: string, unpacked: number, zipBytes: number, limits: PackageLimits): PackageProblem {
  return problem(
    'limit-package-ratio',
    name,
    `压缩包只有 ${formatBytes(zipBytes)}，里面的文件却声称解压后共 ${formatBytes(unpacked)}，整体压缩比超过了 ${limits.maxPackageCompressionRatio}:1，是“压缩炸弹”的特征，拒绝导入。请让联盟检查材料后重新打包。`,
  );
}

function caseTwinProblem(first: string, twin: string): PackageProblem {
  return problem(
    'entry-case-twin',
    twin,
    `“${twin}”和“${first}”只有大小写不同，Windows 和 macOS 的电脑把它们当作同一个名字，专家的电脑上解开会议包时一个会覆盖另一个。请把其中一个改成另一个名字（不只是改大小写）后重新打包。`,
  );
}

function sizeMismatch(kind: PackageSource['kind'], path: string, declared: number, actual: string): PackageProblem {
  const message =
    kind === 'zip'
      ? `这个文件实际的大小（${actual} 字节）与压缩包记录的（${declared} 字节）不符，文件已损坏或压缩包被篡改。请让联盟重新打包发送。`
      : `这个文件在读取过程中大小变了（原为 ${declared} 字节，读到 ${actual} 字节），可能正被其他程序修改。请关闭其他程序后重试。`;
  return problem('entry-size-mismatch', path, message);
}

function manifestMissing(paths: readonly string[], root: string | null, workbooks: readonly string[]): PackageProblem {
  const caseVariant = paths.find((p) => p.toLowerCase() === MANIFEST_PATH);
  const nested = paths.find((p) => p.endsWith(`/${MANIFEST_PATH}`));
  let hint: string;
  if (workbooks.length > 0) hint = `包里有几个自查表（${workbooks.join('、')}），无法确定用哪一个：请只保留一个，或把它命名为“自查表.xlsx”。`;
  else if (caseVariant !== undefined) hint = `包里有“${caseVariant}”，文件名必须是全小写的 manifest.json。`;
  else if (nested !== undefined) hint = `包里有“${nested}”，但 manifest.json 必须在包的最上层（或唯一的顶层文件夹里）。`;
  else hint = workbookHint(paths);
  const where = root === null ? '包的最上层' : `顶层文件夹“${root}”里`;
  return problem(
    'manifest-missing',
    MANIFEST_PATH,
    `${where}没有 manifest.json（申报清单），也没有填好的自查表.xlsx。${hint}请按《联盟材料包格式》把 manifest.json 或自查表.xlsx 放在包的最上层后重新打包。`,
  );
}

/**
 * What is wrong with a package that has a self-check workbook of sorts but none the reader can
 * take (find-workbook.ts), or nothing but an archive: named, with what to do; '' when nothing.
 */
function workbookHint(paths: readonly string[]): string {
  const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
  const workbooks = paths.filter((p) => fileName(p).includes('自查表') && !fileName(p).startsWith('~$'));
  const root = workbooks.filter((p) => !p.includes('/'));
  const legacy = root.find((p) => /\.(xls|et)$/i.test(p));
  const opendocument = root.find((p) => /\.ods$/i.test(p));
  const misnamed = root.find((p) => /\.(xlsx|xlsm)$/i.test(p));
  const nested = workbooks.find((p) => p.includes('/') && /\.xlsx$/i.test(p));
  if (legacy !== undefined) return `包里有“${legacy}”，它是旧版 Excel 格式（.xls），无法读取。请在 Excel 或 WPS 中打开它，“另存为” Excel 工作簿（*.xlsx），命名为“自查表.xlsx”。`;
  if (opendocument !== undefined) return `包里有“${opendocument}”，它是 OpenDocument 表格（.ods，LibreOffice 或 WPS 的格式），无法读取。请打开它，“另存为” Excel 工作簿（*.xlsx），命名为“自查表.xlsx”。`;
  if (misnamed !== undefined) return `包里有“${misnamed}”，但自查表必须命名为“自查表.xlsx”（或以“自查表.xlsx”结尾，如“智能语音联盟自查表.xlsx”）。请把它改名后重新打包。`;
  if (nested !== undefined) return `包里有“${nested}”，但自查表必须在包的最上层（或唯一的顶层文件夹里）。`;
  const archives = paths.filter((p) => /\.(zip|rar|7z)$/i.test(p));
  if (paths.length > 0 && archives.length === paths.length) {
    return `包里只有压缩包“${archives.join('、')}”，是压缩包里又套了压缩包。请解压里面的压缩包，把其中的文件直接打包（或直接提交里面那个压缩包）。`;
  }
  return '';
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
