import { describe, expect, it } from 'vitest';
import { auditDetailText } from '../../../renderer/src/chair/audit-detail.ts';

describe('an audit entry in the chair’s words', () => {
  it('words the settings change without keys or codes', () => {
    const text = auditDetailText(JSON.stringify({ rubric: 'hefei-2017', method: 'mean', deviationThreshold: '10', budgetYuan: null, before: 'hefei-2017 trimmed 阈值 10 预算 无' }));
    expect(text).toBe('评分细则：hefei-2017 · 汇总方法：平均分 · 偏离阈值（分）：10 · 修改前：hefei-2017 trimmed 阈值 10 预算 无');
    expect(text).not.toMatch(/method|rubric|: /);
  });

  it('says whether an imported sheet counts, the signing time in China time, and a digest by its head', () => {
    const text = auditDetailText(
      JSON.stringify({ expert: 'E02', name: '刘洋', signedAt: '2026-12-01T19:57:39+00:00', sheetSha256: 'ab'.repeat(32), counts: false }),
    );
    expect(text).toBe('专家编号：E02 · 姓名：刘洋 · 签名时间：2026-12-02 03:57 · 评分表摘要：abababababab… · 计入结果：否（专家密钥指纹尚待核对）');
  });

  it('names a flag kind in words and keeps a key it does not know by its value', () => {
    expect(auditDetailText(JSON.stringify({ alliance: 'HFA-001', kind: 'deviation', note: '已核实', mystery: 'x' }))).toBe(
      '联盟：HFA-001 · 标记类型：偏离 · 说明：已核实 · x',
    );
  });

  it('words the panel procedure’s records and a reopening’s ground of art. 64', () => {
    expect(
      auditDetailText(JSON.stringify({ alliance: 'HFA-001', criterion: 'I3.audit', item: null, decisions: 'E01 认可、E05 不认可', reason: '分歧维持' })),
    ).toBe('联盟：HFA-001 · 评分项：I3.audit · 各专家判断：E01 认可、E05 不认可 · 理由：分歧维持');
    expect(auditDetailText(JSON.stringify({ alliance: 'HFA-002', criterion: 'I10.status', expert: 'E05', score: '0', othersMean: '2', explanation: '按材料评分' }))).toBe(
      '联盟：HFA-002 · 评分项：I10.status · 专家编号：E05 · 评分：0 · 其他专家平均分：2 · 专家说明：按材料评分',
    );
    expect(auditDetailText(JSON.stringify({ outlierPercent: '50', before: '畸高畸低阈值 30%' }))).toBe('畸高畸低阈值（占满分 %）：50 · 修改前：畸高畸低阈值 30%');
    expect(auditDetailText(JSON.stringify({ ground: 'extreme-score', reason: '复核' }))).toBe('法定事由：经评审委员会认定评分畸高、畸低 · 理由：复核');
    expect(auditDetailText(JSON.stringify({ ground: 'unknown-ground' }))).toBe('法定事由：unknown-ground');
  });

  it('shows text that is not a JSON object as it is', () => {
    expect(auditDetailText('not json')).toBe('not json');
    expect(auditDetailText('[1,2]')).toBe('[1,2]');
  });

  it('words the chair’s note on a cross-check finding', () => {
    expect(auditDetailText(JSON.stringify({ kind: 'same-file', identifier: null, finding: '同一文件也出现在 HFA-017', note: '共同承担的项目' }))).toBe(
      '标记类型：同一文件 · 核查发现：同一文件也出现在 HFA-017 · 说明：共同承担的项目',
    );
  });
});
