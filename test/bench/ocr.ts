/**
 * OCR benchmark, as child processes of its own so each one's peak memory is its alone:
 *
 * - `engine`: the OCR engine alone (@gutenye/ocr-node with the app's onnxruntime settings) on
 *   the page images of the scan, one after another: the floor.
 * - `app`: the app's background OCR (electron/ocr/ocr-queue.ts, its capped worker) on the same
 *   scan imported into a fresh store, while an expert's decision is saved through the real
 *   handler every 100 ms: pages per minute, peak memory, and how long each save took.
 *
 * usage: node test/bench/ocr.ts <work-dir> <engine|app>   (the work dir holds scan.pdf and
 * page-N.jpg, written by `prepareOcrBench`); prints one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { scannedPdf, pageImages } from './scanned-pdf.ts';

/** Writes the scan (`pages` pages) and its page images into `dir`. */
export async function prepareOcrBench(dir: string, pages: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scan.pdf'), await scannedPdf(pages));
  const images = await pageImages(Math.min(pages, 30));
  for (let n = 0; n < pages; n += 1) writeFileSync(join(dir, `page-${n + 1}.jpg`), images[n % images.length]!);
}

export interface OcrBenchResult {
  readonly pages: number;
  readonly ms: number;
  readonly maxRssBytes: number;
  /** app only: the decision saves' durations, in ms. */
  readonly saveMs: readonly number[];
}

function peakRssBytes(): number {
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb === undefined ? process.resourceUsage().maxRSS * 1024 : Number(kb) * 1024;
}

async function engineAlone(dir: string): Promise<OcrBenchResult> {
  const { default: Ocr } = await import('@gutenye/ocr-node');
  const { modelPaths, onnxOptions } = await import('../../electron/ocr/ocr-engine.ts');
  const images = readdirSync(dir).filter((n) => /^page-\d+\.jpg$/.test(n));
  const engine = (await Ocr.create({ models: await modelPaths(), onnxOptions })) as {
    detect(image: Buffer): Promise<unknown[]>;
  };
  const started = performance.now();
  for (const name of images) await engine.detect(readFileSync(join(dir, name)));
  return { pages: images.length, ms: performance.now() - started, maxRssBytes: peakRssBytes(), saveMs: [] };
}

async function app(dir: string): Promise<OcrBenchResult> {
  const { createContext } = await import('../../electron/app/context.ts');
  const { OcrQueue } = await import('../../electron/ocr/ocr-queue.ts');
  const { call } = await import('../helpers/call.ts');
  const { claimsOne, createTestExpert } = await import('../helpers/expert-work.ts');
  const { allianceManifest, alliancePackage } = await import('../helpers/package-builder.ts');
  const ctx = createContext({ dataDir: join(dir, 'data'), shell: 'browser', version: 'bench' });
  const scan = readFileSync(join(dir, 'scan.pdf'));
  const pkg = await alliancePackage(allianceManifest('HFA-001', claimsOne)).with('成果转化/合同1.pdf', scan).write(join(dir, 'package'));
  const { jobId } = await call(ctx, 'package-import', { sources: [{ path: pkg.path }] });
  await ctx.jobs.idle();
  const packageId = (await call(ctx, 'job-status', { jobId })).results[0] as { packageId: number };
  const expert = await createTestExpert(ctx);
  const who = { expertId: expert.id, packageId: packageId.packageId };
  await call(ctx, 'review-open', who);

  const queue = new OcrQueue({ db: () => ctx.db, dataDir: ctx.dataDir, now: () => new Date(), run: true });
  const saveMs: number[] = [];
  let running = true;
  const saving = (async () => {
    let accept = true;
    while (running) {
      const t = performance.now();
      await call(ctx, 'decision-set', { ...who, criterionId: 'I1.office', decision: accept ? { accept: true } : null });
      saveMs.push(performance.now() - t);
      accept = !accept;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const started = performance.now();
  queue.wake();
  await queue.idle();
  const ms = performance.now() - started;
  running = false;
  await saving;
  const pages = ctx.db.prepare("SELECT count(*) FROM ocr_page WHERE source = 'ocr'").pluck().get() as number;
  await queue.stop();
  ctx.close();
  return { pages, ms, maxRssBytes: peakRssBytes(), saveMs };
}

interface BenchRow {
  readonly measure: string;
  readonly value: string;
  readonly reference: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: boolean | null;
}

function child(dir: string, mode: 'engine' | 'app'): OcrBenchResult {
  const run = spawnSync(process.execPath, [join(import.meta.dirname, 'ocr.ts'), dir, mode], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`ocr bench ${mode}: ${run.stderr}`);
  return JSON.parse(run.stdout) as OcrBenchResult;
}

const perMinute = (r: OcrBenchResult): number => (r.pages / r.ms) * 60_000;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

/** The bench's OCR rows: a scan of `pages` pages, the app's OCR beside the engine alone. */
export async function ocrSection(dir: string, pages: number): Promise<BenchRow[]> {
  process.stderr.write('ocr …\n');
  rmSync(dir, { recursive: true, force: true });
  await prepareOcrBench(dir, pages);
  const engine = child(dir, 'engine');
  const app = child(dir, 'app');
  const load = `load average ${loadavg()[0]?.toFixed(1) ?? '?'}`;
  return [
    {
      measure: `OCR of a ${pages}-page scan (A4, 100 dpi JPEG pages), background queue`,
      value: `${perMinute(app).toFixed(1)} pages/min`,
      reference: `engine alone, same pages: ${perMinute(engine).toFixed(1)} pages/min (${load})`,
      ratio: `${(perMinute(app) / perMinute(engine)).toFixed(2)}×`,
      target: '≥ 0.8× engine alone',
      met: perMinute(app) >= 0.8 * perMinute(engine),
    },
    {
      measure: 'OCR peak memory (whole process: app, store, OCR worker)',
      value: mb(app.maxRssBytes),
      reference: `engine alone: ${mb(engine.maxRssBytes)}`,
      ratio: `${(app.maxRssBytes / engine.maxRssBytes).toFixed(2)}×`,
      target: '< 1.5 GB',
      met: app.maxRssBytes < 1.5 * 1024 ** 3,
    },
    {
      measure: `save a decision while OCR runs (p95 of ${app.saveMs.length})`,
      value: `${p95(app.saveMs).toFixed(1)} ms`,
      reference: `max ${Math.max(...app.saveMs).toFixed(0)} ms`,
      ratio: '—',
      target: '< 100 ms',
      met: p95(app.saveMs) < 100,
    },
  ];
}

if (import.meta.main) {
  const [dir, mode] = process.argv.slice(2);
  if (dir === undefined || (mode !== 'engine' && mode !== 'app')) throw new Error('usage: ocr.ts <work-dir> <engine|app>');
  const result = mode === 'engine' ? await engineAlone(dir) : await app(dir);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
