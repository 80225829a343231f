/**
 * Benchmark child process for the cross-check: imports the given packages into a fresh store
 * but the last (the import reads each file's features), puts them in a meeting and checks it;
 * then imports the last one, adds it to the meeting and checks again. Prints
 * `{ importMs, checkMs, addImportMs, addCheckMs, findings }` as JSON.
 *
 * usage: node test/bench/cross-check-worker.ts <data-dir> <package…>
 */
import { createContext } from '../../electron/app/context.ts';
import { closeFileFeatures } from '../../electron/integrity/file-features.ts';
import { crossCheckMeeting } from '../../electron/integrity/meeting-cross-check.ts';
import { createMeeting, replacePackages } from '../../electron/meeting/meeting-store.ts';
import { importPackage } from '../../electron/package-store/import-packages.ts';

const [dataDir, ...paths] = process.argv.slice(2);
const last = paths.pop();
if (!dataDir || last === undefined) throw new Error('usage: cross-check-worker <data-dir> <package…>');

const ctx = createContext({ dataDir, shell: 'browser', version: 'bench' });
const inMeeting: { allianceId: string; digest: string }[] = [];

async function add(path: string): Promise<void> {
  const report = await importPackage(ctx, { path, name: path, uploadId: null });
  if (report.outcome !== 'imported' || report.digest === null || report.allianceId === null) throw new Error(`${path}: ${report.outcome}`);
  inMeeting.push({ allianceId: report.allianceId, digest: report.digest });
}

let started = performance.now();
for (const path of paths) await add(path);
const importMs = performance.now() - started;
const meeting = createMeeting(ctx.db, { name: 'bench', year: 2026 }, new Date());
replacePackages(ctx.db, meeting.id, inMeeting);
started = performance.now();
await crossCheckMeeting(ctx.db, dataDir, meeting.id, { now: () => new Date() });
const checkMs = performance.now() - started;

started = performance.now();
await add(last);
const addImportMs = performance.now() - started;
replacePackages(ctx.db, meeting.id, inMeeting);
started = performance.now();
const result = await crossCheckMeeting(ctx.db, dataDir, meeting.id, { now: () => new Date() });
const addCheckMs = performance.now() - started;
await closeFileFeatures();
ctx.close();
process.stdout.write(`${JSON.stringify({ importMs, checkMs, addImportMs, addCheckMs, findings: result.findings.length })}\n`);
