/**
 * `alliance-review cross-check <package…> [--earlier <package…>] [--json] [--no-ocr]`: the
 * evidence cross-check (docs/cross-check.md) over the packages given, against the earlier
 * years' packages after `--earlier`: the same file or identifier claimed twice, similar images
 * and pages, wrong check characters, dates (docs/cli.md).
 *
 * Like the app, it compares the pages without their own text by what OCR reads on them: the
 * command has no data folder, so it runs OCR itself (as `evidence` does, electron/cli/
 * evidence-text.ts, in the app's capped OCR worker, one page at a time) on the scanned PDF
 * pages, photos, TIFF and HEIC pages of every package given, each file once by content hash,
 * and gives the pages to the check as the app gives its stored OCR pages. So its findings are
 * the app's for the same packages. `--no-ocr` skips it. OCR takes seconds a page: while it
 * runs, a line on stderr says which page, only when stderr is a terminal.
 *
 * `--json` prints exactly `{ "findings": [ { kind, identifier, places: [ { allianceId, year,
 * criterion, itemId, file, page } ], detail } ] }` in the findings' stable order; without it,
 * one finding a paragraph. Exit 0 with or without findings (they are hints); 1 for invalid
 * input (a package that is not valid, two packages of one alliance and year); 2 usage.
 */
import { crossCheck } from '../../../shared/integrity/cross-check.ts';
import { findingKindNames, placeLabel, type Finding } from '../../../shared/integrity/finding.ts';
import { closeFileFeatures } from '../../integrity/file-features.ts';
import type { OcrPageText } from '../../integrity/file-features.ts';
import { readCheckedPackages, type OcrFile, type PackageToCheck } from '../../integrity/read-checked-packages.ts';
import { OcrReader } from '../../ocr/read-ocr.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ocrCanRead, ocrPages } from '../evidence-text.ts';
import { exitCode, UsageError, type CliIo, type Command } from '../command.ts';
import { oneLine } from '../terminal-text.ts';

export interface CrossCheckJson {
  readonly findings: readonly Finding[];
}

/** The findings as the JSON output names them, keys in the documented order. */
export function crossCheckJson(findings: readonly Finding[]): CrossCheckJson {
  return {
    findings: findings.map((f) => ({
      kind: f.kind,
      identifier: f.identifier,
      places: f.places.map((p) => ({ allianceId: p.allianceId, year: p.year, criterion: p.criterion, itemId: p.itemId, file: p.file, page: p.page })),
      detail: f.detail,
    })),
  };
}

interface Arguments {
  readonly packages: readonly PackageToCheck[];
  readonly json: boolean;
  readonly ocr: boolean;
}

function parseArguments(args: readonly string[], cwd: string): Arguments {
  const packages: PackageToCheck[] = [];
  let json = false;
  let ocr = true;
  let earlier = false;
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '--no-ocr') ocr = false;
    else if (arg === '--earlier') earlier = true;
    else if (arg.startsWith('--earlier=')) packages.push({ path: resolve(cwd, arg.slice('--earlier='.length)), earlier: true });
    else if (arg.startsWith('-')) throw new UsageError(`参数不对 bad option：不认识 ${arg}`);
    else packages.push({ path: resolve(cwd, arg), earlier });
  }
  if (!packages.some((p) => !p.earlier)) throw new UsageError('缺少材料包路径 missing <package>：至少给出一个本次会议的材料包（.zip 文件或文件夹）');
  if (earlier && !packages.some((p) => p.earlier)) throw new UsageError('--earlier 后面缺少往年的材料包 missing earlier packages');
  return { packages, json, ocr };
}

function findingsText(findings: readonly Finding[], packages: number, earlier: number, ocr: boolean): string {
  const against = earlier > 0 ? `，对照往年材料包 ${earlier} 个` : '';
  const noOcr = ocr ? '' : '没有识别扫描件和照片上的文字（--no-ocr）：它们不按文字比较（相似页面、编号），提示可能比程序里的核查少。\n';
  if (findings.length === 0) return `核查了 ${packages} 个材料包${against}：没有发现需要核对的情况。\n${noOcr}`;
  const blocks = findings.map((f, i) => {
    const places = f.places.map((p) => `    · ${oneLine(placeLabel(p, { year: true }))}\n`).join('');
    return `${i + 1}. [${f.kind}] ${findingKindNames[f.kind]}${f.identifier === null ? '' : ` ${oneLine(f.identifier)}`}\n   ${oneLine(f.detail)}\n${places}`;
  });
  return `${blocks.join('\n')}\n核查了 ${packages} 个材料包${against}：${findings.length} 条提示。每条都只是提示，不是结论，也不改变分数。\n${noOcr}`;
}

export const crossCheckCommand: Command = {
  name: 'cross-check',
  summary: '材料核查：同一文件或编号被重复申报、相似图片和页面、校验位、日期 cross-check the evidence of packages',
  usage: 'alliance-review cross-check <package.zip|文件夹>… [--earlier <往年的材料包>…] [--json] [--no-ocr]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { packages, json, ocr } = parseArguments(args, io.cwd);
    // The reader's worker thread starts with the first page to read: none for packages without scans.
    const reading = ocr ? { spoolDir: await mkdtemp(join(tmpdir(), 'alliance-review-cross-check-')), reader: new OcrReader() } : null;
    try {
      const read = await readCheckedPackages(
        packages,
        reading === null ? {} : { ocr: { spoolDir: reading.spoolDir, reads: ocrCanRead, read: (file: OcrFile) => readOcrPages(reading.reader, file, io) } },
      );
      if (!read.ok) {
        for (const p of read.problems) io.err(`错误 error [${p.code}] ${oneLine(p.path)}：${oneLine(p.message)}\n`);
        if (!json) io.out(`✗ 输入无效 invalid input：错误 ${read.problems.length} 条。请按以上提示改正后再试。\n`);
        return exitCode.invalid;
      }
      const findings = crossCheck(read.packages);
      const earlier = read.packages.filter((p) => p.earlier).length;
      io.out(json ? `${JSON.stringify(crossCheckJson(findings), null, 2)}\n` : findingsText(findings, read.packages.length - earlier, earlier, ocr));
      return exitCode.ok;
    } finally {
      io.progress?.(null);
      await reading?.reader.close();
      await closeFileFeatures();
      if (reading !== null) await rm(reading.spoolDir, { recursive: true, force: true });
    }
  },
};

/** A file's OCR pages, the page being read on the progress line, a page OCR could not read on stderr. */
function readOcrPages(reader: OcrReader, file: OcrFile, io: CliIo): Promise<OcrPageText[]> {
  const where = `${file.allianceId}${file.earlier ? ` ${file.year}年` : ''} · ${file.path}`;
  return ocrPages(reader, file.type, file.spooled, {
    ownText: file.ownText,
    onPage: (page, pages) => io.progress?.(`文字识别：第 ${page}/${pages} 页（${where}）`),
    onRefusal: (page, refusal) => {
      io.progress?.(null);
      io.err(
        page === null
          ? `提示 note：${oneLine(where)} 无法识别文字（文件可能已损坏，或超过了识别的上限），其中的页不按文字核查。\n`
          : `提示 note：${oneLine(where)} 第 ${page} 页：${oneLine(refusal.message)}这一页不按文字核查。\n`,
      );
    },
  });
}
