/**
 * `alliance-review verify <file>`: is this signed file what its signer signed, and who signed
 * it (sheets-and-results.md)?
 *
 * - signed file kind: what the file is, from its bytes and name: an expert sheet (JSON of
 *   format `alliance-review/sheet`, or a `*.sheet.json` that no longer parses), a PDF (a signed
 *   result sheet), or something else. Each kind has its own verifier; a new kind is a new case
 *   of the switch in `run`.
 * - For a sheet: the expert (id, name), the key's fingerprint in groups of four, `signedAt`
 *   (and for format 2 the sign-in time and the pledge's signing time)
 *   and the number of reviews; exit 0. Any mismatch (a changed byte, another key, a malformed
 *   sheet): the reasons on stderr, one a line with where, exit 1.
 * - For a paper sheet (`*.paper.json`, format `alliance-review/paper-sheet`): it has no digital
 *   signature, which is said plainly; shown are the expert, the date on the paper and who typed
 *   it in and confirmed it; exit 0 if well-formed, 1 if not.
 * - For a PDF: the signed result PDF's digital signature and its signer (verify-result-pdf.ts).
 */
import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assertNever } from '../../../shared/rubric/assert-never.ts';
import type { SheetProblem } from '../../../shared/sheet/sheet-problem.ts';
import { SHEET_FORMAT } from '../../../shared/sheet/sheet-schema.ts';
import { PAPER_SHEET_FORMAT } from '../../../shared/paper/paper-sheet-file.ts';
import { readPaperSheetFile, readSheetFile } from '../../sheets/read-sheet-file.ts';
import { exitCode, UsageError, type CliIo, type Command } from '../command.ts';
import { oneLine, term } from '../terminal-text.ts';

export type SignedFileKind = 'sheet' | 'paper' | 'pdf' | 'unknown' | 'unreadable';

/** How many leading bytes are enough to tell the kinds apart. */
const SNIFF_BYTES = 4096;

export async function signedFileKind(path: string): Promise<SignedFileKind> {
  let head: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return 'unreadable';
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  // A paper sheet file (a transcription, not signed) is told apart the same way.
  if (head.includes(Buffer.from(`"${PAPER_SHEET_FORMAT}"`)) || path.toLowerCase().endsWith('.paper.json')) return 'paper';
  // The format member may sit anywhere in a sheet written by hand or another tool, but our own
  // sheets start with it; a damaged sheet is still recognised by its name.
  if (head.includes(Buffer.from(`"${SHEET_FORMAT}"`)) || path.toLowerCase().endsWith('.sheet.json')) return 'sheet';
  return 'unknown';
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: '验证签名文件（专家评分表或结果 PDF）并显示签名人和指纹 verify a signed file',
  usage: 'alliance-review verify <文件 file>',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    let positionals: string[];
    try {
      ({ positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: {} }));
    } catch (error) {
      throw new UsageError(`参数不对 bad option：${(error as Error).message}`);
    }
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('缺少要验证的文件 missing <file>');
    if (extra.length > 0) throw new UsageError(`一次只能验证一个文件 one file at a time（多出：${extra.join(' ')}）`);
    const path = resolve(io.cwd, file);
    const kind = await signedFileKind(path);
    switch (kind) {
      case 'sheet':
        return verifySheetFile(path, file, io);
      case 'paper':
        return verifyPaperSheetFile(path, file, io);
      case 'pdf':
        // PDF verification needs the CMS and certificate code: loaded only for a PDF.
        return (await import('../verify-result-pdf.ts')).verifyResultPdfFile(path, file, io);
      case 'unknown':
        io.err(term`✗ ${file}：不是评分表 (not a sheet)：文件中没有 "format": "${SHEET_FORMAT}"\n`);
        return exitCode.invalid;
      case 'unreadable': {
        // Read it anyway through the sheet reader, whose message says why (missing, no access, a folder).
        const { verification } = await readSheetFile(path);
        printProblems(file, verification.problems, io);
        io.err(term`✗ 无法验证 cannot verify：${file}\n`);
        return exitCode.invalid;
      }
      default:
        return assertNever(kind);
    }
  },
};

