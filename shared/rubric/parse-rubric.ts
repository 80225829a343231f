/**
 * Parsing a rubric file: untrusted JSON in, a typed rubric or every problem out.
 *
 * - rubric error: one problem with a rubric file, naming the field by its path
 *   (`groups[1].indicators[0].criteria[2].points`) and saying what is wrong in Chinese and English.
 *
 * Problems are returned as values, all at once, so whoever edits a rubric file fixes it in one
 * pass. Beyond the schema we check what a schema cannot: ids unique and well-formed, criterion
 * ids prefixed by their indicator, bands and tiers ascending and contiguous, indicator caps
 * adding up to at most their group's cap, only judged criteria subjective, and scores with at most two decimals so that every
 * number the engine prints is exact.
 */
import type { z } from 'zod';

import { dec } from '../decimal/decimal.ts';
import { rubricFileSchema, rubricOfFile } from './rubric-schema.ts';
import { assertNever } from './assert-never.ts';
import type { Criterion, Rubric } from './types.ts';

export interface RubricError {
  /** Where the problem is, e.g. `groups[1].indicators[0].criteria[2].points`; `(root)` for the whole file. */
  readonly path: string;
  /** What is wrong, Chinese first, then English. */
  readonly message: string;
}

export type RubricParseResult =
  | { readonly ok: true; readonly value: Rubric }
  | { readonly ok: false; readonly errors: readonly RubricError[] };

const INDICATOR_ID = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const GROUP_ID = /^[a-z][A-Za-z0-9_-]{0,31}$/;
const CRITERION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function parseRubric(json: unknown): RubricParseResult {
  const parsed = rubricFileSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => schemaError(json, issue)) };
  }
  const rubric = rubricOfFile(parsed.data);
  const errors = integrityErrors(rubric);
  return errors.length === 0 ? { ok: true, value: rubric } : { ok: false, errors };
}

/** For rubric files shipped with the program, where a bad file is a build defect. */
export function parseRubricOrThrow(json: unknown): Rubric {
  const result = parseRubric(json);
  if (!result.ok) throw new Error(rubricErrorsText(result.errors));
  return result.value;
}

/** One line a problem, for a console or a dialog. */
export function rubricErrorsText(errors: readonly RubricError[]): string {
  return errors.map((error) => `${error.path}: ${error.message}`).join('\n');
}

export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(root)' : text;
}

function schemaError(json: unknown, issue: z.core.$ZodIssue): RubricError {
  const path = formatPath(issue.path);
  return { path, message: `${chineseFor(json, issue)} / ${issue.message}` };
}

function chineseFor(json: unknown, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(json, issue.path) === undefined) return '缺少此字段';
      return `类型不对，应为${typeName(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `至少应有 ${String(issue.minimum)} 项`
        : issue.origin === 'string'
          ? '不能为空'
          : `不能小于${issue.inclusive === false ? '或等于' : ''} ${String(issue.minimum)}`;
    case 'too_big':
      return `不能大于 ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `未知字段 ${issue.keys.join('、')}`;
    case 'invalid_value':
      // zod reports a missing enum field (`nature`) as an invalid value, not a missing one.
      if (valueAt(json, issue.path) === undefined) return '缺少此字段';
      return `取值不对，应为 ${issue.values.map((value) => JSON.stringify(value)).join(' 或 ')}`;
    case 'invalid_union':
      // zod puts the discriminator and its allowed values on the issue but not in its type.
      if ('discriminator' in issue && 'options' in issue && Array.isArray(issue.options)) {
        return `${String(issue.discriminator)} 应为 ${issue.options.map(String).join('、')} 之一`;
      }
      return '格式不对';
    case 'invalid_format':
      return '格式不对（只允许小写字母、数字和 -）';
    default:
      return '格式不对';
  }
}

