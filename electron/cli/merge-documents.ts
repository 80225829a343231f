/**
 * `merge --pdf DIR --xlsx FILE`: the result documents of a merge (electron/export/), written
 * where the chair asked.
 *
 * - signer: the bureau's PKCS#12 certificate given with `--cert FILE`, whose password comes
 *   from the environment variable ALLIANCE_REVIEW_CERT_PASSWORD (never the command line, which
 *   other users of the computer and the shell history can read); without `--cert`, this
 *   computer's local self-signed certificate in the data folder (made on first use).
 * - meeting: `--meeting NAME`, else the meeting file's name, else the panel record's, else
 *   `<year> 年度合肥市产业技术创新战略联盟考核评审会`.
 * - meeting file: `--meeting-file FILE.meeting.zip`, checked as an import checks it (its content
 *   hash, every package's file list) but changing nothing: the roster's titles, employers and
 *   组长 for the procedure documents. It must be of the result's year and list every expert of
 *   the sheets. Without it those documents carry what the sheets hold (names, sign-ins).
 * - Existing files are not replaced without `--force`: the merge then writes nothing and
 *   exits 1. Progress and the list of files go to stderr, so `--json > result.json` keeps
 *   stdout for the result alone.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MergePackage, VerifiedSheet } from '../../shared/result/merge-sheets.ts';
import { PAPER_FINGERPRINT, type PaperSheet } from '../../shared/result/paper-sheet.ts';
import type { ResultFile } from '../../shared/result/result-schema.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import { defaultDataDir } from '../app/data-dir.ts';
import { exportResultDocuments } from '../export/export-result-documents.ts';
import type { ResultPackage } from '../export/result-documents-input.ts';
import { localSigner } from '../export/signing/local-certificate.ts';
import { signerFromPkcs12 } from '../export/signing/pkcs12-signer.ts';
import type { ResultSigner } from '../export/signing/result-signer.ts';
import { SignerError } from '../export/signing/result-signer.ts';
import type { ProcedureDocumentsInput } from '../export/procedure-documents-input.ts';
import { AppError } from '../errors/app-error.ts';
import { exitCode, type CliIo } from './command.ts';
import { oneLine, shown, term } from './terminal-text.ts';

export const CERT_PASSWORD_VARIABLE = 'ALLIANCE_REVIEW_CERT_PASSWORD';

export interface MergeDocumentsRequest {
  readonly result: ResultFile;
  readonly rubric: Rubric;
  readonly packages: readonly ResultPackage[] | readonly MergePackage[];
  readonly sheets: readonly VerifiedSheet[];
  /** Paper sheets (`--paper`): shown as 纸质录入 with who typed and who confirmed, as the app shows them. */
  readonly paperSheets?: readonly PaperSheet[] | undefined;
  readonly pdfDir: string | null;
  readonly xlsxPath: string | null;
  readonly meeting: string | null;
  readonly cert: string | null;
  readonly meetingFile?: string | null | undefined;
  /** From a verified `--panel-record`: the chair's records (flag notes, differences, observer notes, conclusions). */
  readonly recordProcedure?: ProcedureDocumentsInput | undefined;
  /** From the verified panel record: the chair's note per alliance (组长意见), as the app prints it. */
  readonly recordChairNotes?: Readonly<Record<string, string>> | undefined;
  /** The meeting's name the verified panel record gives. */
  readonly recordMeeting?: string | undefined;
  readonly force: boolean;
  readonly deviationThreshold: number;
  readonly budgetYuan: number | null;
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: Date;
}

