/**
 * Parsing a sheet: untrusted JSON in, a typed sheet or every problem with it out.
 *
 * - format problem: the JSON is not a well-formed expert sheet of format 1 or 2 (each checked
 *   by its own schema, sheet-schema.ts): a missing or
 *   unknown field, a value of the wrong type or form, two reviews of one alliance, a recused
 *   review that still decides something or gives no reason, a bad handwritten signature.
 *
 * This knows nothing of signatures (electron/sheets/verify-sheet.ts) or of packages
 * (check-sheet-against-packages.ts). Problems come back all at once, each naming where it is.
 */
import type { z } from 'zod';

import { unsafeTextIssue } from '../format/safe-text-schema.ts';
import { describeCharacter, findIllFormedString, findLoneSurrogate } from '../format/text-safety.ts';
import { checkHandSignature } from './hand-signature.ts';
import type { SheetProblem, SheetProblemCode } from './sheet-problem.ts';
import { formatJsonPath, ROOT_PATH, sheetProblem } from './sheet-problem.ts';
import type { Sheet, UnsignedSheet } from './sheet-schema.ts';
import {
  decisionShapeOf,
  flagDecisionSchema,
  judgedDecisionSchema,
  listDecisionSchema,
  SHEET_FORMAT,
  SHEET_FORMAT_VERSION_2,
  SHEET_FORMAT_VERSIONS,
  sheetSchema,
  sheetSchemaV2,
  unsignedSheetSchema,
  unsignedSheetSchemaV2,
} from './sheet-schema.ts';

export type SheetParseResult<T> =
  | { readonly ok: true; readonly sheet: T; readonly problems: readonly [] }
  | { readonly ok: false; readonly problems: readonly SheetProblem[] };

/** Whether a JSON value says it is an expert sheet (any version); used to tell files apart. */
export function looksLikeSheet(json: unknown): boolean {
  return isRecord(json) && json['format'] === SHEET_FORMAT;
}

/** A signed sheet (with `signature`). The signature itself is checked elsewhere. */
export function parseSheet(json: unknown): SheetParseResult<Sheet> {
  return parseWith<Sheet>(json, sheetSchema, sheetSchemaV2);
}

/** A sheet before signing: the same rules, and no `signature` member. */
export function parseUnsignedSheet(json: unknown): SheetParseResult<UnsignedSheet> {
  return parseWith<UnsignedSheet>(json, unsignedSheetSchema, unsignedSheetSchemaV2);
}

/** The schema of the sheet's own version: format 1 stays exactly as strict as it was. */
function parseWith<T extends UnsignedSheet>(json: unknown, v1: z.ZodType<T, unknown>, v2: z.ZodType<T, unknown>): SheetParseResult<T> {
  if (!looksLikeSheet(json)) {
    return {
      ok: false,
      problems: [
        sheetProblem(
          'not-a-sheet',
          ROOT_PATH,
          `不是专家评分表：format 应为 "${SHEET_FORMAT}" (not an expert sheet)`,
        ),
      ],
    };
  }
  const record = json as Record<string, unknown>;
  // A missing version is an ordinary missing field (the schema reports it); a different one
  // is a sheet of another program version, which deserves its own words.
  if (record['version'] !== undefined && !(SHEET_FORMAT_VERSIONS as readonly unknown[]).includes(record['version'])) {
    return {
      ok: false,
      problems: [
        sheetProblem(
          'sheet-wrong-version',
          'version',
          `评分表格式版本 ${JSON.stringify(record['version'])} 本程序不能读取，只能读取版本 ${SHEET_FORMAT_VERSIONS.join(' 和 ')}；请用相同版本的程序导出 (unsupported sheet version)`,
        ),
      ],
    };
  }
  const schema = record['version'] === SHEET_FORMAT_VERSION_2 ? v2 : v1;
  const parsed = parseWithSchema(json, schema);
  if (!parsed.ok) return parsed;
  const problems = crossFieldProblems(parsed.value);
  return problems.length === 0 ? { ok: true, sheet: parsed.value, problems: [] } : { ok: false, problems };
}

