/**
 * The progress line a command shows on a terminal: rewritten in place, cut to the terminal's
 * width (CJK characters two columns each) so it never wraps, escaped like every other text
 * from a package, and cleared at the end only if something was shown.
 */
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../electron/cli/progress-line.ts';
import { displayWidth } from '../../../electron/cli/text-table.ts';

function terminal(columns?: number): { written: string[]; write: (text: string) => void; columns?: number } {
  const written: string[] = [];
  return { written, write: (text) => written.push(text), ...(columns === undefined ? {} : { columns }) };
}

describe('progressLine', () => {
  it('rewrites one line in place and clears it at the end', () => {
    const t = terminal(80);
    const show = progressLine(t);
    show('文字识别：第 1/2 页（HFA-012 · 证书.pdf）');
    show('文字识别：第 2/2 页（HFA-012 · 证书.pdf）');
    show(null);
    expect(t.written).toEqual(['\r\u001b[K文字识别：第 1/2 页（HFA-012 · 证书.pdf）', '\r\u001b[K文字识别：第 2/2 页（HFA-012 · 证书.pdf）', '\r\u001b[K']);
  });

  it('writes nothing to clear when nothing was shown', () => {
    const t = terminal(80);
    progressLine(t)(null);
    expect(t.written).toEqual([]);
  });

  it.each([
    [20, 19],
    [40, 39],
    [undefined, 79],
    // A terminal that gives no size says 0 columns.
    [0, 79],
  ])('cuts a long line to fit %s columns (at most %i)', (columns, most) => {
    const t = terminal(columns);
    progressLine(t)(`文字识别：第 3/12 页（HFA-001 · ${'很长的文件夹名/'.repeat(12)}证书.pdf）`);
    const line = (t.written[0] ?? '').replace('\r\u001b[K', '');
    expect(displayWidth(line)).toBeLessThanOrEqual(most);
    expect(displayWidth(line)).toBeGreaterThan(most - 2);
    expect(line.endsWith('…')).toBe(true);
  });

  it('escapes what a file name could do to the terminal', () => {
    const t = terminal(200);
    progressLine(t)('文字识别：第 1/1 页（HFA-012 · a\u001b[2Jb\nc.pdf）');
    expect(t.written[0]).not.toContain('\u001b[2J');
    expect(t.written[0]).not.toContain('\n');
  });
});