async function verifySheetFile(path: string, file: string, io: CliIo): Promise<number> {
  const { verification } = await readSheetFile(path);
  const sheet = verification.sheet;
  if (!verification.ok || sheet === null || verification.fingerprint === null) {
    printProblems(file, verification.problems, io);
    const notSheet = verification.problems.some((problem) => problem.code === 'not-a-sheet');
    io.err(`✗ ${notSheet ? '不是评分表 (not a sheet)' : '验证失败 verification failed'}${term`：${file}\n`}`);
    return exitCode.invalid;
  }
  const recused = sheet.reviews.filter((review) => review.recused).length;
  io.out(
    [
      term`✓ 签名有效 signature valid：${basename(file)}`,
      term`专家 expert：${sheet.expert.id} ${sheet.expert.name}`,
      term`指纹 fingerprint：${verification.fingerprint}`,
      term`签名时间 signedAt：${sheet.signedAt}`,
      ...(sheet.signIn === undefined
        ? []
        : [
            term`签到时间 signed in：${sheet.signIn.at}（已签署承诺书 pledge signed ${sheet.signIn.pledge.signedAt}；签到时声明回避 recusals declared ${String(sheet.signIn.recusals.length)}）`,
            ...(sheet.dissent === undefined ? [] : ['附有异议 dissent attached']),
          ]),
      `评审 reviews：${sheet.reviews.length}${recused > 0 ? `（其中回避 recused ${recused}）` : ''}`,
      term`年度 year：${sheet.year} · 评分细则 rubric：${sheet.rubric}`,
      `请与专家本人宣读或签到表上的指纹核对 (compare the fingerprint with the expert's read-out)`,
      '',
    ].join('\n'),
  );
  return exitCode.ok;
}

/** A paper sheet has nothing to verify cryptographically: say so, and show who typed it in. */
async function verifyPaperSheetFile(path: string, file: string, io: CliIo): Promise<number> {
  const read = await readPaperSheetFile(path, file);
  if (!read.ok) {
    printProblems(file, read.problems, io);
    const notPaper = read.problems.some((problem) => problem.code === 'not-a-sheet');
    io.err(`✗ ${notPaper ? '不是纸质评分表 (not a paper sheet)' : '纸质评分表格式不对 malformed paper sheet'}${term`：${file}\n`}`);
    return exitCode.invalid;
  }
  const paper = read.file;
  const recused = paper.reviews.filter((review) => review.recused).length;
  io.out(
    [
      term`✓ 纸质评分表格式正确 well-formed paper sheet：${basename(file)}`,
      `⚠ 无电子签名 no digital signature：这是纸质评分表的录入件，可信度来自签字的纸质原件和两人录入核对，不是密钥`,
      term`专家 expert：${paper.expert.id} ${paper.expert.name}`,
      term`纸质签字日期 signedOn：${paper.signedOn}`,
      term`录入 entered by：${paper.enteredBy}（${paper.enteredAt}）`,
      term`盲录复核 confirmed by：${paper.confirmedBy}（${paper.confirmedAt}）`,
      `评审 reviews：${paper.reviews.length}${recused > 0 ? `（其中回避 recused ${recused}）` : ''}`,
      term`年度 year：${paper.year} · 评分细则 rubric：${paper.rubric}`,
      `请与存档的纸质原件核对 (compare with the archived signed paper original)`,
      '',
    ].join('\n'),
  );
  return exitCode.ok;
}

function printProblems(file: string, problems: readonly SheetProblem[], io: CliIo): void {
  for (const problem of problems) {
    const position = problem.line === undefined ? '' : `（第 ${problem.line} 行第 ${problem.column ?? 1} 列）`;
    const where = problem.path === '(root)' ? '' : ` ${oneLine(problem.path)}`;
    io.err(`错误 error [${problem.code}] ${oneLine(file)}${where}${position}：${oneLine(problem.message)}\n`);
  }
}
