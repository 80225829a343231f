import { describe, expect, it } from 'vitest';
import { layoutClaims, rowLabel, scoringRule, type ClaimLayout, type CriterionBlock } from '../../../renderer/src/scoring/claim-rows.ts';
import type { PackageProblemView } from '../../../shared/api/package-types.ts';
import type { Claims, Criterion } from '../../../shared/rubric/types.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';

const claims: Claims = {
  'I1.office': { claimed: true, evidence: ['制度建设/办公室.pdf'] },
  'I1.council': { claimed: false, evidence: [], note: '理事会章程尚在审议' },
  'I4.techContracts': {
    items: [
      { id: 'tc-1', title: '语音识别技术许可合同', date: '2026-05-12', evidence: ['成果转化/合同1.pdf'] },
      { id: 'tc-2', title: '声学模型联合开发合同', date: '2026-08-01', evidence: [] },
    ],
  },
  'I7.listings': { items: [{ id: 'l-1', title: '某公司转板上市', evidence: ['上市公告.pdf'] }] },
  'I10.status': { value: 2.5, evidence: ['白皮书.pdf'] },
  'I10.problems': { value: 2 },
};

const block = (layout: ClaimLayout, id: string): CriterionBlock => {
  const found = layout.indicators.flatMap((i) => i.criteria).find((c) => c.criterion.id === id);
  if (found === undefined) throw new Error(`no block ${id}`);
  return found;
};

const criterion = (id: string): Criterion => {
  const found = hefei.groups.flatMap((g) => g.indicators.flatMap((i) => i.criteria)).find((c) => c.id === id);
  if (found === undefined) throw new Error(`no criterion ${id}`);
  return found;
};

describe('layoutClaims: the scoring view’s rows, in rubric order', () => {
  const layout = layoutClaims(hefei, claims, 'general', []);

  it('has one row per decision: claimed flags, each item, and every judged criterion, keyed by decision key', () => {
    expect(layout.rows.map((r) => [r.kind, r.key])).toEqual([
      ['flag', 'I1.office'],
      ['item', 'I4.techContracts#tc-1'],
      ['item', 'I4.techContracts#tc-2'],
      ['item', 'I7.listings#l-1'],
      ['judged', 'I10.status'],
      ['judged', 'I10.problems'],
      ['judged', 'I10.measures'],
      ['judged', 'I10.outcomes'],
    ]);
  });

  it('keeps every indicator of the rubric, with its group, even with nothing claimed', () => {
    expect(layout.indicators.map((i) => i.indicator.id)).toEqual(hefei.groups.flatMap((g) => g.indicators.map((i) => i.id)));
    expect(layout.indicators.find((i) => i.indicator.id === 'B2')?.group.id).toBe('bonus');
    expect(block(layout, 'B2.majorProjects')).toMatchObject({ rows: [], unclaimed: true });
  });

  it('marks a flag claimed false as unclaimed, keeping the alliance’s note on why not', () => {
    expect(block(layout, 'I1.council')).toMatchObject({ rows: [], unclaimed: true, note: '理事会章程尚在审议' });
  });

  it('gives each row its own evidence; a judged criterion without any shares its indicator’s', () => {
    const evidence = Object.fromEntries(layout.rows.map((r) => [r.key, r.evidence]));
    expect(evidence['I1.office']).toEqual(['制度建设/办公室.pdf']);
    expect(evidence['I4.techContracts#tc-2']).toEqual([]);
    expect(evidence['I10.status']).toEqual(['白皮书.pdf']);
    expect(evidence['I10.problems']).toEqual(['白皮书.pdf']);
    expect(evidence['I10.outcomes']).toEqual(['白皮书.pdf']);
  });

  it('shows the alliance’s own value beside a judged criterion, or none', () => {
    const selfValues = layout.rows.flatMap((r) => (r.kind === 'judged' ? [[r.key, r.selfValue]] : []));
    expect(selfValues).toEqual([
      ['I10.status', 2.5],
      ['I10.problems', 2],
      ['I10.measures', null],
      ['I10.outcomes', null],
    ]);
    expect(block(layout, 'I10.measures').unclaimed).toBe(false);
  });

  it('warns when a criterion meant for other alliance kinds is claimed, and not for the kind it is meant for', () => {
    expect(block(layout, 'I7.listings').kindWarning).toBe('本项仅适用于科技金融联盟，本联盟为一般联盟。按规则照常计分，请注意核实。');
    expect(block(layout, 'I7.nationalIncubators').kindWarning).toBeNull();
    expect(block(layoutClaims(hefei, claims, 'finance', []), 'I7.listings').kindWarning).toBeNull();
  });

  it('puts each package warning under its criterion, naming the item by its title', () => {
    const warnings: PackageProblemView[] = [
      { severity: 'warning', code: 'item-no-evidence', path: 'claims.I4.techContracts.items[1].evidence', message: '没有证明材料' },
      { severity: 'warning', code: 'x', path: 'claims.I1.office', message: '办公室照片不清晰' },
      // Another criterion whose id starts the same must not pick this one up.
      { severity: 'warning', code: 'x', path: 'claims.I1.officeExtra', message: '不属于 I1.office' },
    ];
    const withWarnings = layoutClaims(hefei, claims, 'general', warnings);
    expect(block(withWarnings, 'I4.techContracts').warnings).toEqual(['“声学模型联合开发合同”：没有证明材料']);
    expect(block(withWarnings, 'I1.office').warnings).toEqual(['办公室照片不清晰']);
  });

  it('skips what is not a claim the rubric knows: malformed items, inherited keys', () => {
    const odd = JSON.parse(
      '{"I4.techContracts": {"items": [null, {"title": "没有编号"}, {"id": "tc-9", "title": "有编号", "evidence": "不是列表"}]}, "__proto__": {"claimed": true}}',
    ) as Claims;
    const rows = layoutClaims(hefei, odd, 'general', []).rows;
    expect(rows.filter((r) => r.kind !== 'judged').map((r) => [r.key, r.evidence])).toEqual([['I4.techContracts#tc-9', []]]);
  });
});

describe('rowLabel and scoringRule: what a row is called and how it scores, in words', () => {
  const layout = layoutClaims(hefei, claims, 'general', []);

  it('calls an item by its title and any other row by its criterion', () => {
    expect(layout.rows.map(rowLabel).slice(0, 2)).toEqual([criterion('I1.office').label, '语音识别技术许可合同']);
  });

  it.each([
    ['I1.office', '认定计 2 分'],
    ['I4.techContracts', '每项 1 分'],
    ['I11.bureauEvents', '每项 1 分，本项最多 3 分'],
    ['I8.inventionPatents', '每 2 项计 1 分'],
    ['I11.newMembers', '1–5 项 计 1 分；6–10 项 计 2 分；11 项以上 计 3 分'],
    ['B2.majorProjects', '< 10000 万元 每项 1 分；10000–50000 万元 每项 2.5 分；≥ 50000 万元 每项 5 分'],
    ['I10.status', '评分 0–2.5 分，步长 0.1'],
  ])('%s: %s', (id, rule) => {
    expect(scoringRule(criterion(id))).toBe(rule);
  });
});
