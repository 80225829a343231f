/**
 * Flag explanations: what each kind of flag of a result means and why the chair must look at
 * it (sheets-and-results.md §6), in the words the console and the documents show.
 */
export interface FlagKindText {
  /** Short label for a badge: 偏离. */
  readonly label: string;
  /** One sentence: what it means and why it matters. */
  readonly explanation: string;
}

export function flagKindText(kind: string, deviationThreshold: number): FlagKindText {
  switch (kind) {
    case 'deviation':
      return {
        label: '偏离',
        explanation: `该专家的总分与专家组平均分相差超过 ${deviationThreshold} 分（会议设定的阈值），请合议是否维持或请专家复核后重新签名。`,
      };
    case 'spread':
      return {
        label: '分歧',
        explanation: '该指标各专家评分的极差超过该指标满分的一半，说明专家对同一材料的认定差异较大，宜逐项核对认定意见。',
      };
    case 'quorum':
      return { label: '人数不足', explanation: '评分（未回避）的专家少于 3 位，结果代表性不足。' };
    case 'trimmed-not-applied':
      return {
        label: '未去极值',
        explanation: '会议要求去掉一个最高分和一个最低分，但评分专家少于 5 位，只能按平均分计。',
      };
    case 'override':
      return { label: '改判', explanation: '专家改判了该指标按认定结果计算的得分，改判理由将印在结果表上。' };
    case 'paper-entered':
      return {
        label: '纸质录入',
        explanation: '该专家的评分表是纸质的，没有电子签名；由两人分别盲录、逐项一致后计入，请与纸质原件核对后存档。',
      };
    case 'unstable':
      return {
        label: '结果不稳',
        explanation:
          '去掉一位专家（或改用另一种汇总方法）后，该联盟的等级、处理或奖励会改变：结论取决于个别专家的评分，宜优先合议，核对分歧最大的认定。',
      };
    default:
      return { label: kind, explanation: '' };
  }
}
