/**
 * 补正: the chair asks an alliance for what is missing from its package, by a date. Each
 * request is audit-logged and shows here as open until the alliance's corrected package is
 * imported as a new version (then: answered, with the version). The experts' decisions on
 * unchanged claims are carried over to the new version for them to confirm (electron/package-store/carry-over.ts).
 */
import { useState } from 'react';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { api } from '../api/api.ts';
import { useChannelValue } from '../api/use-channel-value.ts';
import { DateField } from '../common/date-field.tsx';
import { Changes } from './changes.tsx';

export interface ClarificationPanelProps {
  readonly meetingId: number;
  readonly actor: string;
  readonly locked: boolean;
}

export function ClarificationPanel({ meetingId, actor, locked }: ClarificationPanelProps) {
  const [error, setError] = useState<string | null>(null);
  const [list, setList] = useChannelValue('clarification-list', { meetingId }, { onError: setError });
  const [allianceId, setAllianceId] = useState('');
  const [missing, setMissing] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const result = await api.invoke('clarification-request', { meetingId, actor, allianceId, missing, dueOn });
    setBusy(false);
    if (result.ok) {
      setList(result.value);
      // The typed text is cleared only once it is stored.
      setMissing('');
    } else {
      setError(result.error.message);
    }
  };

  const open = list?.requests.filter((r) => r.answeredVersion === null).length ?? 0;
  const ready = allianceId !== '' && missing.trim() !== '' && dueOn !== '' && actor.trim() !== '';
  return (
    <section className="panel clarifications" aria-labelledby="clarifications-title">
      <h2 id="clarifications-title">补正（{open} 项待联盟补正）</h2>
      <p className="hint">
        材料缺漏需要联盟补正时，在此写明缺什么、何时前交。联盟交来补正后的材料包由会务人员导入（新版本），该项即标为“已补正”；专家对未改动申报项的评定自动沿用，待专家确认，改动的申报项须重新评定。
      </p>
      {list !== null && list.requests.length > 0 && (
        <table className="clarification-table">
          <thead>
            <tr>
              <th>联盟</th>
              <th>需补正的材料</th>
              <th>期限</th>
              <th>提出</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {list.requests.map((r) => (
              <tr key={r.id} data-testid="clarification-row">
                <td>
                  {r.allianceId} {r.allianceName}
                </td>
                <td className="clarification-missing">{r.missing}</td>
                <td>{r.dueOn}</td>
                <td className="small">
                  {r.requestedBy}，{chinaDateTime(r.requestedAt)}
                </td>
                <td>
                  {r.answeredVersion === null ? (
                    <span className="status-pill open-item">待补正</span>
                  ) : (
                    <span className="status-pill done">
                      已补正（第 {r.answeredVersion} 版，{r.answeredAt === null ? '' : chinaDateTime(r.answeredAt)}）
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!locked && list !== null && (
        <Changes>
          <div className="clarification-form">
            <label>
              联盟
              <select value={allianceId} onChange={(e) => setAllianceId(e.target.value)} aria-label="要求补正的联盟">
                <option value="">请选择联盟</option>
                {list.alliances.map((a) => (
                  <option key={a.allianceId} value={a.allianceId}>
                    {a.allianceId} {a.allianceName}（第 {a.version} 版）
                  </option>
                ))}
              </select>
            </label>
            <label className="clarification-text">
              需补正的材料
              <textarea value={missing} onChange={(e) => setMissing(e.target.value)} rows={2} maxLength={2000} placeholder="例如：I4 技术合同第 2 份缺登记证明，请补交" />
            </label>
            <label>
              补正期限
              <DateField value={dueOn} onChange={setDueOn} label="补正期限" />
            </label>
            <button type="button" disabled={!ready || busy} onClick={() => void submit()} title={actor.trim() === '' ? '请先在页首填写操作人' : undefined}>
              登记补正要求
            </button>
          </div>
        </Changes>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
