import { describe, expect, it } from 'vitest';
import { namedPaths } from '../../../electron/package-store/named-paths.ts';
import type { Manifest } from '../../../shared/package/manifest.ts';

describe('the files a manifest names', () => {
  it('counts a file cited by page (`a.pdf#page=3`) as named, so the file list does not call it 未被引用', () => {
    const manifest: Manifest = {
      format: 'alliance-review/package',
      version: 1,
      year: 2026,
      rubric: 'hefei-2017',
      alliance: { id: 'HFA-012', name: '联盟', kind: 'general' },
      selfReport: '自查报告.pdf',
      claims: {
        'I1.office': { claimed: true, evidence: ['照片/办公室.png'] },
        'I4.techContracts': {
          items: [
            { id: 'tc-1', title: '合同一', evidence: ['证明材料/合同汇编.pdf#page=1'] },
            { id: 'tc-3', title: '合同三', evidence: ['证明材料/合同汇编.pdf#page=3'] },
          ],
        },
      },
    };
    expect([...namedPaths(manifest)].sort()).toEqual(['manifest.json', '照片/办公室.png', '自查报告.pdf', '证明材料/合同汇编.pdf'].sort());
  });
});
