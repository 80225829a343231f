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

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}