/**
 * A JSON value through a strict schema, with every problem in the sheet's words (the same
 * codes, paths and hints). For formats built from the sheet's parts (paper sheets,
 * shared/paper/parse-paper-sheet.ts); it checks shapes only, not the rules across fields.
 */
export function parseWithSchema<T>(
  json: unknown,
  schema: z.ZodType<T>,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly SheetProblem[] } {
  // Before the schema: a lone surrogate anywhere (a comment included) would make the signing
  // text throw rather than fail to verify, so such a sheet is refused as it is read.
  const illFormed = findIllFormedString(json);
  if (illFormed !== null) {
    const text = illFormed.isKey ? String(illFormed.path[illFormed.path.length - 1]) : (valueAt(json, illFormed.path) as string);
    const codePoint = text.charCodeAt(findLoneSurrogate(text));
    return { ok: false, problems: [illFormedSheetProblem(formatJsonPath(illFormed.path), codePoint, illFormed.isKey)] };
  }
  const proto = protoKeyPath(json, []);
  if (proto !== null) {
    // zod copies records key by key, and a `__proto__` key would be lost in the copy rather
    // than reported; no field of the format is called that, so it is refused outright.
    return { ok: false, problems: [sheetProblem('field-unknown', formatJsonPath(proto), '不允许的键名 __proto__ (unknown field)')] };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.flatMap((issue) => problemsOfIssue(json, issue, [])) };
  }
  return { ok: true, value: parsed.data };
}

/** A key or value with a lone surrogate, at `path`. */
export function illFormedSheetProblem(path: string, codePoint: number, isKey: boolean): SheetProblem {
  return sheetProblem(
    'field-ill-formed',
    path,
    `${fieldWords(path)}${isKey ? '键名' : ''}含有无法显示的字符：${describeCharacter(codePoint)}，这样的文字无法保存和签名，评分表不能使用 (ill-formed text)`,
  );
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  name: '姓名',
  comment: '评审意见',
  reason: '理由',
  note: '备注',
  enteredBy: '录入人姓名',
  confirmedBy: '复核人姓名',
  accepted: '认定的条目编号',
};

/** The field at a sheet path in words, from its last name: `reviews[0].comment` → 评审意见. */
function fieldWords(path: string): string {
  const last = /([A-Za-z]+)(?:\[\d+\])?$/.exec(path)?.[1];
  const words = last === undefined ? undefined : FIELD_WORDS[last];
  return words === undefined ? '' : path === 'expert.name' ? '专家姓名' : words;
}

function crossFieldProblems(sheet: UnsignedSheet): SheetProblem[] {
  const problems: SheetProblem[] = [];
  if (sheet.expert.handSignature !== undefined) {
    const check = checkHandSignature(sheet.expert.handSignature);
    if (!check.ok) problems.push(sheetProblem(check.code, 'expert.handSignature', check.message));
  }
  const firstIndex = new Map<string, number>();
  sheet.reviews.forEach((review, i) => {
    const at = `reviews[${i}]`;
    const earlier = firstIndex.get(review.allianceId);
    if (earlier !== undefined) {
      problems.push(
        sheetProblem(
          'review-duplicate',
          `${at}.allianceId`,
          `联盟 ${review.allianceId} 已在 reviews[${earlier}] 评审过，一份评分表中每个联盟只能有一条评审 (duplicate review)`,
        ),
      );
    } else {
      firstIndex.set(review.allianceId, i);
    }
    if (review.recused) {
      const decided = Object.keys(review.decisions ?? {}).length + Object.keys(review.overrides ?? {}).length;
      if (decided > 0) {
        problems.push(
          sheetProblem('recused-with-decisions', at, '已声明回避 (recused) 的评审不能有评审意见或改判 (decisions, overrides)'),
        );
      }
      if (review.comment === undefined || review.comment.trim() === '') {
        problems.push(sheetProblem('recused-without-reason', `${at}.comment`, '声明回避 (recused) 必须在 comment 中写明理由'));
      }
    } else if (review.decisions === undefined) {
      problems.push(sheetProblem('decisions-missing', `${at}.decisions`, '缺少评审意见 decisions（未回避的评审必须有）'));
    }
  });
  if (sheet.signIn !== undefined) problems.push(...signInProblemsOf(sheet));
  return problems;
}

