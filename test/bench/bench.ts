/**
 * `npm run bench`: generates its own data (deterministic seeds), measures, and prints each
 * figure beside its reference measured in the same run, as a ratio. Data goes to
 * bench-data/ (ignored by git; reused between runs when present). Not part of `npm test`:
 * it takes minutes and several GiB of disk.
 *
 * usage: npm run bench [-- --quick] [-- --only import,crosscheck,meeting-file,merge,export,start]
 *   --quick  a tenth of the scale (a smoke run of the script itself)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRubric } from '../../electron/rubrics/load-rubric.ts';
import { checkPackage } from '../../electron/package-reader/check-package.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import { makeExpert, writeSignedSheet, type ReviewSpec } from '../helpers/expert-sheet.ts';
import { generateBigPackage, generatePackages, generateScanPackage, type BenchPackage } from './generate-packages.ts';
import { pdfPageCount } from './pdf-pages.ts';
import { measureRenderer, median } from './renderer-timing.ts';
import { measureColdStart } from './cold-start.ts';
import { measureDocumentConversion } from './word-documents.ts';
import { measureOfdPages } from './ofd-pages.ts';
import { measureSpreadsheetPreview } from './spreadsheet-preview.ts';
import { measureImagePages } from './image-pages.ts';
import { measureDeepPage } from './deep-page.ts';
import { ocrSection } from './ocr.ts';
import { crossCheckSection } from './cross-check.ts';

const root = resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const scale = values.quick ? 0.1 : 1;
const only = new Set((values.only ?? 'import,validate,crosscheck,meeting-file,big,merge,export,renderer,deep-page,start,documents,ofd,spreadsheet,images,ocr').split(','));
const dataRoot = join(root, 'bench-data', values.quick ? 'quick' : 'full');
const GiB = 1024 ** 3;

interface Row {
  readonly measure: string;
  readonly value: string;
  readonly reference: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: boolean | null;
}
const rows: Row[] = [];
const row = (r: Row) => {
  rows.push(r);
  process.stderr.write(`  ${r.measure}: ${r.value} (${r.reference}; ${r.ratio})\n`);
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const node = process.execPath;

function timeShell(script: string, args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync('sh', ['-c', script, 'sh', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${script} failed`);
  return performance.now() - started;
}

function runJson<T>(args: readonly string[]): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('exit', (code) => (code === 0 ? resolvePromise(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

async function timeCommand(args: readonly string[]): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn(node, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
  return performance.now() - started;
}

const totalBytes = (list: readonly BenchPackage[]) => list.reduce((sum, p) => sum + p.bytes, 0);

async function importSection(packages: readonly BenchPackage[]) {
  process.stderr.write('import …\n');
  const subset = packages.filter((_, i) => i % 4 === 0);
  for (const [label, set] of [
    ['all', packages],
    ['quarter', subset],
  ] as const) {
    const paths = set.map((p) => p.path);
    const bytes = totalBytes(set);
    timeShell('cat "$@" > /dev/null', paths); // warm the page cache the same way for both
    const floor = timeShell('cat "$@" | sha256sum > /dev/null', paths);
    // The import must also store a copy of every byte, durably: the floor of that too.
    const copy = join(dataRoot, 'floor-copy');
    const storeFloor = timeShell(`cat "$@" | tee '${copy}' | sha256sum > /dev/null && sync '${copy}'`, paths);
    rmSync(copy, { force: true });
    const dataDir = join(dataRoot, `store-${label}`);
    rmSync(dataDir, { recursive: true, force: true });
    const result = await runJson<{ ms: number; maxRssBytes: number }>(['test/bench/import-worker.ts', dataDir, 'import', ...paths]);
    rmSync(dataDir, { recursive: true, force: true });
    const ratio = result.ms / floor;
    row({
      measure: `import ${set.length} packages, ${(bytes / GiB).toFixed(2)} GiB`,
      value: `${seconds(result.ms)} (${((bytes / GiB) / (result.ms / 1000)).toFixed(2)} GiB/s)`,
      reference: `cat | sha256sum ${seconds(floor)}`,
      ratio: `${ratio.toFixed(2)}×`,
      target: '≤ 1.5×',
      met: ratio <= 1.5,
    });
    row({
      measure: `import ${set.length} packages vs reading, hashing and storing a copy`,
      value: seconds(result.ms),
      reference: `cat | tee copy | sha256sum; sync ${seconds(storeFloor)}`,
      ratio: `${(result.ms / storeFloor).toFixed(2)}×`,
      target: 'report',
      met: null,
    });
    row({
      measure: `import ${set.length} packages, per package (${label})`,
      value: `${(result.ms / set.length).toFixed(0)} ms a package (${((bytes / set.length) / 1024 ** 2).toFixed(1)} MiB on average)`,
      reference: `cat | sha256sum ${(floor / set.length).toFixed(0)} ms; with storing ${(storeFloor / set.length).toFixed(0)} ms a package`,
      ratio: `${(result.ms / floor).toFixed(2)}× / ${(result.ms / storeFloor).toFixed(2)}×`,
      target: '≤ 1.5× reading and hashing',
      met: result.ms / floor <= 1.5,
    });
    row({
      measure: `import peak memory (${label})`,
      value: `${(result.maxRssBytes / 1024 ** 2).toFixed(0)} MB`,
      reference: '—',
      ratio: '—',
      target: '< 300 MB',
      met: result.maxRssBytes < 300 * 1024 ** 2,
    });
    row({
      measure: `import cost per GiB (${label})`,
      value: `${seconds(result.ms / (bytes / GiB))}/GiB`,
      reference: '—',
      ratio: '—',
      target: 'linear: same per GiB',
      met: null,
    });
    if (label === 'all' && only.has('validate')) {
      const validate = await runJson<{ ms: number }>(['test/bench/import-worker.ts', join(dataRoot, 'validate-store'), 'validate', ...paths]);
      rmSync(join(dataRoot, 'validate-store'), { recursive: true, force: true });
      row({
        measure: `validate + self-score ${set.length} packages`,
        value: seconds(validate.ms),
        reference: `import ${seconds(result.ms)}`,
        ratio: `${(validate.ms / result.ms).toFixed(2)}×`,
        target: '< 0.1× import',
        met: validate.ms < 0.1 * result.ms,
      });
    }
  }
}

/** 200 small packages and 15 signed sheets accepting everything: the merge and export input. */
async function panelInput(rubric: Rubric) {
  const count = Math.max(10, Math.round(200 * scale));
  const packages = await generatePackages({ dir: join(dataRoot, 'merge-packages'), count, targetBytes: 0, bigScans: 0, seed: 2, tiny: true });
  const specs: ReviewSpec['package'][] = [];
  for (const p of packages) {
    const checked = await checkPackage(p.path);
    if (!checked.manifest || !checked.reading.digest) throw new Error(`${p.path} invalid`);
    specs.push({ allianceId: checked.manifest.alliance.id, digest: checked.reading.digest, claims: checked.manifest.claims });
  }
  const sheetDir = join(dataRoot, 'sheets');
  rmSync(sheetDir, { recursive: true, force: true });
  mkdirSync(sheetDir, { recursive: true });
  const sheets: string[] = [];
  for (let e = 1; e <= 15; e += 1) {
    const expert = makeExpert(`E${String(e).padStart(2, '0')}`, `专家${e}`);
    sheets.push(await writeSignedSheet(sheetDir, rubric, expert, specs.map((pkg) => ({ package: pkg }))));
  }
  return { count, packages, sheets };
}

