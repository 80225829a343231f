/**
 * Local certificate: the self-signed certificate that signs result PDFs on a computer where the
 * clerk has imported no bureau certificate (result-signer.ts).
 *
 * - It is made once, on first use, and kept in the data folder given (`result-signing/`):
 *   `certificate.pem` and `private-key.pem` (PKCS#8, readable by the owner only). Keeping it
 *   means every export of this computer is signed by the same certificate, so its fingerprint,
 *   once noted, identifies this computer's documents.
 * - Subject and issuer: `C=CN, O=<organisation>, CN=<organisation> 考核结果签名（本机自签名）`,
 *   in UTF8String, so a viewer shows plainly that nobody else vouches for it.
 * - RSA 3072 with SHA-256: accepted by every PDF viewer in use, and strong past 2030.
 * - Valid for 10 years from when it is made.
 */
import type { KeyObject } from 'node:crypto';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../../files/atomic-write.ts';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids.ts';
import type { ResultSigner } from './result-signer.ts';

export const LOCAL_SIGNING_FOLDER = 'result-signing';
const CERTIFICATE_FILE = 'certificate.pem';
const KEY_FILE = 'private-key.pem';
const VALID_YEARS = 10;

export interface LocalCertificateOptions {
  /** The organisation named in the certificate; default 合肥市科学技术局. */
  readonly organization?: string;
  /** The clock: when a new certificate starts to be valid. */
  readonly now: Date;
}

function name(organization: string, commonName: string): pkijs.RelativeDistinguishedNames {
  const rdn = (type: string, value: asn1js.PrintableString | asn1js.Utf8String) =>
    new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] });
  // One attribute to each RDN, as certification authorities issue them. pkijs would put all of
  // a name's attributes into one RDN, so the name is encoded here and given to pkijs as bytes,
  // which it writes back unchanged.
  const encoded = new asn1js.Sequence({
    value: [
      rdn(OID.countryName, new asn1js.PrintableString({ value: 'CN' })),
      rdn(OID.organizationName, new asn1js.Utf8String({ value: organization })),
      rdn(OID.commonName, new asn1js.Utf8String({ value: commonName })),
    ],
  });
  return pkijs.RelativeDistinguishedNames.fromBER(encoded.toBER(false));
}

/** UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
function validityTime(date: Date): pkijs.Time {
  return new pkijs.Time({ type: date.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime, value: date });
}

function extension(id: string, critical: boolean, value: asn1js.AsnType): pkijs.Extension {
  return new pkijs.Extension({ extnID: id, critical, extnValue: value.toBER(false) });
}

/** A self-signed certificate for `privateKey` (RSA), as DER; pkijs encodes it, node:crypto signs it. */
export function selfSignedCertificate(privateKey: KeyObject, organization: string, now: Date): Buffer {
  const spki = Buffer.from(createPublicKey(privateKey).export({ format: 'der', type: 'spki' }));
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000 - 60 * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALID_YEARS);
  const keyIdentifier = createHash('sha1').update(spki).digest();
  const signatureAlgorithm = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() });
  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: new asn1js.Integer({ valueHex: serial }),
    signature: signatureAlgorithm(),
    issuer: name(organization, `${organization} 考核结果签名（本机自签名）`),
    subject: name(organization, `${organization} 考核结果签名（本机自签名）`),
    notBefore: validityTime(notBefore),
    notAfter: validityTime(notAfter),
    subjectPublicKeyInfo: pkijs.PublicKeyInfo.fromBER(spki),
    extensions: [
      extension(OID.basicConstraints, true, new pkijs.BasicConstraints({}).toSchema()),
      // digitalSignature (bit 0) and nonRepudiation (bit 1): a signing certificate, no CA.
      extension(OID.keyUsage, true, new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 })),
      extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyIdentifier })),
    ],
    signatureAlgorithm: signatureAlgorithm(),
  });
  const tbs = Buffer.from(certificate.encodeTBS().toBER(false));
  certificate.signatureValue = new asn1js.BitString({ valueHex: sign('sha256', tbs, privateKey) });
  return Buffer.from(certificate.toSchema(true).toBER(false));
}

function pem(label: string, der: Uint8Array): string {
  const body = Buffer.from(der).toString('base64').match(/.{1,64}/g)?.join('\n') ?? '';
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** This computer's local signer from `dataDir`, made and stored there on first use. */
export async function localSigner(dataDir: string, options: LocalCertificateOptions): Promise<ResultSigner> {
  const folder = join(dataDir, LOCAL_SIGNING_FOLDER);
  const certificatePath = join(folder, CERTIFICATE_FILE);
  const keyPath = join(folder, KEY_FILE);
  try {
    const [certificatePem, keyPem] = await Promise.all([readFile(certificatePath, 'utf8'), readFile(keyPath, 'utf8')]);
    return { origin: 'local', certificate: new X509Certificate(certificatePem).raw, privateKey: createPrivateKey(keyPem), chain: [] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const certificate = selfSignedCertificate(privateKey, options.organization ?? '合肥市科学技术局', options.now);
  // The key first: a certificate without its key would be useless, a key alone is made anew.
  // Readable by the owner only: it is a private key.
  await writeFileAtomically(keyPath, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), { overwrite: true, mode: 0o600 });
  await writeFileAtomically(certificatePath, pem('CERTIFICATE', certificate), { overwrite: true });
  return { origin: 'local', certificate, privateKey, chain: [] };
}
