/**
 * A size as people read it, for the clerk's messages and the screens: `1018 B`, `1.5 MiB`,
 * `200 MiB`, `4.0 GiB` (binary units, one decimal below 10). One function for main and renderer,
 * so a limit in an error message and a size in a list read the same.
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0);
  return `${text} ${units[unit] ?? 'B'}`;
}
