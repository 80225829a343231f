/**
 * Audit log (审计日志): every action that changed this meeting's result, with time and operator,
 * and the verification of the whole hash chain on every display. An edited, deleted or cut-off
 * entry is shown as a warning naming the entry; suspect rows are highlighted.
 */
import { useEffect, useState } from 'react';
import type { AuditView } from '../../../shared/api/chair-types.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { api } from '../api/api.ts';
import { auditDetailText } from './audit-detail.ts';


export function AuditTab({ meetingId, generation }: { readonly meetingId: number; readonly generation: number }) {
  const [audit, setAudit] = useState<AuditView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  useEffect(() => {
    let live = true;
    void api.invoke('audit-log', { meetingId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setAudit(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [meetingId, generation, refresh]);

  if (error) {
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  }
  if (audit === null) return <p className="muted">正在读取……</p>;
  const { verification } = audit;
  const suspect = new Set(verification.suspect);
  return (
    <div className="audit">
      {verification.ok ? (
        <p className="audit-ok" data-testid="audit-status" data-ok="true">
          ✓ 审计日志完整：共 {verification.entryCount} 条，哈希链逐条校验一致。链头指纹 <code>{verification.headFingerprint ?? '—'}</code>
        </p>
      ) : (
        <div className="audit-broken" role="alert" data-testid="audit-status" data-ok="false">
          <p>
            <strong>⚠ 审计日志被改动过！</strong>以下记录与哈希链不符（日志只能追加，正常使用不会出现这种情况）：
          </p>
          <ul>
            {verification.problems.map((p, i) => (
              <li key={i} data-testid="audit-problem">
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" className="secondary small" onClick={() => setRefresh((r) => r + 1)}>
        重新校验
      </button>
      <table className="table compact audit-table" aria-label="审计日志">
        <thead>
          <tr>
            <th scope="col" className="num">序号</th>
            <th scope="col">时间</th>
            <th scope="col">操作人</th>
            <th scope="col">操作</th>
            <th scope="col">内容</th>
            <th scope="col">哈希</th>
          </tr>
        </thead>
        <tbody>
          {audit.entries.map((entry) => (
            <tr key={entry.seq} className={suspect.has(entry.seq) ? 'suspect' : undefined} data-testid="audit-row" data-action={entry.action}>
              <td className="num">{entry.seq}</td>
              <td className="nowrap">{chinaDateTime(entry.at)}</td>
              <td>{entry.actor}</td>
              <td>{entry.actionLabel}</td>
              <td className="small detail">{auditDetailText(entry.detail)}</td>
              <td>
                <code className="small">{entry.hash.slice(0, 12)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
