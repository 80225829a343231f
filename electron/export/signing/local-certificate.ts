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
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeOutputFile } from '../../output-file/write-output-file.ts';
import type { Der } from './der.ts';
import {
  algorithm,
  bitString,
  boolean,
  contextConstructed,
  element,
  nullValue,
  octetString,
  oid,
  printableString,
  sequence,
  setOf,
  smallInteger,
  time,
  unsignedInteger,
  utf8String,
} from './der.ts';
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

function name(organization: string, commonName: string): Der {
  const rdn = (type: string, value: Der): Der => setOf(sequence(oid(type), value));
  return sequence(
    rdn(OID.countryName, printableString('CN')),
    rdn(OID.organizationName, utf8String(organization)),
    rdn(OID.commonName, utf8String(commonName)),
  );
}

function extension(id: string, critical: boolean, value: Der): Der {
  return critical ? sequence(oid(id), boolean(true), octetString(value)) : sequence(oid(id), octetString(value));
}

/** A self-signed certificate for `privateKey` (RSA), as DER. */
export function selfSignedCertificate(privateKey: KeyObject, organization: string, now: Date): Buffer {
  const spki = Buffer.from(createPublicKey(privateKey).export({ format: 'der', type: 'spki' }));
  const subject = name(organization, `${organization} 考核结果签名（本机自签名）`);
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000 - 60 * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALID_YEARS);
  const keyIdentifier = createHash('sha1').update(spki).digest();
  // digitalSignature (bit 0) and nonRepudiation (bit 1): a signing certificate, no CA.
  const keyUsage = element(0x03, Buffer.from([0x06, 0xc0]));
  const signatureAlgorithm = algorithm(OID.sha256WithRsa, nullValue());
  const tbs = sequence(
    contextConstructed(0, smallInteger(2)),
    unsignedInteger(serial),
    signatureAlgorithm,
    subject,
    sequence(time(notBefore), time(notAfter)),
    subject,
    spki,
    contextConstructed(
      3,
      sequence(
        extension(OID.basicConstraints, true, sequence()),
        extension(OID.keyUsage, true, keyUsage),
        extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier)),
      ),
    ),
  );
  return sequence(tbs, signatureAlgorithm, bitString(sign('sha256', tbs, privateKey)));
}

/** Written whole or not at all, readable by the owner only (a private key). */
async function writePrivateFile(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
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
  await writePrivateFile(keyPath, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  await writeOutputFile(certificatePath, Buffer.from(pem('CERTIFICATE', certificate)), { force: true });
  return { origin: 'local', certificate, privateKey, chain: [] };
}
