/**
 * 材料核查 in the clerk's import report: after the report first appears, each imported package's
 * year is checked (its packages against each other and the earlier years in the store) and the
 * findings that involve the package are listed under it, in words. Hints only, never a verdict.
 * The packages are checked one after the other: a second check at once would read the same
 * files twice, and each later one finds the files already read.
 */
import { useEffect, useState } from 'react';
import type { PackageCrossCheck } from '../../../shared/api/integrity-types.ts';
import type { PackageImportReport } from '../../../shared/api/package-types.ts';
import { findingKindNames } from '../../../shared/integrity/finding.ts';
import { api } from '../api/api.ts';

export type ImportFindings = ReadonlyMap<number, PackageCrossCheck | { readonly error: string }>;

/** The findings by imported package id, filled in as each check ends. */
export function useImportFindings(reports: readonly PackageImportReport[]): ImportFindings {
  const [found, setFound] = useState<{ readonly reports: readonly PackageImportReport[]; readonly byPackage: ImportFindings }>({ reports, byPackage: new Map() });
  useEffect(() => {
    let live = true;
    const ids = reports.filter((r) => r.outcome === 'imported' && r.packageId !== null).map((r) => r.packageId as number);
    void (async () => {
      const byPackage = new Map<number, PackageCrossCheck | { readonly error: string }>();
      for (const packageId of ids) {
        const result = await api.invoke('package-cross-check', { packageId });
        if (!live) return;
        byPackage.set(packageId, result.ok ? result.value : { error: result.error.message });
        setFound({ reports, byPackage: new Map(byPackage) });
      }
    })();
    return () => {
      live = false;
    };
  }, [reports]);
  return found.reports === reports ? found.byPackage : new Map();
}

export function ImportFindingsView({ report, findings }: { readonly report: PackageImportReport; readonly findings: ImportFindings }) {
  if (report.outcome !== 'imported' || report.packageId === null) return null;
  const check = findings.get(report.packageId);
  if (check === undefined) return <p className="muted small" data-testid="import-findings-pending">正在进行材料核查（与同年度的其他材料包和往年的材料包比较）……</p>;
  if ('error' in check) return <p className="muted small">材料核查没有完成：{check.error}</p>;
  return (
    <div className="import-findings" data-testid="import-findings">
      <p className="small">
        材料核查：与 {check.year} 年度的 {check.packages} 个材料包{check.earlierPackages > 0 ? `和往年的 ${check.earlierPackages} 个材料包` : ''}比较，
        {check.findings.length === 0 ? '没有发现需要核对的情况。' : `有 ${check.findings.length} 条提示涉及这个材料包（只是提示，不是结论，也不改变分数；主任控制台的“材料核查”页可写批注）：`}
      </p>
      {check.findings.length > 0 && (
        <ul className="problems">
          {check.findings.map((finding, i) => (
            <li key={i} className="warning" data-testid="import-finding" data-kind={finding.kind}>
              <span className="severity">{findingKindNames[finding.kind]}</span> {finding.detail}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
