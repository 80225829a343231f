/**
 * Test helper: the outside tools that check a PDF the way a reader's software would:
 * poppler's pdftotext, pdffonts and pdfsig, and `openssl cms -verify` on the signature cut out
 * of the file by its byte range.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

function run(command: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function pdfText(path: string): string {
  return run('pdftotext', ['-enc', 'UTF-8', path, '-']).stdout;
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
  readonly subset: boolean;
  readonly unicode: boolean;
}

export function pdfFonts(path: string): PdfFont[] {
  const lines = run('pdffonts', [path]).stdout.split('\n').slice(2).filter((line) => line.trim() !== '');
  return lines.map((line) => {
    // name, type (may have spaces), encoding, emb sub uni, object ID. Read by words, not by
    // column: a name as wide as its column is followed by a single space.
    const columns = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line.trim());
    return {
      name: columns?.[1] ?? '',
      type: columns?.[2] ?? '',
      embedded: columns?.[4] === 'yes',
      subset: columns?.[5] === 'yes',
      unicode: columns?.[6] === 'yes',
    };
  });
}

export interface PdfsigReport {
  readonly valid: boolean;
  readonly wholeDocument: boolean;
  readonly commonName: string | null;
  readonly text: string;
}

/** pdfsig exits 0 whatever it finds, so its words are what count. */
export function pdfsig(path: string): PdfsigReport {
  const { stdout, stderr } = run('pdfsig', [path]);
  const text = `${stdout}${stderr}`;
  return {
    valid: /Signature Validation: Signature is Valid\./.test(text),
    wholeDocument: /Total document signed/.test(text),
    commonName: /Signer Certificate Common Name: (.*)/.exec(text)?.[1]?.trim() ?? null,
    text,
  };
}

/** The CMS signature and the signed bytes of a signed PDF, cut out by its /ByteRange. */
export function signaturePieces(pdf: Buffer): { cms: Buffer; content: Buffer } {
  const text = pdf.toString('latin1');
  const match = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].at(-1);
  if (match === undefined) throw new Error('no /ByteRange');
  const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
  const content = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const hex = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  // The DER's own length, without the zero padding after it.
  const lengthByte = hex[1] ?? 0;
  const headerLength = lengthByte & 0x80 ? 2 + (lengthByte & 0x7f) : 2;
  const bodyLength = lengthByte & 0x80 ? hex.subarray(2, headerLength).reduce((sum, byte) => sum * 256 + byte, 0) : lengthByte;
  return { cms: hex.subarray(0, headerLength + bodyLength), content };
}

/**
 * `openssl cms -verify` with the signer's certificate as the only trusted one, checked at
 * `at` (the signing time: a test's clock may lie ahead of the machine's).
 */
export function opensslVerify(pdf: Buffer, certificatePem: string, dir: string, at?: Date): { ok: boolean; stderr: string } {
  const { cms, content } = signaturePieces(pdf);
  const cmsPath = join(dir, 'signature.der');
  const contentPath = join(dir, 'content.bin');
  const certificatePath = join(dir, 'trusted.pem');
  writeFileSync(cmsPath, cms);
  writeFileSync(contentPath, content);
  writeFileSync(certificatePath, certificatePem);
  const result = run('openssl', [
    'cms', '-verify', '-inform', 'DER', '-in', cmsPath, '-content', contentPath, '-binary',
    '-CAfile', certificatePath, '-purpose', 'any', '-out', join(dir, 'verified.bin'),
    ...(at === undefined ? [] : ['-attime', String(Math.floor(at.getTime() / 1000))]),
  ]);
  return { ok: result.status === 0 && /Verification successful/.test(result.stderr), stderr: result.stderr };
}

export function openssl(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  return run('openssl', args);
}
