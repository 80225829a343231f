import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkPackage } from '../../electron/package-reader/check-package.ts';
import type { PackageCheck } from '../../electron/package-reader/check-package.ts';
import { readPackage } from '../../electron/package-reader/read-package.ts';
import { loadRubric } from '../../electron/rubrics/load-rubric.ts';
import type { Manifest } from '../../shared/package/manifest.ts';
import { GRADE_LABELS } from '../../shared/rubric/grade.ts';
import { selfScore } from '../../shared/rubric/self-score.ts';
import type { Rubric } from '../../shared/rubric/types.ts';

const root = resolve(import.meta.dirname, '..', '..');
const samplesRoot = join(root, 'resources', 'samples');
const samplesDir = join(samplesRoot, '2026');
const readme = readFileSync(join(samplesRoot, 'README.md'), 'utf8');
const rubric = (await loadRubric('hefei-2017')) as Rubric;

/** What `generate.ts --json` prints about each package it wrote. */
interface GeneratedSample {
  readonly written: string;
  readonly delivery: 'zip' | 'zip-top-folder' | 'zip-gbk' | 'folder';
  readonly allianceId: string;
  readonly total: string;
  readonly grade: 'excellent' | 'pass' | 'fail';
  readonly intendedWarnings: readonly string[];
  readonly files: readonly string[];
  readonly manifest: Manifest;
}

/** The real generator, as a child process, as a person runs it. */
async function generate(outDir: string): Promise<GeneratedSample[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(samplesRoot, 'generate.ts'), '--out', outDir, '--json'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as GeneratedSample[];
}

const made: string[] = [];
let first = '';
let second = '';
let runs: [GeneratedSample[], GeneratedSample[]] = [[], []];
beforeAll(async () => {
  first = await mkdtemp(join(tmpdir(), 'samples-a-'));
  second = await mkdtemp(join(tmpdir(), 'samples-b-'));
  made.push(first, second);
  runs = await Promise.all([generate(first), generate(second)]);
}, 120_000);
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** Rows of the README table under `header`, each cell trimmed and without its backticks. */
function readmeRows(header: string): string[][] {
  const lines = readme.slice(readme.indexOf(header)).split('\n').slice(2);
  const end = lines.findIndex((line) => !line.startsWith('|'));
  return lines.slice(0, end).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/^`|`$/g, '')));
}

const scoreTable = readmeRows('| package | alliance | kind |');
const digestTable = new Map(readmeRows('| package | digest |').map(([name, digest]) => [name ?? '', digest ?? '']));
const committed = readdirSync(samplesDir).filter((name) => name.startsWith('HFA-')).sort();

const checks = new Map<string, Promise<PackageCheck>>();
function check(name: string): Promise<PackageCheck> {
  let result = checks.get(name);
  if (result === undefined) {
    result = checkPackage(join(samplesDir, name));
    checks.set(name, result);
  }
  return result;
}