/** One 1 GiB package: streamed, so the importer's memory must not grow with it. */
async function bigPackageSection() {
  process.stderr.write('one 1 GiB package …\n');
  const big = await generateBigPackage(join(dataRoot, 'big'), values.quick ? 1 : 5);
  timeShell('cat "$@" > /dev/null', [big.path]);
  const floor = timeShell('cat "$@" | sha256sum > /dev/null', [big.path]);
  const dataDir = join(dataRoot, 'store-big');
  rmSync(dataDir, { recursive: true, force: true });
  const result = await runJson<{ ms: number; maxRssBytes: number }>(['test/bench/import-worker.ts', dataDir, 'import', big.path]);
  rmSync(dataDir, { recursive: true, force: true });
  row({
    measure: `import one package of ${(big.bytes / GiB).toFixed(2)} GiB`,
    value: `${seconds(result.ms)}, peak ${(result.maxRssBytes / 1024 ** 2).toFixed(0)} MB`,
    reference: `cat | sha256sum ${seconds(floor)}`,
    ratio: `${(result.ms / floor).toFixed(2)}×`,
    target: 'memory < 300 MB',
    met: result.maxRssBytes < 300 * 1024 ** 2,
  });
}

async function mergeSection(rubric: Rubric) {
  process.stderr.write('merge …\n');
  const { count, packages, sheets } = await panelInput(rubric);
  for (const experts of [5, 10, 15]) {
    const used = sheets.slice(0, experts);
    const paths = packages.map((p) => p.path);
    const floor = await runJson<{ ms: number }>(['test/bench/verify-floor.ts', ...used, '--', ...paths]);
    const merge = await timeCommand(['electron/cli/bin.mjs', 'merge', '--json', '--packages', ...paths, '--sheets', ...used]);
    const start = await timeCommand(['-e', '0']);
    const floorWithStart = floor.ms + start;
    row({
      measure: `merge ${count} alliances × ${experts} experts (CLI)`,
      value: seconds(merge),
      reference: `read + verify in bare Node ${seconds(floorWithStart)}`,
      ratio: `${(merge / floorWithStart).toFixed(2)}×`,
      target: '≤ 3×, linear in sheets',
      met: merge / floorWithStart <= 3,
    });
  }
}

