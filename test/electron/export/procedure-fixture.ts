/**
 * Test fixture: the year of result-fixture.ts as the procedure documents see it: three experts
 * signed in on their laptops (format-2 sheets with the pledge as signed; 刘䶮 dissents), the two
 * others have format-1 sheets (张喆's paper pledge recorded by the chair, 陈思远's not), and the
 * roster adds titles, employers, the 组长 (王明) and a sixth member who never signed. The
 * chair's records: a note on every flag but one, a difference of each ending, an outlier, a 补正
 * request answered by a second package version and one never answered, a reopening of an earlier
 * lock, the observer's note and one alliance's conclusion in the panel's words.
 */
import type { ProcedureDocumentsInput } from '../../../electron/export/procedure-documents-input.ts';
import type { ResultDocumentsInput } from '../../../electron/export/result-documents-input.ts';
import { signSheet } from '../../../electron/sheets/sign-sheet.ts';
import { mergeSheets } from '../../../shared/result/merge-sheets.ts';
import type { VerifiedSheet } from '../../../shared/result/merge-sheets.ts';
import { PLEDGE_TEXT } from '../../../shared/sheet/sign-in.ts';
import type { Sheet, UnsignedSheet } from '../../../shared/sheet/sheet-schema.ts';
import { resultFixture } from './result-fixture.ts';

export const DISSENT = '本人认为 HFA-005 的整改要求过轻，对专家组结论持保留意见。';
export const CONCLUSION = '联盟运行规范，协同创新成效显著，建议继续给予支持。';
export const OBSERVER = '评审过程符合程序，专家独立评分，回避执行到位。';

export async function procedureFixture(): Promise<{ input: ResultDocumentsInput; procedure: ProcedureDocumentsInput }> {
  const base = await resultFixture();
  const sheets: VerifiedSheet[] = base.sheets.map((entry, i) => {
    if (i > 2) return entry;
    const { signature: _signature, ...unsigned } = entry.sheet as Sheet;
    const at = `2027-01-20T08:${String(40 + i * 3).padStart(2, '0')}:00+08:00`;
    const formatTwo: UnsignedSheet = {
      ...unsigned,
      version: 2,
      signIn: { at, pledge: { text: PLEDGE_TEXT, signedAt: at }, recusals: [] },
      ...(i === 1 ? { dissent: DISSENT } : {}),
    };
    return { ...entry, sheet: signSheet(formatTwo, base.experts[i]!.keys.privateKey) };
  });
  const outcome = mergeSheets(base.rubric, base.packages, sheets, { budgetYuan: 500000 });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  const flags = outcome.result.alliances.flatMap((a) => a.flags.map((flag) => ({ allianceId: a.allianceId, flag })));
  const procedure: ProcedureDocumentsInput = {
    roster: [
      { id: 'E01', name: '王明', title: '教授', employer: '合肥工业大学', leader: true },
      { id: 'E02', name: '刘䶮', title: '研究员', employer: '中国科学院合肥物质科学研究院' },
      { id: 'E03', name: '𠮷田春华', title: '高级工程师', employer: '安徽省科技成果转化服务中心' },
      { id: 'E04', name: '张喆', title: '正高级会计师', employer: '安徽大学' },
      { id: 'E05', name: '陈思远' },
      { id: 'E06', name: '孙立', title: '教授', employer: '安徽农业大学' },
    ],
    // Every flag but the last has a note: the report must show the missing one.
    flagNotes: flags.slice(0, -1).map(({ allianceId, flag }, i) => ({ allianceId, flag, note: `经合议维持原评分（第 ${i + 1} 条）`, by: '周敏' })),
    differences: [
      { allianceId: 'HFA-002', claim: 'I2 年度计划「2026 年工作计划」', decisions: 'E01 王明 认可、E03 𠮷田春华 不认可', outcome: 'standing', reason: '计划已经理事会审议，维持各自判断', by: '周敏' },
      { allianceId: 'HFA-004', claim: 'I4 技术合同「合同 HT-07」', decisions: 'E02 刘䶮 认可、E03 𠮷田春华 不认可', outcome: 'settled' },
    ],
    outliers: [{ allianceId: 'HFA-005', claim: 'I10 解决问题', expertId: 'E05', score: '2.3', othersMean: '1.55', outcome: 'explained', explanation: '该联盟解决了行业共性难题' }],
    paperPledges: [{ expertId: 'E04', signedOn: '2027-01-20', recordedBy: '周敏' }],
    clarifications: [
      {
        allianceId: 'HFA-003',
        missing: 'I4 技术合同第 2 份缺技术市场登记证明',
        dueOn: '2027-01-21',
        by: '主任 孙立',
        at: '2027-01-20T01:30:00.000Z',
        answer: { version: 2, importedAt: '2027-01-20T05:10:00.000Z' },
      },
      { allianceId: 'HFA-005', missing: '审计报告缺公章页', dueOn: '2027-01-22', by: '主任 孙立', at: '2027-01-20T01:45:00.000Z', answer: null },
    ],
    reopenings: [{ reopenedAt: '2027-01-20T08:00:00.000Z', reopenedBy: '主任 孙立', ground: 'objective-inconsistent', reason: 'HFA-002 I2 两位专家判断不一致，复核' }],
    observerNote: OBSERVER,
    panelConclusions: { 'HFA-001': CONCLUSION },
  };
  return { input: { ...base.input, result: outcome.result, sheets: outcome.sheets, chairName: null, procedure }, procedure };
}
