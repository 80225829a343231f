/**
 * `alliance-review evidence <package> [--json] [--no-ocr]`: every file of a package (system
 * files aside; the files of a zip inside it one level deep as `<zip>/<member>`) with what the
 * inspection found from its bytes: type, pages, sheets, whether the viewer shows it, its
 * problem, and where its text comes from (docs/cli.md).
 *
 * `--json` prints exactly `{ "files": [ { path, sha256, type, pages, sheets, viewable, problem,
 * text } ] }` in UTF-8 byte order of the paths; without it, a table. `text` is `document` (its
 * own text), `ocr` (text only from OCR: a scan, a photo of a certificate) or `none`. The command
 * runs the OCR itself, in the app's capped OCR worker, on the files without text of their own;
 * it does not read a data folder, so it gives the same answer on any machine. `--no-ocr` skips
 * OCR: those files report `none`.
 *
 * `--text <path> [--page N]` prints, in UTF-8, the text the viewer's search uses for that file
 * (or page): its own text, OCR where it has none (electron/cli/evidence-text.ts). Pages are
 * separated by a form feed on a line of its own. A path not in the package, or a page past the
 * last, is exit 1 with a Chinese message.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evidenceTypeNames } from '../../../shared/evidence/evidence-type.ts';
import { normalizePackagePath } from '../../../shared/package/package-path.ts';
import { documentTexts, fileText, ocrCanRead, type TextSource } from '../evidence-text.ts';
import { OcrReader } from '../../ocr/read-ocr.ts';
import { listPackageEvidence, type EvidenceEntry } from '../../evidence/list-package-evidence.ts';
import { exitCode, type CliIo, type Command } from '../command.ts';
import { parsePackageArguments } from '../package-argument.ts';
import { countProblems, printProblems } from '../print-problems.ts';
import { renderTable, truncate } from '../text-table.ts';

export interface EvidenceJson {
  readonly files: readonly {
    readonly path: string;
    readonly sha256: string;
    readonly type: string;
    readonly pages: number | null;
    readonly sheets: number | null;
    readonly viewable: boolean;
    readonly problem: { readonly code: string; readonly message: string } | null;
    readonly text: TextSource;
  }[];
}

/** A listed file with where its text comes from, after OCR where it was needed. */
export type ListedFile = Omit<EvidenceEntry, 'text'> & { readonly text: TextSource };

export function evidenceJson(files: readonly ListedFile[]): EvidenceJson {
  return {
    files: files.map((f) => ({
      path: f.path,
      sha256: f.sha256,
      type: f.type,
      pages: f.pages,
      sheets: f.sheets,
      viewable: f.viewable,
      problem: f.problem === null ? null : { code: f.problem.code, message: f.problem.message },
      text: f.text,
    })),
  };
}

const textLabel: Record<TextSource, string> = { document: '有', ocr: '识别', none: '无' };

function evidenceTable(files: readonly ListedFile[]): string {
  const rows: string[][] = [['文件 path', '类型 type', '页 pages', '表 sheets', '可查看 viewable', '文字 text', '问题 problem']];
  for (const f of files) {
    rows.push([
      truncate(f.path, 48),
      f.type,
      f.pages === null ? '' : String(f.pages),
      f.sheets === null ? '' : String(f.sheets),
      f.viewable ? '是' : '否',
      textLabel[f.text],
      f.problem?.code ?? '',
    ]);
  }
  const table = renderTable(rows, ['left', 'left', 'right', 'right', 'left', 'left', 'left']);
  const problems = files.filter((f) => f.problem !== null);
  const details = problems.map((f) => `· ${f.problem?.message ?? ''}\n`).join('');
  const unseen = files.filter((f) => !f.viewable).length;
  const summary =
    unseen === 0 && problems.length === 0
      ? `共 ${files.length} 个文件，专家在本程序里都能看到。`
      : `共 ${files.length} 个文件，其中 ${unseen} 个专家在本程序里看不到（${problems.length} 个有问题）。`;
  const kinds = [...new Set(files.map((f) => f.type))].map((t) => `${t} = ${evidenceTypeNames[t]}`).join('；');
  return `${table}\n${details === '' ? '' : `\n${details}`}\n${summary}\n类型 types：${kinds}\n`;
}

export const evidenceCommand: Command = {
  name: 'evidence',
  summary: '列出材料包里的每个文件：类型、页数、专家能否查看 every file of a package, as inspected',
  usage: 'alliance-review evidence <package.zip|文件夹> [--json] [--no-ocr]\n       alliance-review evidence <package.zip|文件夹> --text <文件路径> [--page N] [--no-ocr]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { path, json, noOcr, text, page } = parsePackageArguments(args, io.cwd, { json: true, noOcr: true, text: true });
    const spoolDir = await mkdtemp(join(tmpdir(), 'alliance-review-evidence-'));
    const reader = new OcrReader();
    try {
      const list = await listPackageEvidence(path, { spoolDir });
      if (!list.valid) {
        printProblems(list.problems.filter((p) => p.severity === 'error'), io);
        if (!json) {
          const { errors } = countProblems(list.problems);
          io.out(`✗ 材料包无效 invalid package：错误 ${errors} 条。请按以上提示改正后再试。\n`);
        }
        return exitCode.invalid;
      }
      if (text !== null) return await printText(list.files, text, page, { reader, ocr: !noOcr }, io);
      const files = await withOcrText(list.files, reader, !noOcr);
      io.out(json ? `${JSON.stringify(evidenceJson(files), null, 2)}\n` : evidenceTable(files));
      return exitCode.ok;
    } finally {
      await reader.close();
      await rm(spoolDir, { recursive: true, force: true });
    }
  },
};

/** Files without text of their own that OCR can read are read; those it finds text in report `ocr`. */
async function withOcrText(files: readonly EvidenceEntry[], reader: OcrReader, ocr: boolean): Promise<ListedFile[]> {
  const listed: ListedFile[] = [];
  for (const f of files) {
    if (!ocr || f.text !== 'none' || !ocrCanRead(f.type) || f.spooled === null || (f.problem !== null && !f.viewable)) {
      listed.push(f);
      continue;
    }
    const read = await fileText(reader, f.type, f.spooled, { ocr: true });
    listed.push({ ...f, text: read.ok ? read.source : 'none' });
  }
  return listed;
}

async function printText(
  files: readonly EvidenceEntry[],
  path: string,
  page: number | null,
  options: { readonly reader: OcrReader; readonly ocr: boolean },
  io: CliIo,
): Promise<number> {
  const wantedPath = normalizePackagePath(path);
  const file = files.find((f) => f.path === wantedPath);
  if (file === undefined) {
    io.err(`材料包里没有文件“${path}”。请用 alliance-review evidence <材料包> 查看文件清单，按清单里的路径再试。\n`);
    return exitCode.invalid;
  }
  if (file.spooled === null) {
    io.err(`文件“${file.path}”太大，不能取出文字。\n`);
    return exitCode.invalid;
  }
  const read = await fileText(options.reader, file.type, file.spooled, { ocr: options.ocr, page: page ?? undefined });
  if (!read.ok) {
    io.err(`文件“${file.path}”只有 ${read.pageCount} 页，没有第 ${page ?? 0} 页。请换一个页码再试。\n`);
    return exitCode.invalid;
  }
  if (read.source === 'none' && !ocrCanRead(file.type) && documentTexts[file.type] === undefined) {
    io.err(`本程序还不能取出“${file.path}”（${evidenceTypeNames[file.type]}）里的文字。\n`);
  }
  io.out(`${read.pages.join('\n\f\n')}\n`);
  return exitCode.ok;
}