async function exportSection(rubric: Rubric) {
  process.stderr.write('export …\n');
  const { count, packages, sheets } = await panelInput(rubric);
  const out = join(dataRoot, 'documents');
  rmSync(out, { recursive: true, force: true });
  const pdfDir = join(out, 'pdf');
  const ms = await timeCommand([
    'electron/cli/bin.mjs', 'merge', '--json', '--packages', ...packages.map((p) => p.path), '--sheets', ...sheets,
    '--pdf', pdfDir, '--xlsx', join(out, '结果.xlsx'), '--meeting', '基准测试评审会',
  ]);
  // Floor: the same merge without documents (reading, verifying and merging the sheets), which
  // the export cannot avoid; what the export costs beyond it is the documents themselves.
  const mergeOnly = await timeCommand(['electron/cli/bin.mjs', 'merge', '--json', '--packages', ...packages.map((p) => p.path), '--sheets', ...sheets]);
  const files = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'));
  let pages = 0;
  let bytes = 0;
  let largestPerPage = { file: '', perPage: 0 };
  for (const file of files) {
    const n = pdfPageCount(join(pdfDir, file));
    const size = statSync(join(pdfDir, file)).size;
    pages += n;
    bytes += size;
    if (size / n > largestPerPage.perPage) largestPerPage = { file, perPage: size / n };
  }
  row({
    measure: `export ${files.length} PDFs (${count} alliances × 15 experts) + workbook`,
    value: `${seconds(ms)}, ${pages} pages: ${(ms / 1000 / pages).toFixed(3)} s/page`,
    reference: `${(bytes / 1024 / pages).toFixed(0)} KB/page on average`,
    ratio: '—',
    target: 'report',
    met: null,
  });
  row({
    measure: `export ${files.length} PDFs + workbook vs the merge alone`,
    value: `${seconds(ms)} (${seconds(ms - mergeOnly)} for the documents: ${((ms - mergeOnly) / pages).toFixed(1)} ms/page)`,
    reference: `merge --json alone ${seconds(mergeOnly)}`,
    ratio: `${(ms / mergeOnly).toFixed(2)}×`,
    target: 'report',
    met: null,
  });
  row({
    measure: 'export: largest bytes per page of any PDF',
    value: `${(largestPerPage.perPage / 1024).toFixed(0)} KB (${largestPerPage.file})`,
    reference: '—',
    ratio: '—',
    target: '≤ 200 KB (fonts subsetted)',
    met: largestPerPage.perPage <= 200 * 1024,
  });
}

/**
 * An expert opening the meeting file of the bench packages: the meeting-file import on a fresh
 * store, beside reading and hashing the file (every byte must be read and its hash checked) and
 * doing so while storing a durable copy (the packages are stored on the laptop).
 */
