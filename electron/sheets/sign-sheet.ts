/**
 * Signing a sheet (sheets-and-results.md "Signature"): Ed25519 over the UTF-8 bytes of the
 * RFC 8785 canonical form of the sheet without its `signature` member.
 *
 * - unsigned sheet: a sheet in format 1 without `signature`; it must pass `parseUnsignedSheet`,
 *   because a sheet that no laptop could read back must not be signed. Completeness against
 *   the packages is the caller's check (`checkSheetAgainstPackages`), made before signing.
 * - signed sheet: the unsigned sheet plus `signature: { alg: "Ed25519", publicKey, value }`.
 *
 * The clock is the caller's: `signedAt` is part of the unsigned sheet.
 */
import type { KeyObject } from 'node:crypto';
import { sign } from 'node:crypto';
import { parseUnsignedSheet } from '../../shared/sheet/parse-sheet.ts';
import type { SheetProblem } from '../../shared/sheet/sheet-problem.ts';
import { describeSheetProblem } from '../../shared/sheet/sheet-problem.ts';
import type { Sheet, UnsignedSheet } from '../../shared/sheet/sheet-schema.ts';
import { SIGNATURE_ALG } from '../../shared/sheet/sheet-schema.ts';
import { signingText } from '../../shared/sheet/signing-text.ts';
import { assertEd25519, publicKeyBase64 } from '../experts/expert-key.ts';

/** The sheet is not in format 1; nothing was signed. */
export class SheetNotSignableError extends Error {
  override name = 'SheetNotSignableError';
  readonly problems: readonly SheetProblem[];
  constructor(problems: readonly SheetProblem[]) {
    super(`评分表格式不对，未签名 (sheet not signed):\n${problems.map(describeSheetProblem).join('\n')}`);
    this.problems = problems;
  }
}

export function signSheet(unsigned: UnsignedSheet, privateKey: KeyObject): Sheet {
  assertEd25519(privateKey);
  if (privateKey.type !== 'private') throw new TypeError('signing needs the private key');
  const parsed = parseUnsignedSheet(unsigned);
  if (!parsed.ok) throw new SheetNotSignableError(parsed.problems);
  const value = sign(null, Buffer.from(signingText(unsigned), 'utf8'), privateKey);
  return {
    ...unsigned,
    signature: { alg: SIGNATURE_ALG, publicKey: publicKeyBase64(privateKey), value: value.toString('base64') },
  };
}
