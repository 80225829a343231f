/**
 * Benchmark packages: `count` alliance packages as zips, with a manifest of list claims,
 * a self-report and evidence files whose sizes are drawn from a seeded distribution (most
 * 50 KB – 1.5 MB, as PDFs and photos are), plus a few 200 MB scans. Bytes are incompressible
 * and the zips store them (as zip tools do for PDFs and JPEGs), so the bytes read equal the
 * bytes on disk.
 */
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { prng } from '../helpers/prng.ts';
import { deterministicBytes } from './deterministic-bytes.ts';
import { scannedPdf } from './scanned-pdf.ts';

export interface BenchPackage {
  readonly path: string;
  readonly bytes: number;
  readonly allianceId: string;
}

export interface PackageSetOptions {
  readonly dir: string;
  readonly count: number;
  /** Evidence bytes aimed at in all (the scans included). */
  readonly targetBytes: number;
  /** How many packages carry a 200 MB scan. */
  readonly bigScans: number;
  readonly seed: number;
  /** Small evidence (a few KB a file): for merge benchmarks where packages must not dominate. */
  readonly tiny?: boolean;
}

const scanBytes = 200 * 1024 * 1024;
const pdfHead = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
const jpegHead = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

function writeZip(file: string, entries: readonly { name: string; data: Buffer }[]): Promise<void> {
  const zip = new ZipFile();
  const mtime = new Date('2026-12-01T00:00:00Z');
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { mtime, compress: false });
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(file)).on('close', resolve).on('error', reject);
  });
}

export async function generatePackages(options: PackageSetOptions): Promise<BenchPackage[]> {
  mkdirSync(options.dir, { recursive: true });
  const rand = prng(options.seed);
  const packages: BenchPackage[] = [];
  const ordinaryBudget = Math.max(0, options.targetBytes - options.bigScans * scanBytes);
  const perPackage = ordinaryBudget / Math.max(1, options.count - options.bigScans);
  for (let i = 0; i < options.count; i += 1) {
    const allianceId = `BENCH-${String(i + 1).padStart(3, '0')}`;
    const file = join(options.dir, `${allianceId}.zip`);
    const hasScan = i < options.bigScans;
    if (!existsSync(file)) {
      const entries: { name: string; data: Buffer }[] = [];
      const items: { id: string; title: string; date: string; evidence: string[] }[] = [];
      let budget = hasScan ? 0 : perPackage;
      let n = 0;
      while (options.tiny ? n < 6 : budget > 0 || n < 3) {
        const size = options.tiny ? 2048 : Math.min(Math.max(50_000, Math.floor(50_000 + rand() * 1_450_000)), Math.max(50_000, budget));
        const photo = rand() < 0.3;
        const name = `证明材料/成果转化/材料${n + 1}.${photo ? 'jpg' : 'pdf'}`;
        entries.push({ name, data: Buffer.concat([photo ? jpegHead : pdfHead, deterministicBytes(`${options.seed}/${allianceId}/${n}`, size)]) });
        items.push({ id: `item-${n + 1}`, title: `技术合同 ${n + 1}`, date: '2026-06-01', evidence: [name] });
        budget -= size;
        n += 1;
      }
      if (hasScan) {
        const name = '证明材料/扫描件/年度审计报告扫描件.pdf';
        entries.push({ name, data: Buffer.concat([pdfHead, deterministicBytes(`${options.seed}/${allianceId}/scan`, scanBytes)]) });
        items.push({ id: 'scan', title: '年度审计报告（扫描件）', date: '2026-12-01', evidence: [name] });
      }
      entries.push({ name: '自查报告.pdf', data: Buffer.concat([pdfHead, deterministicBytes(`${options.seed}/${allianceId}/report`, 4096)]) });
      const manifest = {
        format: 'alliance-review/package',
        version: 1,
        year: 2026,
        rubric: 'hefei-2017',
        alliance: { id: allianceId, name: `合肥市基准测试产业技术创新战略联盟${i + 1}`, kind: 'general' },
        selfReport: '自查报告.pdf',
        claims: {
          'I1.office': { claimed: true, evidence: [items[0]!.evidence[0]!] },
          'I4.techContracts': { items: items.slice(0, Math.ceil(items.length / 2)) },
          'I9.joinedEvents': { items: items.slice(Math.ceil(items.length / 2)) },
          'I10.status': { value: 2, evidence: ['自查报告.pdf'] },
        },
      };
      entries.unshift({ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) });
      await writeZip(file, entries);
    }
    packages.push({ path: file, bytes: statSync(file).size, allianceId });
  }
  return packages;
}

/** BENCH-000: one package whose first claim's evidence is a 300-page scanned PDF. */
export async function generateScanPackage(dir: string, pages = 300): Promise<BenchPackage> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'BENCH-000.zip');
  if (!existsSync(file)) {
    const scan = '证明材料/扫描件/审计报告扫描件.pdf';
    const other = '证明材料/成果转化/技术合同.pdf';
    const manifest = {
      format: 'alliance-review/package',
      version: 1,
      year: 2026,
      rubric: 'hefei-2017',
      alliance: { id: 'BENCH-000', name: '合肥市基准测试扫描件产业技术创新战略联盟', kind: 'general' },
      selfReport: other,
      claims: {
        'I1.office': { claimed: true, evidence: [scan] },
        'I1.council': { claimed: true, evidence: [other] },
      },
    };
    await writeZip(file, [
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) },
      { name: scan, data: await scannedPdf(pages) },
      { name: other, data: await scannedPdf(2) },
    ]);
  }
  return { path: file, bytes: statSync(file).size, allianceId: 'BENCH-000' };
}

/** BENCH-BIG: one package of `scans` 200 MB scans (1 GiB with 5), to watch the importer's memory on a single large package. */
export async function generateBigPackage(dir: string, scans = 5): Promise<BenchPackage> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'BENCH-BIG.zip');
  if (!existsSync(file)) {
    const names = Array.from({ length: scans }, (_, i) => `证明材料/扫描件/扫描件${i + 1}.pdf`);
    const manifest = {
      format: 'alliance-review/package',
      version: 1,
      year: 2026,
      rubric: 'hefei-2017',
      alliance: { id: 'BENCH-BIG', name: '合肥市大材料包基准测试产业技术创新战略联盟', kind: 'general' },
      selfReport: names[0],
      claims: { 'I4.techContracts': { items: names.map((name, i) => ({ id: `scan-${i + 1}`, title: `扫描件 ${i + 1}`, date: '2026-06-01', evidence: [name] })) } },
    };
    await writeZip(file, [
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) },
      ...names.map((name, i) => ({ name, data: Buffer.concat([pdfHead, deterministicBytes(`big/${i}`, scanBytes)]) })),
    ]);
  }
  return { path: file, bytes: statSync(file).size, allianceId: 'BENCH-BIG' };
}