async function meetingFileSection(packages: readonly BenchPackage[]) {
  process.stderr.write('meeting file …\n');
  const work = join(dataRoot, 'meeting-file');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const result = await runJson<{ importMs: number; exportMs: number; openMs: number; bytes: number; file: string; packages: number }>([
    'test/bench/meeting-file-worker.ts', work, ...packages.map((p) => p.path),
  ]);
  timeShell('cat "$@" > /dev/null', [result.file]);
  const floor = timeShell('cat "$@" | sha256sum > /dev/null', [result.file]);
  const copy = join(work, 'floor-copy');
  const storeFloor = timeShell(`cat "$@" | tee '${copy}' | sha256sum > /dev/null && sync '${copy}'`, [result.file]);
  rmSync(work, { recursive: true, force: true });
  const size = `${(result.bytes / GiB).toFixed(2)} GiB`;
  row({
    measure: `expert opens the meeting file (${result.packages} packages, ${size})`,
    value: seconds(result.openMs),
    reference: `cat | sha256sum ${seconds(floor)}; with storing a copy ${seconds(storeFloor)}`,
    ratio: `${(result.openMs / floor).toFixed(2)}× / ${(result.openMs / storeFloor).toFixed(2)}×`,
    target: '≤ 1.5× reading and hashing',
    met: result.openMs / floor <= 1.5,
  });
  row({
    measure: `clerk exports that meeting file (cross-check included)`,
    value: seconds(result.exportMs),
    reference: `the clerk's import of the packages ${seconds(result.importMs)}`,
    ratio: `${(result.exportMs / result.importMs).toFixed(2)}×`,
    target: 'report',
    met: null,
  });
}

async function rendererSection() {
  process.stderr.write('renderer …\n');
  const scan = await generateScanPackage(join(dataRoot, 'scan'));
  const many = await generatePackages({
    dir: join(dataRoot, 'merge-packages'),
    count: Math.max(10, Math.round(200 * scale)),
    targetBytes: 0,
    bigScans: 0,
    seed: 2,
    tiny: true,
  });
  const timings = await measureRenderer({ scanPackage: scan.path, manyPackages: many.map((p) => p.path), runs: 7 });
  row({
    measure: 'click claim → first page of a 300-page scan (median of 7)',
    value: `${median(timings.claimToPageMs).toFixed(0)} ms`,
    reference: `runs: ${timings.claimToPageMs.map((t) => t.toFixed(0)).join(', ')}`,
    ratio: '—',
    target: '< 300 ms',
    met: median(timings.claimToPageMs) < 300,
  });
  row({
    measure: `switch alliance, ${many.length + 1} loaded (median of 7)`,
    value: `${median(timings.allianceSwitchMs).toFixed(0)} ms`,
    reference: `runs: ${timings.allianceSwitchMs.map((t) => t.toFixed(0)).join(', ')}`,
    ratio: '—',
    target: '< 300 ms',
    met: median(timings.allianceSwitchMs) < 300,
  });
}

async function startSection() {
  process.stderr.write('cold start …\n');
  const result = await measureColdStart(join(dataRoot, 'start'), 5);
  row({
    measure: 'browser shell cold start → interactive home (median of 5)',
    value: `${result.medianMs.toFixed(0)} ms`,
    reference: `node -e 0: ${result.nodeStartMs.toFixed(0)} ms`,
    ratio: `${(result.medianMs / result.nodeStartMs).toFixed(1)}×`,
    target: 'report',
    met: null,
  });
}

async function ofdSection() {
  process.stderr.write('OFD pages …\n');
  const result = await measureOfdPages(values.quick ? 20 : 200, 400);
  row({
    measure: `draw an OFD of ${result.pages} pages × ${result.objects} text objects as SVG`,
    value: `${seconds(result.renderMs)} (${(result.renderMs / result.pages).toFixed(1)} ms a page)`,
    reference: `inflate and parse its XML ${seconds(result.floorMs)}`,
    ratio: `${(result.renderMs / result.floorMs).toFixed(2)}×`,
    target: '< 3× parsing',
    met: result.renderMs < 3 * result.floorMs,
  });
}

