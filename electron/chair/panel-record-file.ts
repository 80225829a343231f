/**
 * Signing, verifying and reading the panel record file (shared/record/panel-record.ts defines
 * the record and its signing text).
 *
 * - signing: the result signer's key (the bureau's certificate, or this computer's own, the one
 *   that signs the result PDFs) signs the UTF-8 bytes of the signing text: RSA PKCS#1 v1.5 or
 *   ECDSA with SHA-256, as the key is; the certificate is carried in the file.
 * - verification: the file is JSON in which no object repeats a key, of the record's format
 *   (version 3; version 2, written before the record kept the experts' decisions, the outliers and
 *   the paper pledges; or version 1, before it kept 补正 requests), and the carried
 *   certificate's public key verifies the signature over exactly the values read. Any changed byte of a value fails; whose certificate it is, a person decides from the
 *   fingerprint reported (as for the PDFs).
 * - reading (`readPanelRecord`): verification, then, when the caller names the result it
 *   belongs to, the same year and result SHA-256; then the plain fields the documents use.
 */
import { createHash, sign, verify, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseJson } from '../../shared/package/parse-json.ts';
import type {
  PanelRecord,
  PanelRecordClarification,
  PanelRecordDifference,
  PanelRecordFlagNote,
  PanelRecordObserverNote,
  PanelRecordOutlier,
  PanelRecordPaperPledge,
  PanelRecordReopening,
  ReadablePanelRecord,
  UnsignedPanelRecord,
} from '../../shared/record/panel-record.ts';
import { PANEL_RECORD_SIGNATURE_ALG, panelRecordSigningText, readablePanelRecordSchema } from '../../shared/record/panel-record.ts';
import type { ResultSigner } from '../export/signing/result-signer.ts';

/** Ed25519 keys sign the message itself; RSA and EC keys a SHA-256 digest of it. */
function digestFor(key: KeyObject): 'sha256' | null {
  return key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448' ? null : 'sha256';
}

export function signPanelRecord(unsigned: UnsignedPanelRecord, signer: ResultSigner): PanelRecord {
  const data = Buffer.from(panelRecordSigningText(unsigned), 'utf8');
  const value = sign(digestFor(signer.privateKey), data, signer.privateKey);
  return {
    ...unsigned,
    signature: { alg: PANEL_RECORD_SIGNATURE_ALG, certificate: Buffer.from(signer.certificate).toString('base64'), value: value.toString('base64') },
  };
}

export interface PanelRecordVerification {
  readonly ok: boolean;
  readonly record: ReadablePanelRecord | null;
  /** SHA-256 fingerprint of the signing certificate, `29:CC:86:…`, when it could be read. */
  readonly certificateFingerprint: string | null;
  readonly certificateSubject: string | null;
  /** What is wrong, in Chinese, for the person who gave the file; empty when ok. */
  readonly problems: readonly string[];
}

function refused(problem: string, record: ReadablePanelRecord | null = null): PanelRecordVerification {
  return { ok: false, record, certificateFingerprint: null, certificateSubject: null, problems: [problem] };
}

export function verifyPanelRecordText(text: string): PanelRecordVerification {
  const json = parseJson(text);
  if (!json.ok) return refused(`不是可读的 JSON 文件：${json.message}`);
  const duplicate = json.duplicateKeys[0];
  if (duplicate !== undefined) return refused(`${duplicate.path} 中键 ${JSON.stringify(duplicate.key)} 重复出现，无法确定以哪个为准`);
  const parsed = readablePanelRecordSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refused(`不是本程序能读的专家组记录（第 1 至第 3 版）（${issue === undefined ? '' : `${issue.path.join('.') || '整个文件'}：${issue.message}`}）`);
  }
  const record = parsed.data;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(record.signature.certificate, 'base64'));
  } catch {
    return refused('记录中的签名证书无法读取', record);
  }
  // Verified over the JSON as read, not the schema's copy: what is verified is exactly what was read.
  const data = Buffer.from(panelRecordSigningText(json.value as object), 'utf8');
  let valid: boolean;
  try {
    valid = verify(digestFor(certificate.publicKey), data, certificate.publicKey, Buffer.from(record.signature.value, 'base64'));
  } catch {
    valid = false;
  }
  const who = { certificateFingerprint: certificate.fingerprint256, certificateSubject: certificate.subject.split('\n').filter((l) => l !== '').join(', ') };
  if (!valid) return { ok: false, record, ...who, problems: ['签名验证失败：专家组记录签名后被改动过，或不是用记录中的证书签名的'] };
  return { ok: true, record, ...who, problems: [] };
}