function typeName(expected: string): string {
  switch (expected) {
    case 'number':
    case 'int':
      return '数字';
    case 'string':
      return '文字';
    case 'object':
      return '对象';
    case 'array':
      return '数组';
    case 'boolean':
      return 'true/false';
    default:
      return expected;
  }
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = json;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function integrityErrors(rubric: Rubric): RubricError[] {
  const errors: RubricError[] = [];
  const add = (path: string, zh: string, en: string): void => {
    errors.push({ path, message: `${zh} / ${en}` });
  };
  const twoPlaces = (path: string, value: number): void => {
    if (dec(value).decimalPlaces() > 2) add(path, '最多两位小数', 'at most two decimal places');
  };

  if (rubric.grades.excellent <= rubric.grades.pass) {
    add('grades', '优秀线必须高于合格线', 'the excellent threshold must be above the pass threshold');
  }
  twoPlaces('grades.excellent', rubric.grades.excellent);
  twoPlaces('grades.pass', rubric.grades.pass);

  const groupIds = new Set<string>();
  const indicatorIds = new Set<string>();
  const criterionIds = new Set<string>();

  rubric.groups.forEach((group, g) => {
    const groupPath = `groups[${g}]`;
    if (!GROUP_ID.test(group.id)) {
      add(`${groupPath}.id`, `分组 id "${group.id}" 格式不对`, 'group id must be letters, digits, - or _');
    }
    if (groupIds.has(group.id)) add(`${groupPath}.id`, `分组 id "${group.id}" 重复`, 'duplicate group id');
    groupIds.add(group.id);
    if (group.cap !== null) twoPlaces(`${groupPath}.cap`, group.cap);

    let capSum = dec(0);
    group.indicators.forEach((indicator, i) => {
      const indicatorPath = `${groupPath}.indicators[${i}]`;
      if (!INDICATOR_ID.test(indicator.id)) {
        add(`${indicatorPath}.id`, `指标 id "${indicator.id}" 格式不对`, 'indicator id must be letters, digits, - or _, no dots');
      }
      if (indicatorIds.has(indicator.id)) {
        add(`${indicatorPath}.id`, `指标 id "${indicator.id}" 重复`, 'duplicate indicator id');
      }
      indicatorIds.add(indicator.id);
      if (indicator.cap === null) {
        if (group.cap !== null) {
          add(
            `${indicatorPath}.cap`,
            `分组 ${group.id} 有上限，其指标必须有上限`,
            'an indicator in a capped group needs a cap',
          );
        }
      } else {
        twoPlaces(`${indicatorPath}.cap`, indicator.cap);
        capSum = capSum.plus(dec(indicator.cap));
      }

      indicator.criteria.forEach((criterion, c) => {
        const criterionPath = `${indicatorPath}.criteria[${c}]`;
        const prefix = `${indicator.id}.`;
        if (!criterion.id.startsWith(prefix) || !CRITERION_NAME.test(criterion.id.slice(prefix.length))) {
          add(
            `${criterionPath}.id`,
            `评分项 id "${criterion.id}" 应为 "${prefix}名称"`,
            `criterion id must be "${prefix}<name>"`,
          );
        }
        if (criterionIds.has(criterion.id)) {
          add(`${criterionPath}.id`, `评分项 id "${criterion.id}" 重复`, 'duplicate criterion id');
        }
        criterionIds.add(criterion.id);
        if (criterion.forAllianceKinds !== undefined) {
          if (new Set(criterion.forAllianceKinds).size !== criterion.forAllianceKinds.length) {
            add(`${criterionPath}.forAllianceKinds`, '联盟类型重复', 'duplicate alliance kind');
          }
        }
        if (criterion.nature === 'subjective' && criterion.kind !== 'judged') {
          add(
            `${criterionPath}.nature`,
            `只有专家直接给分的评分项（judged）才能是主观项 subjective，此项是 ${criterion.kind}`,
            'only a judged criterion can be subjective',
          );
        }
        criterionErrors(criterion, criterionPath, add, twoPlaces);
      });
    });
    if (group.cap !== null && capSum.greaterThan(dec(group.cap))) {
      add(
        `${groupPath}.cap`,
        `分组 ${group.id} 的指标上限之和 ${capSum.toFixed()} 超过分组上限 ${group.cap}`,
        'the indicator caps of a group add up to more than the group cap',
      );
    }
  });
  return errors;
}

function criterionErrors(
  criterion: Criterion,
  path: string,
  add: (path: string, zh: string, en: string) => void,
  twoPlaces: (path: string, value: number) => void,
): void {
  switch (criterion.kind) {
    case 'flag':
    case 'perPair':
      twoPlaces(`${path}.points`, criterion.points);
      return;
    case 'perItem':
      twoPlaces(`${path}.points`, criterion.points);
      if (criterion.cap !== undefined) twoPlaces(`${path}.cap`, criterion.cap);
      return;
    case 'judged':
      // Experts give values with one decimal (decision 6), so a max with more could not be reached.
      if (dec(criterion.max).decimalPlaces() > 1) add(`${path}.max`, '最多一位小数', 'at most one decimal place');
      return;
    case 'band':
      criterion.bands.forEach((band, b) => {
        const bandPath = `${path}.bands[${b}]`;
        twoPlaces(`${bandPath}.points`, band.points);
        if (band.to !== null && band.to < band.from) {
          add(`${bandPath}.to`, '区间上端小于下端', 'the band ends before it starts');
        }
        const next = criterion.bands[b + 1];
        if (next === undefined) return;
        if (band.to === null) {
          add(`${bandPath}.to`, '只有最后一档可以不设上端（null）', 'only the last band may be open-ended (null)');
        } else if (next.from !== band.to + 1) {
          add(
            `${path}.bands[${b + 1}].from`,
            `应紧接上一档，从 ${band.to + 1} 开始`,
            `bands must be ascending and contiguous: expected from ${band.to + 1}`,
          );
        }
      });
      return;
    case 'tier':
      criterion.tiers.forEach((tier, t) => {
        const tierPath = `${path}.tiers[${t}]`;
        twoPlaces(`${tierPath}.points`, tier.points);
        if (tier.belowWan !== null && tier.belowWan <= tier.fromWan) {
          add(`${tierPath}.belowWan`, '区间上端必须大于下端', 'belowWan must be greater than fromWan');
        }
        const next = criterion.tiers[t + 1];
        if (next === undefined) return;
        if (tier.belowWan === null) {
          add(`${tierPath}.belowWan`, '只有最后一档可以不设上端（null）', 'only the last tier may be open-ended (null)');
        } else if (next.fromWan !== tier.belowWan) {
          add(
            `${path}.tiers[${t + 1}].fromWan`,
            `应紧接上一档，从 ${tier.belowWan} 开始`,
            `tiers must be ascending and contiguous: expected fromWan ${tier.belowWan}`,
          );
        }
      });
      return;
    default:
      assertNever(criterion);
  }
}
