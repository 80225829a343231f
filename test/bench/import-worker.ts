/**
 * Benchmark child process: imports the given packages into a fresh store, one after another
 * as the app does, and prints `{ ms, maxRssBytes, imported }` as JSON. A process of its own
 * so its peak memory is the importer's alone.
 *
 * usage: node test/bench/import-worker.ts <data-dir> <mode: import|validate> <package…>
 */
import { readFileSync } from 'node:fs';
import { checkPackage } from '../../electron/package-reader/check-package.ts';
import { importPackage } from '../../electron/package-store/import-packages.ts';
import { selfScore } from '../../shared/rubric/self-score.ts';
import { createContext } from '../../electron/app/context.ts';

/**
 * This process's peak resident memory. On Linux, VmHWM of /proc/self/status: getrusage's
 * maxrss of a spawned child also counts the parent's memory it was forked from (the bench
 * process holds gigabytes while it generates data), so it overstates the importer.
 */
function peakRssBytes(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

const [dataDir, mode, ...paths] = process.argv.slice(2);
if (!dataDir || (mode !== 'import' && mode !== 'validate')) throw new Error('usage: import-worker <data-dir> <import|validate> <package…>');

const ctx = createContext({ dataDir, shell: 'browser', version: 'bench' });
let done = 0;
const started = performance.now();
for (const path of paths) {
  if (mode === 'import') {
    const report = await importPackage(ctx, { path, name: path, uploadId: null });
    if (report.outcome !== 'imported') throw new Error(`${path}: ${report.outcome} ${JSON.stringify(report.problems.slice(0, 3))}`);
  } else {
    const checked = await checkPackage(path);
    if (!checked.valid || !checked.manifest || !checked.rubric) throw new Error(`${path}: invalid`);
    selfScore(checked.rubric, checked.manifest.claims);
  }
  done += 1;
}
const ms = performance.now() - started;
ctx.close();
process.stdout.write(`${JSON.stringify({ ms, maxRssBytes: peakRssBytes(), done })}\n`);