/** The panel record as the documents take it: plain fields, the signature checked. */
export interface PanelRecordData {
  /** The record as verified, for the documents (panel-record-procedure.ts). */
  readonly record: ReadablePanelRecord;
  readonly version: ReadablePanelRecord['version'];
  readonly year: number;
  readonly meeting: string;
  readonly resultSha256: string;
  readonly flagNotes: readonly PanelRecordFlagNote[];
  readonly differences: readonly {
    readonly alliance: string;
    readonly criterion: string;
    readonly criterionLabel: string;
    readonly item: string | null;
    readonly itemTitle: string | null;
    readonly by: string | null;
    readonly at: string | null;
    readonly outcome: PanelRecordDifference['outcome'];
    readonly reason: string | null;
  }[];
  readonly observerNotes: readonly PanelRecordObserverNote[];
  /** Alliance id → the panel's conclusion. */
  readonly conclusions: Readonly<Record<string, string>>;
  readonly reopenings: readonly PanelRecordReopening[];
  /** The 补正 requests; null for a record of version 1, which did not keep them. */
  readonly clarifications: readonly PanelRecordClarification[] | null;
  /** The outlying scores and the paper pledges; null for a record before version 3. */
  readonly outliers: readonly PanelRecordOutlier[] | null;
  readonly paperPledges: readonly PanelRecordPaperPledge[] | null;
  readonly certificateFingerprint: string;
  readonly certificateSubject: string;
}

export type PanelRecordReading = { readonly ok: true; readonly data: PanelRecordData } | { readonly ok: false; readonly problems: readonly string[] };

/** The result a record must belong to: its year and the SHA-256 of its result text. */
export interface ExpectedResult {
  readonly year: number;
  readonly resultSha256: string;
}

export function resultSha256Of(resultText: string): string {
  return createHash('sha256').update(resultText, 'utf8').digest('hex');
}

/** Reads and verifies a panel record file; with `expected`, refuses one of another year or result. */
export async function readPanelRecord(path: string, expected?: ExpectedResult): Promise<PanelRecordReading> {
  const name = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [`无法读取专家组记录 ${name}（${(error as NodeJS.ErrnoException).code ?? String(error)}），请确认文件还在。`] };
  }
  const check = verifyPanelRecordText(text);
  if (!check.ok || check.record === null) return { ok: false, problems: check.problems.map((p) => `专家组记录 ${name}：${p}。`) };
  const record = check.record;
  if (expected !== undefined && record.year !== expected.year) {
    return { ok: false, problems: [`专家组记录 ${name} 是 ${record.year} 年度的，而本次汇总的是 ${expected.year} 年度的结果。请给出本年度的专家组记录。`] };
  }
  if (expected !== undefined && record.result.sha256 !== expected.resultSha256) {
    return {
      ok: false,
      problems: [`专家组记录 ${name} 属于另一份结果（结果摘要 ${record.result.sha256.slice(0, 16)}…），与本次汇总的结果（${expected.resultSha256.slice(0, 16)}…）不同。请给出与这些评分表同一次定稿时导出的专家组记录。`],
    };
  }
  return {
    ok: true,
    data: {
      record,
      version: record.version,
      year: record.year,
      meeting: record.meeting,
      resultSha256: record.result.sha256,
      flagNotes: record.flagNotes,
      differences: record.differences.map((d) => ({
        alliance: d.allianceId,
        criterion: d.criterionId,
        criterionLabel: d.criterionLabel,
        item: d.itemId,
        itemTitle: d.itemTitle,
        outcome: d.outcome,
        reason: d.reason,
        by: d.by,
        at: d.at,
      })),
      observerNotes: record.observerNotes,
      conclusions: Object.fromEntries(Object.entries(record.conclusions).map(([id, c]) => [id, c.text])),
      reopenings: record.reopenings,
      clarifications: record.version === 1 ? null : record.clarifications,
      outliers: record.version === 3 ? record.outliers : null,
      paperPledges: record.version === 3 ? record.paperPledges : null,
      certificateFingerprint: check.certificateFingerprint ?? '',
      certificateSubject: check.certificateSubject ?? '',
    },
  };
}
