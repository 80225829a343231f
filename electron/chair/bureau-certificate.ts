/**
 * The bureau's certificate (市科技局数字证书) for signing the result PDFs: the clerk imports a
 * PKCS#12 file with its password; the signer is kept in memory, per running app, for this
 * session's exports only. Neither the file nor the password is stored, so a stolen laptop or
 * backup never carries the bureau's key. Without it, exports are signed with this computer's
 * own certificate (`<data folder>/result-signing/`).
 */
import { readFile } from 'node:fs/promises';
import type { ResultCertificateView } from '../../shared/api/result-document-types.ts';
import type { ServiceContext } from '../app/context.ts';
import { signerFromPkcs12 } from '../export/signing/pkcs12-signer.ts';
import type { ResultSigner } from '../export/signing/result-signer.ts';
import { checkSigner, SignerError, summarizeCertificate } from '../export/signing/result-signer.ts';
import { AppError } from '../errors/app-error.ts';
import type { ResolvedFile } from '../package-store/file-source.ts';

const imported = new WeakMap<ServiceContext, ResultSigner>();

export function certificateView(signer: ResultSigner): ResultCertificateView {
  const summary = summarizeCertificate(signer.certificate);
  return {
    origin: signer.origin,
    subject: summary.subject,
    issuer: summary.issuer,
    selfSigned: summary.selfSigned,
    fingerprint: summary.fingerprint,
    validFrom: summary.validFrom.toISOString(),
    validTo: summary.validTo.toISOString(),
  };
}

export async function importBureauCertificate(ctx: ServiceContext, file: ResolvedFile, password: string): Promise<ResultCertificateView> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch {
    throw new AppError('file-unreadable', `无法读取证书文件 ${file.name}，请确认文件还在。`);
  }
  try {
    const signer = signerFromPkcs12(bytes, password);
    checkSigner(signer, ctx.now());
    imported.set(ctx, signer);
    return certificateView(signer);
  } catch (error) {
    if (error instanceof SignerError) throw new AppError('certificate-refused', `证书 ${file.name} 不能用于签名：${error.message}`);
    throw error;
  }
}

/** The bureau's certificate imported in this session, or undefined. */
export function bureauSigner(ctx: ServiceContext): ResultSigner | undefined {
  return imported.get(ctx);
}
