/**
 * The bureau's certificate from a PKCS#12 file (`.p12`/`.pfx`, as certification authorities
 * and Windows' certificate export hand it out), protected by a password.
 *
 * node-forge reads the file: unlike pkijs it also opens the legacy encryptions still common in
 * such files (3DES and RC2 from Windows and OpenSSL 1.x), as well as PBES2/AES. We take from it
 * only the private key and the certificates' DER; the signature itself is built with pkijs
 * (cms-signed-data.ts says why not forge). forge keeps each certificate's parsed
 * tbsCertificate as read and encodes the certificate from it, so the DER we get is the file's; `X509Certificate` re-reads it and
 * the key must match it (checkSigner).
 *
 * - signing certificate: the one whose public key matches the private key; the others are the
 *   chain, carried in the signature.
 * - Only RSA keys: forge reads no other kind (a PKCS#12 with an EC or SM2 key is refused with a
 *   message saying so).
 * - Only ASCII passwords for files encrypted with AES (PBES2): forge turns the password into
 *   bytes differently from OpenSSL there; the clerk is told to export with an ASCII password.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import type { ResultSigner } from './result-signer.ts';
import { SignerError } from './result-signer.ts';

export function signerFromPkcs12(bytes: Uint8Array, password: string): ResultSigner {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const text = String((error as Error).message ?? error);
    if (/password|MAC/i.test(text)) throw new SignerError('证书密码不对 (wrong PKCS#12 password)');
    // forge derives AES keys from the password's UTF-16 code units cut to bytes, where OpenSSL
    // and Windows use UTF-8: such a file opens only with an ASCII password.
    if (/decrypt/i.test(text) && /[^\x20-\x7e]/.test(password)) {
      throw new SignerError(
        '无法打开此证书文件：其密码含中文等非 ASCII 字符，而文件以 AES 加密。请重新导出证书，使用只含字母、数字的密码 (non-ASCII password on an AES-encrypted PKCS#12 file)',
      );
    }
    if (/OID|not supported|Unsupported|unknown/i.test(text)) {
      throw new SignerError(`证书文件使用了不支持的算法或密钥类型（只支持 RSA 密钥）(unsupported PKCS#12 content)：${text}`);
    }
    throw new SignerError(`不是有效的 PKCS#12 证书文件 (not a PKCS#12 file)：${text}`);
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids['pkcs8ShroudedKeyBag'] ?? '' })[forge.pki.oids['pkcs8ShroudedKeyBag'] ?? ''] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids['keyBag'] ?? '' })[forge.pki.oids['keyBag'] ?? ''] ?? []),
  ];
  // forge leaves `key` null for a key it cannot read (EC, SM2), undefined when there is none.
  const key = keyBags.find((bag) => bag.key !== undefined && bag.key !== null)?.key ?? undefined;
  if (key === undefined) {
    const undecoded = keyBags.length > 0;
    throw new SignerError(
      undecoded ? '证书文件中的私钥不是 RSA 密钥：本程序只支持 RSA 密钥，ECDSA 和 SM2（国密）证书不能用来签名结果。请向发证机构申请 RSA 证书，或不给证书，用本机证书签名 (only RSA keys are supported)' : '证书文件中没有私钥 (no private key in the PKCS#12 file)',
    );
  }
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(key));
  const certBags = p12.getBags({ bagType: forge.pki.oids['certBag'] ?? '' })[forge.pki.oids['certBag'] ?? ''] ?? [];
  const certificates = certBags.flatMap((bag) =>
    bag.cert === undefined ? [] : [Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)).getBytes(), 'binary')],
  );
  const signing = certificates.find((der) => new X509Certificate(der).checkPrivateKey(privateKey));
  if (signing === undefined) throw new SignerError('证书文件中没有与私钥对应的证书 (no certificate for the private key)');
  return {
    origin: 'bureau',
    certificate: signing,
    privateKey,
    chain: certificates.filter((der) => der !== signing),
  };
}
