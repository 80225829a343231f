/**
 * `verify <file>` for a signed result PDF: whether every byte of the file is what its signer
 * signed (electron/export/signing/verify-pdf-signature.ts), and who signed it: the certificate's
 * subject, issuer and SHA-256 fingerprint, which a reader compares with the fingerprint printed
 * on the summary sheet (考核结果汇总表), and the result digest the document names.
 * Exit 0 when valid; any problem on stderr, one a line, and exit 1.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { dateTimeText } from '../export/result-labels.ts';
import { verifyPdfSignature } from '../export/signing/verify-pdf-signature.ts';
import { exitCode, type CliIo } from './command.ts';
import { oneLine, shown, term } from './terminal-text.ts';

export async function verifyResultPdfFile(path: string, file: string, io: CliIo): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    io.err(term`错误 error [unreadable] ${file}：无法读取 (cannot read)：${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return exitCode.invalid;
  }
  const report = verifyPdfSignature(bytes);
  if (!report.ok || report.signer === null) {
    for (const problem of report.problems) io.err(`错误 error [pdf-signature] ${shown(file)}：${oneLine(problem)}\n`);
    io.err(term`✗ 验证失败 verification failed：${file}\n`);
    return exitCode.invalid;
  }
  const signer = report.signer;
  io.out(
    [
      term`✓ 签名有效 signature valid：${basename(file)}`,
      term`签名人 signer：${signer.commonName}`,
      `${term`证书 certificate：${signer.subject}`}${signer.selfSigned ? '（自签名 self-signed）' : term`，颁发者 issuer：${signer.issuer}`}`,
      term`证书指纹 SHA-256 fingerprint：${signer.fingerprint}`,
      `证书有效期 validity：${dateTimeText(signer.validFrom)} 至 ${dateTimeText(signer.validTo)}（北京时间）`,
      ...(report.signingTime === null ? [] : [`签名时间 signing time：${dateTimeText(report.signingTime)}（北京时间）`]),
      ...(report.resultDigest === null ? [] : [term`结果摘要 result digest：${report.resultDigest}`]),
      '签名覆盖整个文件，签名后文件未被改动 (the signature covers the whole file; unchanged since signing)',
      '请将证书指纹与考核结果汇总表上打印的指纹核对 (compare the fingerprint with the one printed on the summary)',
      '',
    ].join('\n'),
  );
  return exitCode.ok;
}
