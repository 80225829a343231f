/**
 * `alliance-review evidence <package> [--json] [--no-ocr]`: every file of a package (system
 * files aside; the files of a zip inside it one level deep as `<zip>/<member>`) with what the
 * inspection found from its bytes: type, pages, sheets, whether the viewer shows it, its
 * problem, and whether it has its own text (docs/cli.md).
 *
 * `--json` prints exactly `{ "files": [ { path, sha256, type, pages, sheets, viewable, problem,
 * text } ] }` in UTF-8 byte order of the paths; without it, a table. OCR does not exist yet:
 * a scan's `text` is "none" with or without `--no-ocr`, which is accepted so scripts written
 * for it keep working when it comes.
 */
import { evidenceTypeNames } from '../../../shared/evidence/evidence-type.ts';
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
    readonly text: 'document' | 'none';
  }[];
}

export function evidenceJson(files: readonly EvidenceEntry[]): EvidenceJson {
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

function evidenceTable(files: readonly EvidenceEntry[]): string {
  const rows: string[][] = [['文件 path', '类型 type', '页 pages', '表 sheets', '可查看 viewable', '文字 text', '问题 problem']];
  for (const f of files) {
    rows.push([
      truncate(f.path, 48),
      f.type,
      f.pages === null ? '' : String(f.pages),
      f.sheets === null ? '' : String(f.sheets),
      f.viewable ? '是' : '否',
      f.text === 'document' ? '有' : '无',
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
  usage: 'alliance-review evidence <package.zip|文件夹> [--json] [--no-ocr]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    // --no-ocr is accepted and changes nothing yet: there is no OCR to skip.
    const { path, json } = parsePackageArguments(args, io.cwd, { json: true, noOcr: true });
    const list = await listPackageEvidence(path);
    if (!list.valid) {
      printProblems(list.problems.filter((p) => p.severity === 'error'), io);
      if (!json) {
        const { errors } = countProblems(list.problems);
        io.out(`✗ 材料包无效 invalid package：错误 ${errors} 条。请按以上提示改正后再试。\n`);
      }
      return exitCode.invalid;
    }
    io.out(json ? `${JSON.stringify(evidenceJson(list.files), null, 2)}\n` : evidenceTable(list.files));
    return exitCode.ok;
  },
};