/**
 * Format 2: a recusal declared at sign-in is a recused review (a declared conflict cannot be
 * scored), and an explanation explains a criterion the review decides.
 */
function signInProblemsOf(sheet: UnsignedSheet): SheetProblem[] {
  const problems: SheetProblem[] = [];
  const declared = new Set<string>();
  sheet.signIn?.recusals.forEach((recusal, i) => {
    const at = `signIn.recusals[${i}]`;
    if (declared.has(recusal.allianceId)) {
      problems.push(sheetProblem('review-duplicate', `${at}.allianceId`, `签到时对联盟 ${recusal.allianceId} 声明了两次回避 (duplicate recusal)`));
    }
    declared.add(recusal.allianceId);
    const review = sheet.reviews.find((r) => r.allianceId === recusal.allianceId);
    if (review === undefined || !review.recused) {
      problems.push(
        sheetProblem('sign-in-recusal-not-recused', `${at}.allianceId`, `签到时已对联盟 ${recusal.allianceId} 声明回避，但评分表中该联盟${review === undefined ? '没有评审' : '没有回避'} (declared recusal not recused)`),
      );
    }
    if (recusal.reason === 'other' && recusal.detail === undefined) {
      problems.push(sheetProblem('field-missing', `${at}.detail`, '回避理由为“其他利害关系”时必须写明情况 (detail missing)'));
    }
  });
  sheet.reviews.forEach((review, i) => {
    for (const criterionId of Object.keys(review.explanations ?? {})) {
      if (review.recused || review.decisions?.[criterionId] === undefined) {
        problems.push(
          sheetProblem('explanation-without-decision', `reviews[${i}].explanations.${criterionId}`, `对评分项 ${criterionId} 的说明没有对应的评审意见 (explanation without a decision)`),
        );
      }
    }
  });
  return problems;
}

/* ------------------------------------------------------------------------------------------
 * zod issues → problems in Chinese
 * ---------------------------------------------------------------------------------------- */

function problemsOfIssue(json: unknown, issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): SheetProblem[] {
  const path = [...prefix, ...issue.path];
  const at = formatJsonPath(path);
  const make = (code: SheetProblemCode, message: string): SheetProblem[] => [sheetProblem(code, at, message)];
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(json, path) === undefined) return make('field-missing', '缺少此字段 (missing)');
      return make('field-invalid', `类型不对，应为${typeName(issue.expected)} (expected ${issue.expected})`);
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        sheetProblem('field-unknown', formatJsonPath([...path, key]), '未知字段，此版本的评分表格式没有此字段 (unknown field)'),
      );
    case 'invalid_value':
      if (valueAt(json, path) === undefined) return make('field-missing', '缺少此字段 (missing)');
      return make(
        'field-invalid',
        `取值不对，应为 ${issue.values.map((value) => JSON.stringify(value)).join(' 或 ')} (invalid value)`,
      );
    case 'invalid_format':
      return make('field-invalid', formatHint(path));
    case 'too_small':
      if (issue.origin === 'array') return make('field-invalid', `至少应有 ${String(issue.minimum)} 项 (too few)`);
      if (issue.origin === 'string') return make('field-invalid', '不能为空 (empty)');
      return make('field-invalid', `不能小于 ${String(issue.minimum)} (too small)`);
    case 'too_big':
      if (issue.origin === 'string') return make('field-invalid', `不能超过 ${String(issue.maximum)} 个字符 (too long)`);
      return make('field-invalid', `不能大于 ${String(issue.maximum)} (too big)`);
    case 'invalid_union':
      return unionProblems(json, issue, path);
    case 'invalid_key':
      return make('field-invalid', keyHint(path));
    case 'custom': {
      const unsafe = unsafeTextIssue(issue, valueAt(json, path));
      if (unsafe?.illFormed === true) return [illFormedSheetProblem(at, unsafe.found.codePoint, false)];
      if (unsafe !== null) {
        const rule = unsafe.multiLine
          ? '这里只能有普通文字、换行和制表符'
          : '姓名和编号里不能有换行、控制字符、改变文字方向的字符或零宽字符，它们会让显示出来的内容与实际不符';
        return make('field-control-character', `${fieldWords(at)}含有${describeCharacter(unsafe.found.codePoint)}：${rule} (control character)`);
      }
      return make('field-invalid', issue.message);
    }
    default:
      return make('field-invalid', `格式不对 (${issue.message})`);
  }
}

