/**
 * The OCR engine (PP-OCRv4 through @gutenye/ocr-node and onnxruntime-node, installed with
 * onnxruntime-node's install script off) reads the same certificate in the three places a
 * Node program can run it: the main thread, a worker thread under the app's caps (how the app
 * and the CLI run it), and a child process. Electron itself cannot be run here (its binary is
 * not downloadable offline); docs/ocr.md says so.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ocrTask } from '../../../electron/ocr/ocr-task.ts';
import { OcrReader } from '../../../electron/ocr/read-ocr.ts';

const fixtures = resolve(import.meta.dirname, '../../fixtures/evidence/ocr');
const png = { kind: 'image', file: resolve(fixtures, 'certificate.png') } as const;
const expected = ['技术合同登记证明', '340104202600123', '2026年3月18日'];

const textOf = (lines: readonly { text: string }[]): string => lines.map((l) => l.text).join('\n');

// Loading the models and reading a page takes seconds on a busy two-core machine.
describe('the OCR engine runs', { timeout: 120_000 }, () => {
  const reader = new OcrReader();
  afterAll(() => reader.close());

  it('in a capped worker thread, twice on one loaded engine and again after its thread was ended (first, before any other thread loaded the engine)', async () => {
    for (let round = 0; round < 2; round += 1) {
      const first = await reader.page(png, 1);
      const second = await reader.page(png, 1);
      for (const outcome of [first, second]) {
        expect(outcome.ok).toBe(true);
        if (outcome.ok) for (const s of expected) expect(textOf(outcome.value.lines)).toContain(s);
      }
      await reader.close();
    }
  });

  it('in the main thread', async () => {
    const result = await ocrTask({ op: 'page', source: png, page: 1 });
    expect(result.op === 'page' && textOf(result.lines)).toSatisfy((text: string) => expected.every((s) => text.includes(s)));
  });

  it('in a child process', () => {
    const task = pathToFileURL(resolve(import.meta.dirname, '../../../electron/ocr/ocr-task.ts')).href;
    const script = `const { ocrTask } = await import(${JSON.stringify(task)});
      const r = await ocrTask({ op: 'page', source: ${JSON.stringify(png)}, page: 1 });
      process.stdout.write(r.lines.map((l) => l.text).join('\\n'));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    for (const s of expected) expect(run.stdout).toContain(s);
  });
});
