import { evidenceBytes } from './evidence-bytes.ts';

/**
 * Test helper: a small valid manifest.json (package-format.md) and the files it names, to be
 * changed by each test in exactly the way the test is about.
 */
export type Json = Record<string, unknown>;

export function baseManifest(claims: Json = defaultClaims()): Json {
  return {
    format: 'alliance-review/package',
    version: 1,
    year: 2026,
    rubric: 'hefei-2017',
    alliance: {
      id: 'HFA-012',
      name: '合肥市智能语音产业技术创新战略联盟',
      kind: 'general',
      leadOrganization: '合肥某某科技有限公司',
      contact: { name: '张三', phone: '0551-00000000' },
    },
    selfReport: '自查报告.pdf',
    claims,
  };
}

export function defaultClaims(): Json {
  return {
    'I1.office': { claimed: true, evidence: ['制度建设/办公室照片.jpg'] },
    'I4.techContracts': {
      items: [
        { id: 'tc-1', title: '语音识别技术许可合同', date: '2026-05-12', note: '登记号 1', evidence: ['成果转化/技术合同1.pdf'] },
      ],
    },
    'I10.status': { value: 2.5, evidence: ['白皮书.pdf'] },
    'B2.majorProjects': {
      items: [{ id: 'mp-1', title: '某项目', amountWan: 52000, evidence: ['招商/mp1.pdf'] }],
    },
  };
}

/** Every path the manifest names (selfReport and evidence), as given. */
export function namedPaths(manifest: Json): string[] {
  const paths: unknown[] = [manifest['selfReport']];
  const claims = manifest['claims'];
  if (claims !== null && typeof claims === 'object' && !Array.isArray(claims)) {
    for (const claim of Object.values(claims as Record<string, unknown>)) {
      if (claim === null || typeof claim !== 'object') continue;
      const { evidence, items } = claim as { evidence?: unknown; items?: unknown };
      if (Array.isArray(evidence)) paths.push(...(evidence as unknown[]));
      if (Array.isArray(items)) {
        for (const item of items as { evidence?: unknown }[]) if (Array.isArray(item?.evidence)) paths.push(...(item.evidence as unknown[]));
      }
    }
  }
  // Only what a file could be named by: a test that breaks a path on purpose gets no file for it.
  return paths.filter((p): p is string => typeof p === 'string' && p !== '');
}

/** manifest.json and a small file for every named path (a real PDF or JPEG where the name says so). */
export function packageFilesOf(manifest: Json): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>([['manifest.json', JSON.stringify(manifest, null, 2)]]);
  for (const path of namedPaths(manifest)) files.set(path, evidenceBytes(path));
  return files;
}
