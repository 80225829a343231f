/**
 * 专家组结论: the panel's conclusion on each alliance, written by the chair before the lock; the
 * latest text counts, each save is an audit log entry, and the conclusions go into the signed
 * panel record beside the result documents. Beside it, the observer's notes (监督意见) so far.
 */
import { useState } from 'react';
import type { PanelView } from '../../../shared/api/chair-types.ts';
import type { PanelRecordView } from '../../../shared/api/panel-record-types.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { api } from '../api/api.ts';
import { ObserverNotes } from './observer-bar.tsx';
import { Changes } from './changes.tsx';

interface ConclusionProps {
  readonly view: PanelView;
  readonly actor: string;
  readonly record: PanelRecordView | null;
  readonly onRecord: (record: PanelRecordView) => void;
}

export function ConclusionSection({ view, actor, record, onRecord }: ConclusionProps) {
  const alliances = view.result?.alliances ?? [];
  return (
    <>
      <section className="panel" aria-labelledby="conclusions-title">
        <h2 id="conclusions-title">专家组结论</h2>
        <p className="hint">每个联盟写一段专家组的结论（如“运行规范，建议评为优秀”）；保存后记入审计日志，并随定稿结果写入签名的专家组记录。定稿后不能再改。</p>
        {alliances.length === 0 ? (
          <p className="muted">还没有汇总结果：导入评分表后，这里按联盟列出，供填写专家组结论。</p>
        ) : (
          <ul className="conclusions">
            {alliances.map((a) => (
              <ConclusionRow
                key={a.allianceId}
                meetingId={view.meeting.id}
                allianceId={a.allianceId}
                allianceName={a.name}
                locked={view.lock !== null}
                actor={actor}
                record={record}
                onRecord={onRecord}
              />
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="observer-notes-title">
        <h2 id="observer-notes-title">监督意见</h2>
        <p className="hint">监督人在“监督查看”模式下添加的意见，带姓名和时间，写入专家组记录。</p>
        <ObserverNotes record={record} />
      </section>
    </>
  );
}

interface RowProps {
  readonly meetingId: number;
  readonly allianceId: string;
  readonly allianceName: string;
  readonly locked: boolean;
  readonly actor: string;
  readonly record: PanelRecordView | null;
  readonly onRecord: (record: PanelRecordView) => void;
}

function ConclusionRow({ meetingId, allianceId, allianceName, locked, actor, record, onRecord }: RowProps) {
  const saved = record?.conclusions.find((c) => c.allianceId === allianceId) ?? null;
  // What the chair typed and has not saved; null shows the saved text (which may arrive after
  // the first render, the record being read on its own).
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? saved?.text ?? '';
  const setText = setDraft;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = text.trim() !== '' && text.trim() !== (saved?.text ?? '');
  const save = async () => {
    setBusy(true);
    setError(null);
    const outcome = await api.invoke('panel-conclusion-save', { meetingId, actor, allianceId, text });
    setBusy(false);
    if (outcome.ok) {
      onRecord(outcome.value);
      setDraft(null);
    } else setError(outcome.error.message);
  };
  return (
    <li className="conclusion" data-testid="conclusion" data-alliance={allianceId}>
      <Changes>
        <label>
          <strong>{allianceName}</strong>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={2000} disabled={locked} aria-label={`${allianceName} 的专家组结论`} />
        </label>
        <span className="conclusion-state">
          {saved === null ? <span className="muted">未填写</span> : <span className="muted">已保存（{saved.by}，{chinaDateTime(saved.at)}）</span>}
          {!locked && (
            <button type="button" className="small" disabled={busy || !changed} onClick={() => void save()}>
              保存结论
            </button>
          )}
        </span>
      </Changes>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </li>
  );
}
