/**
 * Reopening grounds (重新开启的法定事由): a locked result may be changed only for one of the four
 * reasons of 《政府采购货物和服务招标投标管理办法》（财政部令第87号）art. 64, which the bureau
 * applies to its review meetings. The ground is stored as its code with the chair's own words.
 */
export const REOPEN_GROUNDS = ['summation-error', 'out-of-range', 'objective-inconsistent', 'extreme-score'] as const;

export type ReopenGround = (typeof REOPEN_GROUNDS)[number];

export const REOPEN_GROUND_LABELS: Readonly<Record<ReopenGround, string>> = {
  'summation-error': '计分汇总错误',
  'out-of-range': '分项评分超出评分标准范围',
  'objective-inconsistent': '客观评分不一致',
  'extreme-score': '经评审委员会认定评分畸高、畸低',
};

export function isReopenGround(value: string): value is ReopenGround {
  return (REOPEN_GROUNDS as readonly string[]).includes(value);
}
