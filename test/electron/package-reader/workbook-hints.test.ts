/**
 * A package without manifest.json whose 自查表 the reader cannot take: the problem names the
 * file found and what to do, instead of a bare manifest-missing.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { readPackage } from '../../../electron/package-reader/read-package.ts';
import { alliancePackage, packageFiles } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

describe('manifest-missing names the 自查表 it found', () => {
  const tempDir = useTempDir();

  const missing = async (files: Record<string, string | Uint8Array>, asZip = false): Promise<string> => {
    const builder = alliancePackage().without('manifest.json').with(files);
    const path = asZip ? join(tempDir(), 'pkg.zip') : join(tempDir(), 'pkg');
    if (asZip) await builder.writeZip(path);
    else builder.writeFolder(path);
    const reading = await readPackage(path);
    const problem = reading.problems.find((p) => p.code === 'manifest-missing');
    expect(problem).toBeDefined();
    return problem?.message ?? '';
  };

  it('an .xls or an .ods 自查表: saved as .xlsx in Excel or WPS', async () => {
    expect(await missing({ '自查表.xls': 'xls' })).toContain('包里有“自查表.xls”，它是旧版 Excel 格式（.xls）');
    expect(await missing({ '自查表.xls': 'xls' })).toContain('另存为” Excel 工作簿（*.xlsx）');
    expect(await missing({ '自查表.ods': 'ods' })).toContain('包里有“自查表.ods”，它是 OpenDocument 表格');
  });

  it('a 自查表 under another name: renamed to 自查表.xlsx', async () => {
    expect(await missing({ '自查表(1).xlsx': 'x' })).toContain('包里有“自查表(1).xlsx”，但自查表必须命名为“自查表.xlsx”');
    expect(await missing({ 'HFA-101自查表（填写版）.xlsx': 'x' }, true)).toContain('包里有“HFA-101自查表（填写版）.xlsx”，但自查表必须命名为“自查表.xlsx”');
  });

  it('a 自查表 in a folder: at the top of the package', async () => {
    expect(await missing({ '材料/自查表.xlsx': 'x' })).toContain('包里有“材料/自查表.xlsx”，但自查表必须在包的最上层');
  });

  it('a zip that holds only another zip: unpack it', async () => {
    const inner = await alliancePackage().zipBuffer();
    const path = join(tempDir(), 'outer.zip');
    await packageFiles([['联盟材料包.zip', new Uint8Array(inner)]]).writeZip(path);
    const reading = await readPackage(path);
    expect(reading.problems.map((p) => p.code)).toEqual(['manifest-missing']);
    expect(reading.problems[0]?.message).toContain('包里只有压缩包“联盟材料包.zip”，是压缩包里又套了压缩包');
  });
});
