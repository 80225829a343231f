import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPackage } from '../../../electron/package-store/import-packages.ts';
import { packageDetail } from '../../../electron/package-store/package-store.ts';
import { checkPackage } from '../../../electron/package-reader/check-package.ts';
import { testContext } from '../../helpers/context.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('warning-words-');
const warningsPackage = resolve(import.meta.dirname, '..', '..', '..', 'resources', 'samples', '2026', 'HFA-026-生物医药联盟.zip');

/** What a package author edits, and is no business of the clerk's or the experts': field names, the manifest, the kind keys. */
const authorWords = /manifest\.json|evidence|claims\.|items\[|\b(general|incubator|finance)\b|综合类/u;

describe('package warnings for the clerk and the experts', () => {
  it('are in their words, placed by the claim’s label and item, with one name for each alliance kind; validate keeps the author’s words', async () => {
    const ctx = testContext(tempDir());
    const report = await importPackage(ctx, { path: warningsPackage, name: 'HFA-026-生物医药联盟.zip', uploadId: null });
    expect(report.outcome).toBe('imported');
    const warnings = report.problems.filter((p) => p.severity === 'warning');
    expect(new Set(warnings.map((w) => w.code))).toEqual(
      new Set(['criterion-not-for-kind', 'item-no-evidence', 'file-not-referenced', 'item-date-outside-year', 'indicator-over-cap']),
    );
    for (const w of warnings) {
      expect(w.message, w.message).not.toMatch(authorWords);
      expect(w.place ?? w.path, w.code).not.toMatch(/claims\.|items\[/u);
    }
    const kind = warnings.find((w) => w.code === 'criterion-not-for-kind');
    expect(kind?.message).toMatch(/^评分项“.+”是为(孵化器、众创空间联盟|科技金融联盟)设置的，本联盟是一般联盟。按评分规则照常计分，请专家留意。$/u);
    const item = warnings.find((w) => w.code === 'item-no-evidence' && w.path.includes('.items['));
    expect(item?.place).toMatch(/ · .+ 第 \d+ 条“.+”$/u);
    expect(item?.message).toBe('联盟没有为这一项附证明材料，专家可能不予认定。');
    const unnamed = warnings.find((w) => w.code === 'file-not-referenced');
    expect(unnamed?.place ?? unnamed?.path).toBe(unnamed?.path);
    expect(unnamed?.message).toBe('包里的这个文件没有对应任何申报项，专家评审时不会在申报项旁看到它（在材料的文件列表里仍可打开）。');

    // The experts read the same words, from the store.
    const stored = packageDetail(ctx.db, report.packageId!).warnings;
    expect(stored.map((w) => w.message)).toEqual(warnings.map((w) => w.message));

    // The author's words are still what `validate` prints.
    const checked = await checkPackage(warningsPackage);
    const authors = checked.problems.filter((p) => p.severity === 'warning');
    expect(authors.find((p) => p.code === 'file-not-referenced')?.message).toMatch(/^manifest\.json 里没有任何申报项引用这个文件/u);
    expect(authors.find((p) => p.code === 'criterion-not-for-kind')?.message).toContain('一般联盟（general）');
  });
});