async function spreadsheetSection() {
  process.stderr.write('spreadsheet preview …\n');
  const r = await measureSpreadsheetPreview();
  const perThousand = (ms: number) => `${((ms / r.cells) * 1000).toFixed(1)} ms/1000 cells`;
  row({
    measure: `.xls preview, ${r.sheets} sheets, ${r.cells} cells (median of 7)`,
    value: `${r.previewMs.toFixed(0)} ms, ${perThousand(r.previewMs)}`,
    reference: `SheetJS read + sheet_to_json ${r.floorMs.toFixed(0)} ms, ${perThousand(r.floorMs)}`,
    ratio: `${(r.previewMs / r.floorMs).toFixed(2)}×`,
    target: '≤ 1.5×',
    met: r.previewMs / r.floorMs <= 1.5,
  });
  row({
    measure: '.xls preview through its capped worker (as the viewer asks)',
    value: `${r.workerMs.toFixed(0)} ms, ${(r.workerMs / r.sheets).toFixed(0)} ms/sheet`,
    reference: `in-process ${r.previewMs.toFixed(0)} ms`,
    ratio: `${(r.workerMs / r.previewMs).toFixed(2)}×`,
    target: 'report',
    met: null,
  });
}

async function imagesSection() {
  process.stderr.write('image pages …\n');
  for (const t of await measureImagePages(join(dataRoot, 'images'), values.quick)) {
    row({
      measure: `convert to page images: ${t.label} (median of 3)`,
      value: `${t.appMsPerPage.toFixed(0)} ms/page`,
      reference: `bare sharp/libheif-js ${t.floorMsPerPage.toFixed(0)} ms/page`,
      ratio: `${(t.appMsPerPage / t.floorMsPerPage).toFixed(2)}×`,
      target: 'report',
      met: null,
    });
  }
}

const rubric = (await loadRubric('hefei-2017')) as Rubric;
mkdirSync(dataRoot, { recursive: true });
if (only.has('import') || only.has('validate') || only.has('crosscheck') || only.has('meeting-file')) {
  process.stderr.write('generating packages …\n');
  const packages = await generatePackages({
    dir: join(dataRoot, 'packages'),
    count: Math.max(8, Math.round(200 * scale)),
    targetBytes: Math.round(2.1 * GiB * scale),
    bigScans: values.quick ? 0 : 3,
    seed: 1,
  });
  if (only.has('import') || only.has('validate')) await importSection(packages);
  if (only.has('crosscheck')) for (const r of await crossCheckSection(packages, dataRoot, runJson)) row(r);
  if (only.has('meeting-file')) await meetingFileSection(packages);
}
if (only.has('big')) await bigPackageSection();
if (only.has('merge')) await mergeSection(rubric);
if (only.has('export')) await exportSection(rubric);
if (only.has('renderer')) await rendererSection();
if (only.has('deep-page')) {
  process.stderr.write('deep page …\n');
  const deep = await measureDeepPage({ dir: join(dataRoot, 'deep-page'), runs: 7 });
  row({
    measure: `click item → page 150 of a 300-page scan (${(deep.scanBytes / 1024 ** 2).toFixed(0)} MB), median of 7`,
    value: `${median(deep.deepPageMs).toFixed(0)} ms`,
    reference: `fetching the whole file in the page ${median(deep.wholeFetchMs).toFixed(0)} ms; runs: ${deep.deepPageMs.map((t) => t.toFixed(0)).join(', ')}`,
    ratio: `${(median(deep.deepPageMs) / median(deep.wholeFetchMs)).toFixed(2)}×`,
    target: '< 300 ms',
    met: median(deep.deepPageMs) < 300,
  });
}
if (only.has('start')) await startSection();
if (only.has('documents')) for (const r of await measureDocumentConversion()) row(r);
if (only.has('ofd')) await ofdSection();
if (only.has('spreadsheet')) await spreadsheetSection();
if (only.has('images')) await imagesSection();
if (only.has('ocr')) for (const r of await ocrSection(join(dataRoot, 'ocr'), values.quick ? 2 : 10)) row(r);

const header = ['measure', 'value', 'reference (same run)', 'ratio', 'target', 'met'];
const table = rows.map((r) => [r.measure, r.value, r.reference, r.ratio, r.target, r.met === null ? '—' : r.met ? 'yes' : 'NO']);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
process.stdout.write(`\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / GiB).toFixed(0)} GiB, Node ${process.version}${values.quick ? ' (quick scale)' : ''}\n\n`);
process.stdout.write(`${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${table.map(line).join('\n')}\n`);
