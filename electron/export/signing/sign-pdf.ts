/**
 * Signing a result PDF: @signpdf/signpdf finds the placeholder (signature-placeholder.ts),
 * writes the real byte range, and hands us the bytes to sign; we return the CMS signature
 * (cms-signed-data.ts, built with pkijs), which it writes into `/Contents`.
 *
 * We sign with our own CMS rather than @signpdf/signer-p12 because that signer builds its
 * PKCS#7 with node-forge, whose signer info re-encodes the certificate's issuer name and breaks
 * signatures of certificates with Chinese names (cms-signed-data.ts says how).
 */
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { buildDetachedSignature } from './cms-signed-data.ts';
import type { ResultSigner } from './result-signer.ts';

class CmsSigner extends Signer {
  private readonly signer: ResultSigner;
  private readonly signingTime: Date;

  constructor(signer: ResultSigner, signingTime: Date) {
    super();
    this.signer = signer;
    this.signingTime = signingTime;
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return buildDetachedSignature(pdfBuffer, this.signer, this.signingTime);
  }
}

/** The signed PDF: `pdf` must carry exactly one signature placeholder. */
export async function signPdf(pdf: Buffer, signer: ResultSigner, signingTime: Date): Promise<Buffer> {
  return new SignPdf().sign(pdf, new CmsSigner(signer, signingTime), signingTime);
}
