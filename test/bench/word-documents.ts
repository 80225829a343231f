/**
 * Bench: converting a long .doc for the viewer, per page, beside its floor — word-extractor
 * alone reading the same file in this process (the library the conversion is built on), so
 * the ratio is what our layer adds (tables from cell marks, the Office Art picture scan, the
 * blocks). Also the whole preview as the viewer asks for it: in a fresh capped worker, which
 * adds the worker's start. The document is `长报告.doc` (30 pages as LibreOffice lays it out,
 * test/fixtures/evidence/documents/make-documents.sh).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import WordExtractor from 'word-extractor';
import { documentPreview } from '../../electron/evidence/document-preview/document-preview.ts';
import { readDocumentPreview } from '../../electron/evidence/read-document-preview.ts';

const dir = resolve(import.meta.dirname, '..', 'fixtures', 'evidence', 'documents');

export interface DocumentBenchRow {
  readonly measure: string;
  readonly value: string;
  readonly reference: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: boolean | null;
}

/** The median of `runs` timed runs, after one untimed run (module loading and first compilation). */
async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export async function measureDocumentConversion(runs = 7): Promise<DocumentBenchRow[]> {
  const { file, pages } = JSON.parse(readFileSync(resolve(dir, 'long-report.json'), 'utf8')) as { file: string; pages: number };
  const bytes = new Uint8Array(readFileSync(resolve(dir, file)));
  const bare = async () => {
    const document = await new WordExtractor().extract(Buffer.from(bytes));
    return [document.getBody(), document.getHeaders({ includeFooters: false }), document.getFooters(), document.getFootnotes()];
  };
  // Floor and conversion take turns, so a slow moment of the machine costs both alike.
  const floors: number[] = [];
  const conversions: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    floors.push(await medianMs(runs, bare));
    conversions.push(await medianMs(runs, () => documentPreview(bytes, 'doc')));
  }
  const floor = Math.min(...floors);
  const ours = Math.min(...conversions);
  const worker = await medianMs(runs, async () => {
    const reading = await readDocumentPreview(bytes, 'doc');
    if (!reading.ok) throw new Error(reading.message);
  });
  const perPage = (ms: number) => `${(ms / pages).toFixed(2)} ms/page`;
  return [
    {
      measure: `.doc preview, ${pages} pages (best of 3 medians of ${runs})`,
      value: perPage(ours),
      reference: `word-extractor alone ${perPage(floor)}`,
      ratio: `${(ours / floor).toFixed(2)}×`,
      target: '≤ 2×',
      met: ours / floor <= 2,
    },
    {
      measure: `.doc preview in a capped worker, ${pages} pages (median of ${runs})`,
      value: `${worker.toFixed(0)} ms (${perPage(worker)})`,
      reference: `word-extractor alone ${floor.toFixed(0)} ms`,
      ratio: `${(worker / floor).toFixed(1)}×`,
      target: 'report',
      met: null,
    },
  ];
}