/**
 * A decision that fits none of the three shapes: report the problems of the shape its keys
 * point to (`accept` → flag, `accepted`/`rejected` → list, `value` → judged), which is what the
 * person who wrote it meant, instead of zod's "invalid input".
 */
function unionProblems(json: unknown, issue: z.core.$ZodIssue, path: readonly PropertyKey[]): SheetProblem[] {
  const value = valueAt(json, path);
  const shape = decisionShapeOf(value);
  const at = formatJsonPath(path);
  if (shape === null) {
    return [
      sheetProblem(
        'field-invalid',
        at,
        '评审意见格式不对：应为 {"accept": …}、{"accepted": […], "rejected": {…}} 或 {"value": …} 之一 (malformed decision)',
      ),
    ];
  }
  const schema = [flagDecisionSchema, listDecisionSchema, judgedDecisionSchema][shape];
  const parsed = schema?.safeParse(value);
  if (parsed === undefined || parsed.success) {
    return [sheetProblem('field-invalid', at, `格式不对 (${issue.message})`)];
  }
  return parsed.error.issues.flatMap((inner) => problemsOfIssue(json, inner, path));
}

function keyHint(path: readonly PropertyKey[]): string {
  switch (path[path.length - 2]) {
    case 'decisions':
      return '键名应为评分项 id，如 I4.techContracts (invalid criterion id)';
    case 'overrides':
      return '键名应为指标 id，如 I2 (invalid indicator id)';
    default:
      return '键名不对 (invalid key)';
  }
}

function formatHint(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (last) {
    case 'allianceId':
      return '联盟编号应为 1–64 个字母、数字、- 或 _ (malformed alliance id)';
    case 'packageDigest':
      return '材料包摘要应为 64 位小写十六进制 SHA-256 (malformed packageDigest)';
    case 'rubric':
      return '评分细则编号格式不对，如 hefei-2017 (malformed rubric id)';
    case 'signedAt':
      return '签名时间应为带时区的 ISO 8601 时间，如 2027-01-20T09:30:00+08:00 (malformed signedAt)';
    case 'signedOn':
      return '纸质评分表的签字日期应为 YYYY-MM-DD，如 2027-01-20 (malformed signedOn)';
    case 'enteredAt':
    case 'confirmedAt':
      return `时间应为带时区的 ISO 8601 时间，如 2027-01-20T09:30:00+08:00 (malformed ${String(last)})`;
    case 'publicKey':
      return '公钥应为 32 字节 Ed25519 公钥的标准 base64 (malformed publicKey)';
    case 'value':
      if (parent === 'signature') return '签名值应为 64 字节 Ed25519 签名的标准 base64 (malformed signature value)';
      break;
    case 'id':
      if (parent === 'expert') return '专家编号应为 1–64 个字母、数字、- 或 _ (malformed expert id)';
      break;
  }
  return '格式不对 (malformed)';
}

function typeName(expected: string): string {
  switch (expected) {
    case 'number':
      return '数字';
    case 'int':
      return '整数';
    case 'string':
      return '文字';
    case 'object':
    case 'record':
      return '对象';
    case 'array':
      return '数组';
    case 'boolean':
      return ' true 或 false';
    default:
      return expected;
  }
}

/** The path of the first own `__proto__` key anywhere in the JSON, or null. */
function protoKeyPath(value: unknown, path: readonly PropertyKey[]): PropertyKey[] | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = protoKeyPath(value[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isRecord(value)) return null;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return [...path, key];
    const found = protoKeyPath(value[key], [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = json;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
