/**
 * Common reasons: the rejection reasons experts write again and again, offered as one-key picks
 * beside the free text (a reason is always required, rubric.md decision 11 and the sheet format).
 */
export const commonRejectionReasons: readonly string[] = [
  '未提供证明材料',
  '证明材料与申报内容不符',
  '不在考核年度内',
  '证明材料不清晰，无法核实',
  '重复申报',
  '不属于本项考核范围',
  '未见联盟参与的证明',
];
