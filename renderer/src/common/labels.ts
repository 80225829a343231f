/** Chinese labels for the keys the formats use, in one place so every screen says the same. */
export const allianceKindLabel = {
  general: '综合类联盟',
  incubator: '孵化器、众创空间联盟',
  finance: '科技金融联盟',
} as const;

export const gradeLabel = {
  excellent: '优秀',
  pass: '合格',
  fail: '不合格',
} as const;