async function signerOf(request: MergeDocumentsRequest, cwd: string, now: Date): Promise<ResultSigner> {
  const env = request.env ?? process.env;
  if (request.cert === null) return localSigner(defaultDataDir(env), { now });
  const password = env[CERT_PASSWORD_VARIABLE];
  if (password === undefined) {
    throw new SignerError(`请在环境变量 ${CERT_PASSWORD_VARIABLE} 中给出证书密码 (the PKCS#12 password goes in ${CERT_PASSWORD_VARIABLE})`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(cwd, request.cert));
  } catch (error) {
    throw new SignerError(`无法读取证书文件 ${request.cert} (cannot read)：${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return signerFromPkcs12(bytes, password);
}

/** The meeting file's name and roster; a refusal names the file and says what to do. */
async function meetingFileInputs(request: MergeDocumentsRequest, cwd: string): Promise<{ name: string; procedure: ProcedureDocumentsInput } | null> {
  if (request.meetingFile === null || request.meetingFile === undefined) return null;
  const { readMeetingFileDescription } = await import('../meeting/import-meeting-file.ts');
  const description = await readMeetingFileDescription({ path: resolve(cwd, request.meetingFile), name: request.meetingFile });
  if (description.year !== request.result.year) {
    throw new AppError('meeting-file-year', `会议包 ${request.meetingFile} 是 ${description.year} 年度的，评分表是 ${request.result.year} 年度的。请给出本年度的会议包。`);
  }
  const listed = new Set(description.experts.map((e) => e.id));
  const missing = request.sheets.map((s) => s.sheet.expert).filter((e) => !listed.has(e.id));
  if (missing.length > 0) {
    throw new AppError('meeting-file-roster', `会议包 ${request.meetingFile} 的专家名册中没有 ${missing.map((e) => `${e.name}（${e.id}）`).join('、')}。请确认会议包与评分表属于同一次评审会。`);
  }
  return {
    name: description.name,
    procedure: { roster: description.experts.map((e) => ({ id: e.id, name: e.name, title: e.title, employer: e.employer, leader: e.leader === true })) },
  };
}

/** Writes the documents; the exit status of the merge. */
export async function writeMergeDocuments(request: MergeDocumentsRequest, io: CliIo): Promise<number> {
  const now = request.now ?? new Date();
  let signer: ResultSigner | undefined;
  let meetingFile: Awaited<ReturnType<typeof meetingFileInputs>>;
  try {
    meetingFile = await meetingFileInputs(request, io.cwd);
  } catch (error) {
    if (error instanceof AppError) {
      io.err(term`错误 error [${error.code}] ${request.meetingFile ?? ''}：${oneLine(error.message)}\n`);
      // Each cause on its own line, with its code, as the command's other refusals are printed.
      for (const problem of error.problems) io.err(term`错误 error [${problem.code}] ${request.meetingFile ?? ''}：${oneLine(problem.message)}\n`);
      return exitCode.invalid;
    }
    throw error;
  }
  try {
    signer = request.pdfDir === null ? undefined : await signerOf(request, io.cwd, now);
    const outcome = await exportResultDocuments(
      {
        result: request.result,
        rubric: request.rubric,
        meetingName: request.meeting ?? meetingFile?.name ?? request.recordMeeting ?? `${request.result.year} 年度合肥市产业技术创新战略联盟考核评审会`,
        packages: request.packages.map((entry) => ({
          allianceId: entry.allianceId,
          allianceName: entry.allianceName,
          digest: entry.digest,
          claims: entry.claims,
        })),
        sheets: [
          ...request.sheets,
          ...(request.paperSheets ?? []).map((p) => ({
            sheet: p.sheet,
            fingerprint: PAPER_FINGERPRINT,
            paper: { enteredBy: p.enteredBy, confirmedBy: p.confirmedBy },
          })),
        ],
        ...(request.recordChairNotes === undefined ? {} : { chairNotes: request.recordChairNotes }),
        deviationThreshold: request.deviationThreshold,
        budgetYuan: request.budgetYuan,
        generatedAt: now,
        procedure: meetingFile === null && request.recordProcedure === undefined ? undefined : { ...meetingFile?.procedure, ...request.recordProcedure },
      },
      {
        pdfDir: request.pdfDir === null ? null : resolve(io.cwd, request.pdfDir),
        xlsxPath: request.xlsxPath === null ? null : resolve(io.cwd, request.xlsxPath),
        signer,
        overwrite: request.force,
        onProgress: (progress) => {
          if (progress.step === 'write') io.err(term`[${progress.done}/${progress.total}] 已写入 written：${progress.file}\n`);
        },
      },
    );
    if (!outcome.ok) {
      for (const path of outcome.existing) io.err(term`错误 error [file-exists] ${path}：文件已存在，未覆盖 (exists)\n`);
      io.err('✗ 未生成结果文件：目标文件已存在。换一个文件夹或文件名，或加 --force 覆盖 (use --force to replace)\n');
      return exitCode.invalid;
    }
    const { report } = outcome;
    if (report.certificate !== null) {
      io.err(term`PDF 签名证书 signing certificate：${report.certificate.subject}\n证书指纹 SHA-256 fingerprint：${report.certificate.fingerprint}\n`);
    }
    io.err(term`结果摘要 result digest：${report.resultDigest}\n`);
    if (report.missingCharacters.length > 0) {
      io.err(
        `注意 warning：以下字符随附字体中没有，PDF 中以 〓 代替，请在打印件上手工更正 (characters no shipped font has)：${report.missingCharacters
          .map((char) => `${shown(char)}（U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}）`)
          .join('、')}\n`,
      );
    }
    return exitCode.ok;
  } catch (error) {
    if (error instanceof SignerError) {
      io.err(term`错误 error [certificate] ${request.cert ?? '本机证书'}：${oneLine(error.message)}\n`);
      return exitCode.invalid;
    }
    throw error;
  }
}
