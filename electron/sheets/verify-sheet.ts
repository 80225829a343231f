/**
 * Verifying a sheet: is it an expert sheet in format 1, and did the key it carries sign exactly
 * these values?
 *
 * - verification: the outcome, as data: `ok`, the sheet, the expert and the key's fingerprint,
 *   and every problem. `expert` and `fingerprint` are what the sheet claims, set whenever the
 *   sheet could be read; they are only to be trusted when `ok` is true.
 * - A verified signature proves the sheet is unchanged since the holder of that key signed it.
 *   Whether the key is the expert's is for people to confirm, by the fingerprint.
 *
 * Whether the sheet fits the packages is a separate check (`checkSheetAgainstPackages`).
 */
import { verify } from 'node:crypto';
import { parseJson } from '../../shared/package/parse-json.ts';
import { illFormedSheetProblem, parseSheet } from '../../shared/sheet/parse-sheet.ts';
import type { SheetProblem } from '../../shared/sheet/sheet-problem.ts';
import { formatJsonPath, ROOT_PATH, sheetProblem } from '../../shared/sheet/sheet-problem.ts';
import type { Sheet } from '../../shared/sheet/sheet-schema.ts';
import { signingText } from '../../shared/sheet/signing-text.ts';
import { publicKeyFromRaw } from '../experts/expert-key.ts';
import { fingerprintOfRaw } from '../experts/key-fingerprint.ts';

export interface SheetVerification {
  readonly ok: boolean;
  readonly sheet: Sheet | null;
  readonly expert: { readonly id: string; readonly name: string } | null;
  readonly fingerprint: string | null;
  readonly problems: readonly SheetProblem[];
}

/** Verifies a parsed JSON value. */
export function verifySheet(json: unknown): SheetVerification {
  const parsed = parseSheet(json);
  if (!parsed.ok) return { ok: false, sheet: null, expert: null, fingerprint: null, problems: parsed.problems };
  const sheet = parsed.sheet;
  const expert = { id: sheet.expert.id, name: sheet.expert.name };
  const raw = Buffer.from(sheet.signature.publicKey, 'base64');
  const fingerprint = fingerprintOfRaw(raw);
  const key = publicKeyFromRaw(raw);
  if (key === null) {
    const problem = sheetProblem('public-key-invalid', 'signature.publicKey', '公钥不是 Ed25519 公钥 (invalid public key)');
    return { ok: false, sheet, expert, fingerprint, problems: [problem] };
  }
  // The text is computed from the JSON as given, not from the schema's copy of it: what is
  // verified is exactly what was read.
  const data = Buffer.from(signingText(json as object), 'utf8');
  const valid = verify(null, data, key, Buffer.from(sheet.signature.value, 'base64'));
  if (!valid) {
    const problem = sheetProblem(
      'signature-invalid',
      'signature.value',
      '签名验证失败：评分表签名后被改动过，或不是用此公钥签名的 (signature does not verify)',
    );
    return { ok: false, sheet, expert, fingerprint, problems: [problem] };
  }
  return { ok: true, sheet, expert, fingerprint, problems: [] };
}

/**
 * Verifies the text of a sheet file: JSON (a BOM tolerated) in which no object repeats a key.
 * `JSON.parse` keeps the last of two equal keys, so a sheet could show a reader
 * `"accept": false` and be verified and scored as `"accept": true`; such a file is refused.
 * The JSON parser is the package reader's (shared/package/parse-json.ts), which reports both,
 * and refuses a string with a lone surrogate (a `"\ud800"` escape) by its path.
 */
export function verifySheetText(text: string): SheetVerification {
  const json = parseJson(text);
  const illFormed = json.ok ? undefined : json.illFormed?.strings[0];
  if (illFormed !== undefined) {
    const problem = illFormedSheetProblem(formatJsonPath(illFormed.segments), illFormed.codePoint, illFormed.isKey);
    return { ok: false, sheet: null, expert: null, fingerprint: null, problems: [{ ...problem, ...illFormed.position }] };
  }
  if (!json.ok) {
    return failedAt('not-json', `不是 JSON：${json.message} (not JSON)`, json.position);
  }
  const duplicate = json.duplicateKeys[0];
  if (duplicate !== undefined) {
    return failedAt(
      'duplicate-key',
      `${duplicate.path}: 键 ${JSON.stringify(duplicate.key)} 重复出现，无法确定以哪个为准 (duplicate key)`,
      duplicate.position,
    );
  }
  return verifySheet(json.value);
}

function failedAt(
  code: 'not-json' | 'duplicate-key',
  message: string,
  position: { readonly line: number; readonly column: number },
): SheetVerification {
  const problem: SheetProblem = { ...sheetProblem(code, ROOT_PATH, message), line: position.line, column: position.column };
  return { ok: false, sheet: null, expert: null, fingerprint: null, problems: [problem] };
}
