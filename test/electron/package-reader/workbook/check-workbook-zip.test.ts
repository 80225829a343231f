import { describe, expect, it } from 'vitest';

import { checkWorkbookZip } from '../../../../electron/package-reader/workbook/check-workbook-zip.ts';
import { workbookToManifest } from '../../../../electron/package-reader/workbook/workbook-to-manifest.ts';
import { templateBytes } from '../../../../electron/package-reader/workbook/build-template.ts';
import { loadRubric } from '../../../../electron/rubrics/load-rubric.ts';
import type { Rubric } from '../../../../shared/rubric/types.ts';
import { packageFiles } from '../../../helpers/package-builder.ts';

const rubric = (await loadRubric('hefei-2017')) as Rubric;

async function zipOf(files: [string, Uint8Array][]): Promise<Uint8Array> {
  return new Uint8Array(await packageFiles(files).zipBuffer());
}

describe('checkWorkbookZip', () => {
  it('accepts the template', async () => {
    expect(await checkWorkbookZip(await templateBytes(rubric))).toEqual({ ok: true });
  });

  it('refuses a workbook that inflates past the limit (a zip bomb inside the .xlsx), before exceljs sees it', async () => {
    const bomb = await zipOf([['xl/worksheets/sheet1.xml', new Uint8Array(8 * 1024 * 1024)]]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await checkWorkbookZip(bomb, { maxEntries: 100, maxTotalBytes: 1024 * 1024 })).toEqual({ ok: false, reason: 'too-large' });
    const conversion = await workbookToManifest(bomb, rubric, { limits: { maxEntries: 100, maxTotalBytes: 1024 * 1024 } });
    expect(conversion).toMatchObject({ manifest: null, problems: [{ severity: 'error', code: 'workbook-too-large' }] });
  });

  it('refuses a workbook whose header lies about the unpacked size', async () => {
    const honest = await zipOf([['a.xml', new Uint8Array(4096)]]);
    // Declare 10 bytes in both the local and the central header; the data inflates to 4096.
    const lying = new Uint8Array(honest);
    const view = new DataView(lying.buffer);
    for (let i = 0; i < lying.length - 4; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x04034b50) view.setUint32(i + 22, 10, true);
      if (signature === 0x02014b50) view.setUint32(i + 24, 10, true);
    }
    expect(await checkWorkbookZip(lying)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('refuses too many entries', async () => {
    const many = await zipOf(Array.from({ length: 20 }, (_, i): [string, Uint8Array] => [`f${i}.xml`, new Uint8Array(1)]));
    expect(await checkWorkbookZip(many, { maxEntries: 10, maxTotalBytes: 1024 })).toEqual({ ok: false, reason: 'too-large' });
  });

  it('tells an .xls or password-protected file from a damaged one', async () => {
    expect(await checkWorkbookZip(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual({ ok: false, reason: 'legacy-or-encrypted' });
    expect(await checkWorkbookZip(new TextEncoder().encode('%PDF-1.7'))).toEqual({ ok: false, reason: 'not-xlsx' });
    expect(await checkWorkbookZip(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toEqual({ ok: false, reason: 'damaged' });
  });
});
