import { describe, expect, it } from 'vitest';
import { paperSheetOf } from '../../../shared/paper/paper-entries.ts';
import {
  PAPER_SHEET_FORMAT,
  paperFileOfSheet,
  paperSheetFileName,
  paperSheetText,
  unsignedSheetOfPaperFile,
} from '../../../shared/paper/paper-sheet-file.ts';
import { parsePaperSheet, parsePaperSheetText } from '../../../shared/paper/parse-paper-sheet.ts';
import type { SheetReview } from '../../../shared/sheet/sheet-schema.ts';

const digest = 'a'.repeat(64);

const review: SheetReview = {
  allianceId: 'HFA-012',
  packageDigest: digest,
  recused: false,
  decisions: {
    'I1.office': { accept: true },
    'I4.techContracts': { accepted: ['tc-1'], rejected: { 'tc-2': '合同未登记' } },
  },
  overrides: { I2: { score: 3, reason: '仅有年度计划' } },
  comment: '材料较完整',
};

const agreed = paperSheetOf({ signedOn: '2027-01-20', reviews: [review, { allianceId: 'HFA-020', packageDigest: 'b'.repeat(64), recused: true, comment: '本人任职' }] }, { id: 'E04', name: '赵六' }, { year: 2026, rubric: 'hefei-2017' });
const paper = { source: '纸质评分表 E04', sheet: agreed, enteredBy: '王秘书', confirmedBy: '李秘书' };
const times = { enteredAt: '2027-01-20T02:00:00.000Z', confirmedAt: '2027-01-20T02:30:00.000Z' };
const file = paperFileOfSheet(paper, times);
const text = paperSheetText(file);

function json(): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}

describe('paper sheet file: writing and reading back', () => {
  it('round-trips to the very sheet the console merges', () => {
    const parsed = parsePaperSheetText(text, 'E04.paper.json');
    expect(parsed.problems).toEqual([]);
    if (!parsed.ok) return;
    expect(parsed.file).toEqual(file);
    expect(parsed.paper).toEqual({ ...paper, source: 'E04.paper.json' });
    expect(unsignedSheetOfPaperFile(parsed.file)).toEqual(agreed);
  });

  it('writes the members in order, with no signature, and names the file by the expert', () => {
    expect(Object.keys(json())).toEqual(['format', 'version', 'year', 'rubric', 'expert', 'signedOn', 'reviews', 'enteredBy', 'enteredAt', 'confirmedBy', 'confirmedAt']);
    expect(json()['format']).toBe(PAPER_SHEET_FORMAT);
    expect(json()['signedOn']).toBe('2027-01-20');
    expect(text.endsWith('}\n')).toBe(true);
    expect(paperSheetFileName('E04')).toBe('E04.paper.json');
  });
});

describe('paper sheet file: refusals', () => {
  const problemsOf = (value: unknown) => {
    const parsed = parsePaperSheet(value, 'x.paper.json');
    return parsed.ok ? [] : parsed.problems.map((p) => `${p.code} ${p.path}`);
  };

  it('refuses a signed sheet and anything else that is not a paper sheet', () => {
    expect(problemsOf({ ...json(), format: 'alliance-review/sheet' })).toEqual(['not-a-sheet (root)']);
    expect(problemsOf([])).toEqual(['not-a-sheet (root)']);
  });

  it('refuses another version', () => {
    expect(problemsOf({ ...json(), version: 2 })).toEqual(['sheet-wrong-version version']);
  });

  it.each<[string, (j: Record<string, unknown>) => void, string]>([
    ['a signature', (j) => (j['signature'] = { alg: 'Ed25519' }), 'field-unknown signature'],
    ['a handwritten signature', (j) => ((j['expert'] as Record<string, unknown>)['handSignature'] = 'data:image/png;base64,'), 'field-unknown expert.handSignature'],
    ['no confirmer', (j) => delete j['confirmedBy'], 'field-missing confirmedBy'],
    ['a blank enterer', (j) => (j['enteredBy'] = '  '), 'field-invalid enteredBy'],
    ['a date with a time', (j) => (j['signedOn'] = '2027-01-20T00:00:00+08:00'), 'field-invalid signedOn'],
    ['a time without a zone', (j) => (j['confirmedAt'] = '2027-01-20 10:00'), 'field-invalid confirmedAt'],
    ['a misspelt decision', (j) => (((j['reviews'] as Record<string, unknown>[])[0]!['decisions'] as Record<string, unknown>)['I1.office'] = { accept: true, acept: true }), 'field-unknown reviews[0].decisions.I1.office.acept'],
    ['a recusal without a reason', (j) => delete (j['reviews'] as Record<string, unknown>[])[1]!['comment'], 'recused-without-reason reviews[1].comment'],
    ['two reviews of one alliance', (j) => ((j['reviews'] as Record<string, unknown>[])[1]!['allianceId'] = 'HFA-012'), 'review-duplicate reviews[1].allianceId'],
  ])('refuses %s', (_label, change, expected) => {
    const value = json();
    change(value);
    expect(problemsOf(value)).toContain(expected);
  });

  it('refuses text that is not JSON, or repeats a key, with the position', () => {
    const bad = parsePaperSheetText('{"format": "alliance-review/paper-sheet",}', 'x');
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toMatchObject({ code: 'not-json', line: 1 });
    const twice = parsePaperSheetText(text.replace('"enteredBy"', '"confirmedBy": "某人",\n  "enteredBy"'), 'x');
    expect(twice.problems[0]).toMatchObject({ code: 'duplicate-key', path: 'confirmedBy' });
  });
});

describe('parsePaperSheetText: text that cannot be shown or stored', () => {
  it('refuses a lone surrogate written as an escape, at its path and line', () => {
    const bad = text.replace('"材料较完整"', '"材料\\ud800较完整"');
    expect(bad).not.toBe(text);
    const result = parsePaperSheetText(bad, 'E04.paper.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'field-ill-formed', path: 'reviews[0].comment' });
    expect(result.problems[0]?.line).toBeGreaterThan(1);
  });

  it.each(['enteredBy', 'confirmedBy'])('refuses a control character in %s', (field) => {
    const bad = JSON.stringify({ ...JSON.parse(text), [field]: '王秘书\u001b[2K' });
    const result = parsePaperSheetText(bad, 'E04.paper.json');
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`)).toEqual([`field-control-character ${field}`]);
  });
});
