/**
 * Flags (标记) with their explanation and the chair's note: each flag must have a note before the
 * year can be finalized (kept as a finding, e.g. 经合议维持原评分). A note answers the exact flag;
 * earlier notes of it are listed under it. Alliances whose outcome is unstable come first
 * (flag-agenda.ts).
 */
import { useState } from 'react';
import type { FlagView, PanelView } from '../../../shared/api/chair-types.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { flagKindText } from '../../../shared/result/flag-explanation.ts';
import { api } from '../api/api.ts';
import type { DrillTarget } from './drill-target.ts';
import { flagAgenda } from './flag-agenda.ts';

const SUGGESTIONS = ['经合议维持原评分', '经合议，请专家复核后重新签名', '已与纸质原件核对一致'];

export function FlagList(props: {
  readonly view: PanelView;
  readonly actor: string;
  readonly onChanged: (view: PanelView) => void;
  readonly onDrill: (target: DrillTarget) => void;
  readonly onSelect: (allianceId: string) => void;
}) {
  const { view } = props;
  if (view.flags.length === 0) return <p className="muted">没有需要主任审阅的标记。</p>;
  return (
    <section className="panel flags" aria-labelledby="flags-title">
      <h2 id="flags-title">
        标记（{view.flags.length}，待说明 {view.flags.filter((f) => f.note === null).length}）
      </h2>
      <p className="hint">每个标记都要写明处理意见后才能定稿；意见作为会议结论记入结果和审计日志。专家修改并重新签名后，数字变化的标记需重新说明。</p>
      <datalist id="note-suggestions">
        {SUGGESTIONS.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <ol className="flag-items">
        {flagAgenda(view.flags).map((flag) => (
          <FlagItem key={flag.key} flag={flag} {...props} />
        ))}
      </ol>
    </section>
  );
}

function FlagItem({ flag, view, actor, onChanged, onDrill, onSelect }: { readonly flag: FlagView } & Parameters<typeof FlagList>[0]) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const text = flagKindText(flag.flag.kind, view.meeting.deviationThreshold);
  const locked = view.lock !== null;
  const save = async () => {
    setError(null);
    const result = await api.invoke('flag-note-save', { meetingId: view.meeting.id, actor, flagKey: flag.key, note });
    if (result.ok) {
      setNote('');
      onChanged(result.value);
    } else setError(result.error.message);
  };
  const who = flag.flag.expert === undefined || flag.flag.expert === null ? '' : `${flag.flag.expert} ${view.experts.find((e) => e.id === flag.flag.expert)?.name ?? ''}`;
  return (
    <li className={`flag-item ${flag.flag.kind}${flag.note === null ? ' unnoted' : ''}`} data-testid="flag-item" data-kind={flag.flag.kind} data-alliance={flag.allianceId}>
      <div className="flag-head">
        <span className={`flag-badge ${flag.flag.kind}`}>{text.label}</span>
        <button type="button" className="link" onClick={() => onSelect(flag.allianceId)}>
          {flag.allianceId} {flag.allianceName}
        </button>
        {who && <span>{who}</span>}
        {flag.flag.indicator && <span>{flag.flag.indicator}</span>}
        {flag.flag.indicator && (
          <button type="button" className="secondary small" onClick={() => onDrill({ allianceId: flag.allianceId, indicatorId: flag.flag.indicator ?? 'I1' })}>
            逐项对照
          </button>
        )}
      </div>
      <p className="flag-detail">{flag.flag.detail}</p>
      <p className="flag-explanation small muted">{text.explanation}</p>
      {flag.note ? (
        <p className="flag-note" data-testid="flag-note">
          主任意见：<strong>{flag.note.text}</strong>{' '}
          <span className="small muted">
            （{flag.note.by}，{chinaDateTime(flag.note.at)}）
          </span>
        </p>
      ) : (
        <p className="flag-note missing">尚无主任意见</p>
      )}
      {flag.history.length > 0 && (
        <ul className="note-history small muted">
          {flag.history.map((n, i) => (
            <li key={i}>
              此前：{n.text}（{n.by}，{chinaDateTime(n.at)}）
            </li>
          ))}
        </ul>
      )}
      {!locked && (
        <div className="note-form">
          <input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={flag.note ? '修改意见（原意见保留在记录中）' : '写明处理意见'}
            aria-label={`对 ${flag.allianceId} ${text.label} 标记的意见`}
            list="note-suggestions"
          />
          <button type="button" onClick={() => void save()} disabled={note.trim() === ''}>
            保存意见
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
