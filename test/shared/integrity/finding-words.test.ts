/**
 * Findings in the rubric's words (shared/integrity/finding-words.ts): the criterion ids of the
 * real rubric replaced by `I4 吸纳技术合同登记` in places and details, anything else left alone.
 */
import { describe, expect, it } from 'vitest';
import { claimFindings } from '../../../shared/integrity/claim-findings.ts';
import { criterionNames, inWords, noCriterionNames } from '../../../shared/integrity/finding-words.ts';
import { placeLabel, type Finding } from '../../../shared/integrity/finding.ts';
import { loadRubric } from '../../../electron/rubrics/load-rubric.ts';

const rubric = await loadRubric('hefei-2017');
const names = criterionNames(rubric);

describe('finding words', () => {
  it('names every criterion of the rubric by its indicator and its label', () => {
    expect(names.get('I4.techContracts')).toBe('I4 吸纳技术合同登记');
    expect(names.get('B1.hostedEvents')).toBe('B1 在合肥举办全国或国际性相关活动');
    expect(names.size).toBeGreaterThan(30);
    expect(criterionNames(null)).toBe(noCriterionNames);
  });

  it('replaces the ids the rubric knows and leaves file names, item ids and unknown ids as written', () => {
    expect(inWords('HFA-017 · I4.techContracts 第“tc-9”项（证明/report.pdf）；I9.x；I1.office', names)).toBe(
      'HFA-017 · I4 吸纳技术合同登记 第“tc-9”项（证明/report.pdf）；I9.x；I1 设立专门办公室并配备专职人员',
    );
    // An id inside a longer dotted name is part of a file name, not a criterion.
    expect(inWords('附件/I4.techContracts.pdf', names)).toBe('附件/I4.techContracts.pdf');
    expect(inWords('I4.techContracts', noCriterionNames)).toBe('I4.techContracts');
    // A file's hash is said in words, with or without the rubric.
    expect(inWords('2 个联盟的材料包里有同一文件（SHA-256 2f09ca9bb1bd…）：HFA-012 · I4.techContracts', names)).toBe('2 个联盟的材料包里有同一文件（内容完全相同）：HFA-012 · I4 吸纳技术合同登记');
    expect(inWords('同一文件（SHA-256 cd52bb9410af…）在 2025 年', noCriterionNames)).toBe('同一文件（内容完全相同）在 2025 年');
  });

  it('words a place, and a claim’s hint, with the names given; without them the ids stay', () => {
    const place = { allianceId: 'HFA-017', year: 2025, criterion: 'I8.inventionPatents', itemId: 'p-2', file: '专利.pdf', page: 4 };
    expect(placeLabel(place, { year: true, names })).toBe('2025年 HFA-017 · I8 当年进入实审的发明专利，每2件计1分 第“p-2”项（专利.pdf 第4页）');
    expect(placeLabel(place)).toBe('HFA-017 · I8.inventionPatents 第“p-2”项（专利.pdf 第4页）');
    const finding: Finding = {
      kind: 'date-outside-year',
      identifier: null,
      places: [{ allianceId: 'HFA-012', year: 2026, criterion: 'I4.techContracts', itemId: 'tc-1', file: null, page: null }],
      detail: 'HFA-012 · I4.techContracts 第“tc-1”项 的日期 2025-12-30 不在考核年度 2026 年内。',
    };
    const [hint] = claimFindings([finding], { allianceId: 'HFA-012', year: 2026, criterion: 'I4.techContracts', itemId: 'tc-1' }, new Set(), names);
    expect(hint?.line).toBe('HFA-012 · I4 吸纳技术合同登记 第“tc-1”项 的日期 2025-12-30 不在考核年度 2026 年内。');
    expect(hint?.detail).toBe(hint?.line);
  });
});
