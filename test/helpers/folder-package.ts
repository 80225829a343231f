/**
 * Test helper: real alliance packages (package-format.md), as a folder or a zip, built in a
 * temp folder: manifest.json, the self-check report and one small file for every evidence
 * path the claims name.
 *
 * - package digest: computed here independently from the spec (sha256 lines sorted by UTF-8
 *   path), so tests that compare it with the reader's digest check both.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import yazl from 'yazl';
import type { AllianceKind, Claims } from '../../shared/rubric/types.ts';

export interface PackageSpec {
  readonly allianceId: string;
  readonly name?: string;
  readonly kind?: AllianceKind;
  readonly year?: number;
  readonly rubric?: string;
  readonly claims: Claims;
  /** Extra bytes for one evidence file, to make a second version of the same package. */
  readonly versionNote?: string;
}

export interface TestPackage {
  readonly path: string;
  readonly allianceId: string;
  readonly name: string;
  readonly digest: string;
  readonly claims: Claims;
  readonly manifest: Record<string, unknown>;
}

const SELF_REPORT = '自查报告.pdf';

function packageFiles(spec: PackageSpec): { manifest: Record<string, unknown>; files: Map<string, Buffer> } {
  const name = spec.name ?? `合肥市${spec.allianceId}产业技术创新战略联盟`;
  const manifest = {
    format: 'alliance-review/package',
    version: 1,
    year: spec.year ?? 2026,
    rubric: spec.rubric ?? 'hefei-2017',
    alliance: {
      id: spec.allianceId,
      name,
      kind: spec.kind ?? 'general',
      leadOrganization: '合肥某某科技有限公司',
      contact: { name: '张三', phone: '0551-00000000' },
    },
    selfReport: SELF_REPORT,
    claims: spec.claims,
  };
  const files = new Map<string, Buffer>();
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  files.set(SELF_REPORT, Buffer.from(`%PDF-1.4 自查报告 ${spec.allianceId} ${spec.versionNote ?? ''}\n`, 'utf8'));
  for (const claim of Object.values(spec.claims)) {
    const paths: string[] = [];
    if ('evidence' in claim && claim.evidence !== undefined) paths.push(...claim.evidence);
    if ('items' in claim) for (const item of claim.items) paths.push(...item.evidence);
    for (const path of paths) files.set(path, Buffer.from(`evidence ${path}\n`, 'utf8'));
  }
  return { manifest, files };
}

/** The package digest of package-format.md, computed from the spec's own words. */
export function digestOfFiles(files: ReadonlyMap<string, Buffer>): string {
  const lines = [...files.entries()]
    .map(([path, bytes]) => ({ path, line: `${createHash('sha256').update(bytes).digest('hex')}  ${path}\n` }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.path, 'utf8'), Buffer.from(b.path, 'utf8')))
    .map((entry) => entry.line)
    .join('');
  return createHash('sha256').update(lines, 'utf8').digest('hex');
}

/** Writes the package as the folder `<dir>/<allianceId>` (or `folderName`). */
export async function writeFolderPackage(dir: string, spec: PackageSpec, folderName?: string): Promise<TestPackage> {
  const { manifest, files } = packageFiles(spec);
  const root = join(dir, folderName ?? spec.allianceId);
  for (const [path, bytes] of files) {
    const target = join(root, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
  return result(root, spec, manifest, files);
}

/** Writes the package as the zip `<dir>/<allianceId>.zip` (or `fileName`), UTF-8 names. */
export async function writeZipPackage(dir: string, spec: PackageSpec, fileName?: string): Promise<TestPackage> {
  const { manifest, files } = packageFiles(spec);
  const path = join(dir, fileName ?? `${spec.allianceId}.zip`);
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of files) zip.addBuffer(bytes, name);
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.on('error', reject);
    zip.outputStream.pipe(out);
  });
  return result(path, spec, manifest, files);
}

function result(
  path: string,
  spec: PackageSpec,
  manifest: Record<string, unknown>,
  files: ReadonlyMap<string, Buffer>,
): TestPackage {
  const name = (manifest['alliance'] as { name: string }).name;
  return { path, allianceId: spec.allianceId, name, digest: digestOfFiles(files), claims: spec.claims, manifest };
}
