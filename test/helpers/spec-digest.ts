/**
 * Test helper: the package digest computed straight from package-format.md's words, apart
 * from electron/package-reader/digest.ts, so a test comparing the two checks both.
 */
import { createHash } from 'node:crypto';

export function specDigest(files: Iterable<readonly [string, string | Uint8Array]>): string {
  const lines = [...files]
    .map(([path, content]) => ({ path, line: `${createHash('sha256').update(content).digest('hex')}  ${path}\n` }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.path, 'utf8'), Buffer.from(b.path, 'utf8')))
    .map((entry) => entry.line)
    .join('');
  return createHash('sha256').update(lines, 'utf8').digest('hex');
}
