/**
 * Builds real alliance packages for tests: a folder with manifest.json and evidence files,
 * and the same folder zipped with yazl. Content is small but real (bytes that hash).
 */
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { ZipFile } from 'yazl';

export type PackageFiles = Record<string, string | Uint8Array>;

/** A small valid manifest for hefei-2017 with a flag, a list and a judged claim. */
export function sampleManifest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'alliance-review/package',
    version: 1,
    year: 2026,
    rubric: 'hefei-2017',
    alliance: { id: 'HFA-012', name: '合肥市智能语音产业技术创新战略联盟', kind: 'general' },
    selfReport: '自查报告.pdf',
    claims: {
      'I1.office': { claimed: true, evidence: ['制度建设/办公室照片.png'] },
      'I4.techContracts': {
        items: [
          { id: 'tc-1', title: '语音识别技术许可合同', date: '2026-05-12', evidence: ['成果转化/技术合同1.pdf'] },
          { id: 'tc-2', title: '声学模型联合开发合同', date: '2026-08-01', evidence: ['成果转化/技术合同2.pdf'] },
        ],
      },
      'I10.status': { value: 2.5 },
    },
    ...overrides,
  };
}

export function sampleFiles(manifest: Record<string, unknown> = sampleManifest()): PackageFiles {
  return {
    'manifest.json': JSON.stringify(manifest, null, 2),
    '自查报告.pdf': '%PDF-1.4\n% 自查报告\n',
    '制度建设/办公室照片.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    '成果转化/技术合同1.pdf': '%PDF-1.4\n% 技术合同一\n',
    '成果转化/技术合同2.pdf': '%PDF-1.4\n% 技术合同二\n',
  };
}

export function writeFolderPackage(dir: string, files: PackageFiles): string {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

export function writeZipPackage(file: string, files: PackageFiles, options: { prefix?: string; compress?: boolean } = {}): Promise<string> {
  const prefix = options.prefix ?? '';
  const zip = new ZipFile();
  const fixed = new Date('2026-12-01T00:00:00Z');
  for (const [path, content] of Object.entries(files)) {
    zip.addBuffer(Buffer.from(content), prefix + path, { mtime: fixed, compress: options.compress ?? true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(file)).on('close', () => resolve(file)).on('error', reject);
  });
}
