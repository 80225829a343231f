/** Page count of a PDF, from poppler's pdfinfo (installed with poppler-utils). */
import { spawnSync } from 'node:child_process';

export function pdfPageCount(file: string): number {
  const result = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const match = /^Pages:\s+(\d+)$/m.exec(result.stdout);
  if (!match?.[1]) throw new Error(`pdfinfo ${file}: ${result.stderr}`);
  return Number(match[1]);
}
