/**
 * Benchmark child process: the meeting file of the bench packages, made and opened as the
 * clerk's and an expert's laptops do. On a clerk store: imports the packages, creates the
 * meeting (settings, a roster of five, every package) and exports its meeting file, timed
 * (`exportMs`, the cross-check the export runs included). Then on a fresh expert store imports
 * that file through the same channel the meeting-file page calls, timed (`openMs`: reading,
 * checking every file's hash, storing the packages). Prints `{ importMs, exportMs, openMs,
 * bytes, file }` as JSON; the file is left for the caller to time its floor and remove.
 *
 * usage: node test/bench/meeting-file-worker.ts <work-dir> <package…>
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../electron/app/context.ts';
import { exportMeetingFile } from '../../electron/meeting/export-meeting-file.ts';
import { call } from '../helpers/call.ts';
import { CHAIR_EXPERTS } from '../helpers/chair-meeting.ts';
import { importMeetingFile } from '../helpers/meeting-room.ts';

const [work, ...paths] = process.argv.slice(2);
if (!work || paths.length === 0) throw new Error('usage: meeting-file-worker <work-dir> <package…>');
const actor = '会务 基准';

const clerk = createContext({ dataDir: join(work, 'clerk'), shell: 'browser', version: 'bench' });
let started = performance.now();
const imported = await call(clerk, 'package-import', { sources: paths.map((path) => ({ path })) });
await clerk.jobs.idle();
const status = await call(clerk, 'job-status', { jobId: imported.jobId });
if (status.results.some((r) => r.outcome === 'refused')) throw new Error('a bench package was refused');
const importMs = performance.now() - started;
const { id: meetingId } = await call(clerk, 'meeting-create', { name: '基准测试评审会', year: 2026 });
await call(clerk, 'meeting-settings-save', { meetingId, actor, rubricId: 'hefei-2017', method: 'trimmed', deviationThreshold: '10', budgetYuan: '1000000' });
await call(clerk, 'meeting-roster-save', { meetingId, actor, experts: CHAIR_EXPERTS.map(([id, name]) => ({ id, name })) });
const setup = await call(clerk, 'meeting-setup', { meetingId });
await call(clerk, 'meeting-packages-save', { meetingId, actor, packageIds: setup.candidates.map((p) => p.id) });
const out = join(work, 'usb');
mkdirSync(out, { recursive: true });
started = performance.now();
const exported = await exportMeetingFile(clerk, meetingId, out);
const exportMs = performance.now() - started;
clerk.close();

const expert = createContext({ dataDir: join(work, 'expert'), shell: 'browser', version: 'bench' });
started = performance.now();
const opened = await importMeetingFile(expert, exported.path, '专家 基准');
const openMs = performance.now() - started;
if (!opened.outcome.ok) throw new Error(`meeting file refused: ${opened.outcome.error.message}`);
expert.close();
process.stdout.write(`${JSON.stringify({ importMs, exportMs, openMs, bytes: exported.bytes, file: exported.path, packages: setup.candidates.length })}\n`);