describe('the sample meeting (resources/samples)', () => {
  it('has at least six packages, and the README lists exactly the committed ones', () => {
    expect(committed.length).toBeGreaterThanOrEqual(6);
    expect(scoreTable.map((row) => row[0]).sort()).toEqual(committed);
    expect([...digestTable.keys()].sort()).toEqual(committed);
    expect(runs[0].map((d) => d.written).sort()).toEqual(committed);
  });

  it.each(scoreTable)('%s is valid, with the self-score, grade and digest the README states', async (name, alliance, kind, _delivery, total, grade) => {
    const result = await check(name);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.valid).toBe(true);
    const manifest = result.manifest;
    if (manifest === null) throw new Error('no manifest');
    expect(alliance).toBe(`${manifest.alliance.id} ${manifest.alliance.name}`);
    expect(kind).toBe(manifest.alliance.kind);
    expect({ year: manifest.year, rubric: manifest.rubric }).toEqual({ year: 2026, rubric: 'hefei-2017' });
    expect(result.reading.files.map((f) => f.path)).toContain(manifest.selfReport);
    const score = selfScore(rubric, manifest.claims);
    expect(score.total.toString()).toBe(total);
    expect(GRADE_LABELS[score.grade]).toBe(grade);
    expect(result.reading.digest).toBe(digestTable.get(name ?? ''));
  });

  it('shows the warnings each sample is built to show, and no other', async () => {
    const definitions = runs[0];
    for (const definition of definitions) {
      const warnings = (await check(definition.written)).problems.filter((p) => p.severity === 'warning').map((p) => p.code);
      expect(warnings.sort(), definition.written).toEqual([...definition.intendedWarnings].sort());
    }
    expect(definitions.filter((d) => d.intendedWarnings.length > 0)).toHaveLength(1);
    // The warnings package shows every warning package-format.md lists.
    expect(definitions.flatMap((d) => d.intendedWarnings).sort()).toEqual(
      ['criterion-not-for-kind', 'file-not-referenced', 'indicator-over-cap', 'item-date-outside-year', 'item-no-evidence'].sort(),
    );
  });

  it('spreads across grades, kinds, deliveries and criterion kinds', async () => {
    const definitions = runs[0];
    const grades = scoreTable.map((row) => row[5]);
    expect(grades.filter((g) => g === '优秀').length).toBeGreaterThanOrEqual(1);
    expect(grades.filter((g) => g === '合格').length).toBeGreaterThanOrEqual(2);
    expect(grades.filter((g) => g === '不合格').length).toBeGreaterThanOrEqual(1);
    expect(Number(scoreTable.find((row) => row[5] === '优秀')?.[4])).toBeGreaterThanOrEqual(90);
    expect(new Set(scoreTable.map((row) => row[2]))).toEqual(new Set(['general', 'incubator', 'finance']));
    expect(new Set(definitions.map((d) => d.delivery))).toEqual(new Set(['zip', 'zip-top-folder', 'zip-gbk', 'folder']));
    const claimed = new Set(definitions.flatMap((d) => Object.keys(d.manifest.claims)));
    const kinds = new Set(rubric.groups.flatMap((g) => g.indicators.flatMap((i) => i.criteria.filter((c) => claimed.has(c.id)).map((c) => c.kind))));
    expect(kinds).toEqual(new Set(['flag', 'perItem', 'perPair', 'band', 'tier', 'judged']));
    const bonus = new Set(definitions.flatMap((d) => Object.keys(d.manifest.claims).filter((id) => id.startsWith('B'))));
    expect(bonus).toEqual(new Set(['B1.hostedEvents', 'B2.majorProjects']));
  });

  it('ships GBK names without the UTF-8 flag in the GBK zip, and one top-level folder in the folder zip', async () => {
    const gbk = runs[0].find((d) => d.delivery === 'zip-gbk');
    const top = runs[0].find((d) => d.delivery === 'zip-top-folder');
    if (gbk === undefined || top === undefined) throw new Error('missing sample');

    const gbkEntries = centralDirectory(await readFile(join(samplesDir, gbk.written)));
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const chinese = gbkEntries.filter((e) => e.name.some((byte) => byte >= 0x80));
    expect(chinese.length).toBeGreaterThan(5);
    for (const entry of gbkEntries) expect(entry.flags & 0x0800).toBe(0);
    for (const entry of chinese) expect(() => utf8.decode(entry.name)).toThrow();
    const decoded = gbkEntries.map((e) => new TextDecoder('gbk').decode(e.name)).filter((n) => !n.endsWith('/'));
    expect(decoded.sort()).toEqual([...gbk.files].sort());

    const folder = top.written.replace(/\.zip$/, '');
    const topEntries = centralDirectory(await readFile(join(samplesDir, top.written)));
    const names = topEntries.map((e) => new TextDecoder().decode(e.name));
    expect(names.every((n) => n.startsWith(`${folder}/`))).toBe(true);
    expect((await check(top.written)).reading.root).toBe(folder);
  });

  it('has a self-check report of about 20 pages in the excellent package, and real images', async () => {
    const reading = await readPackage(join(samplesDir, 'HFA-003-智能语音联盟.zip'), {
      openFile: (file) => (file.path === '自查报告.pdf' || /\.(png|jpe?g)$/.test(file.path) ? collect(file.path) : undefined),
    });
    expect(reading.problems).toEqual([]);
    const report = collected.get('自查报告.pdf');
    if (report === undefined) throw new Error('no report');
    expect(new TextDecoder('latin1').decode(report.subarray(0, 5))).toBe('%PDF-');
    const pages = new TextDecoder('latin1').decode(report).match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(18);
    const images = [...collected.entries()].filter(([path]) => path !== '自查报告.pdf');
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const [path, bytes] of images) {
      const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
      const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
      expect(path.endsWith('.png') ? png : jpeg, path).toBe(true);
      expect(bytes.length).toBeLessThan(60 * 1024);
    }
  });

  it('keeps the samples folder under 3 MB', async () => {
    expect(await folderSize(samplesRoot)).toBeLessThan(3 * 1024 * 1024);
  });
});

describe('the sample generator', () => {
  it('regenerates the committed packages (same manifests, same files), byte-identical from run to run', async () => {
    const [a, b] = runs;
    expect(a).toEqual(b);
    expect(a.map((r) => r.written).sort()).toEqual(committed);
    for (const row of scoreTable) {
      const result = a.find((r) => r.written === row[0]);
      expect([result?.total, result === undefined ? '' : GRADE_LABELS[result.grade]]).toEqual([row[4], row[5]]);
    }
    for (const name of committed) {
      const [fresh, again, kept] = await Promise.all([readPackage(join(first, name)), readPackage(join(second, name)), readPackage(join(samplesDir, name))]);
      // Two runs: the same bytes, so the same digest.
      expect(fresh.digest, name).toBe(again.digest);
      expect(await treeBytes(join(first, name))).toEqual(await treeBytes(join(second, name)));
      // The committed package is what the generator makes now. Compared by content: another
      // zlib or poppler may compress or rasterise the same content into other bytes.
      expect(fresh.files.map((f) => f.path), name).toEqual(kept.files.map((f) => f.path));
      expect(new TextDecoder().decode(fresh.manifest ?? new Uint8Array()), name).toBe(new TextDecoder().decode(kept.manifest ?? new Uint8Array()));
    }
  });
});

const collected = new Map<string, Uint8Array>();

function collect(path: string) {
  const chunks: Uint8Array[] = [];
  return {
    write: (chunk: Uint8Array) => void chunks.push(chunk),
    finish: () => void collected.set(path, new Uint8Array(Buffer.concat(chunks))),
    abort: () => undefined,
  };
}

interface RawEntry {
  readonly flags: number;
  readonly name: Uint8Array;
}

/** The central directory's entries, read byte by byte, independent of any zip library. */
function centralDirectory(zip: Uint8Array): RawEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    entries.push({ flags: view.getUint16(at + 8, true), name: zip.subarray(at + 46, at + 46 + nameLength) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await folderSize(path) : (await stat(path)).size;
  }
  return total;
}

/** Every file under a path (or the file itself), by relative path, as bytes. */
async function treeBytes(path: string): Promise<Record<string, Uint8Array>> {
  const info = await stat(path);
  if (!info.isDirectory()) return { '': new Uint8Array(await readFile(path)) };
  const result: Record<string, Uint8Array> = {};
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    result[full.slice(path.length + 1)] = new Uint8Array(await readFile(full));
  }
  return result;
}
