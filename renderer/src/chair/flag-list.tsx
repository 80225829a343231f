/**
 * Flags (标记) with their explanation and the chair's note: each flag must have a note before the
 * year can be finalized (kept as a finding, e.g. 经合议维持原评分). A note answers the exact flag;
 * earlier notes of it are listed under it. Alliances whose outcome is unstable come first
 * (flag-agenda.ts).
 *
 * Several flags can share one note: the chair ticks them (or all of one kind, or all without a
 * note) and writes the words once; main still notes and logs each flag on its own
 * (flag-notes.ts). Enter in a note field saves it; a save runs once however often it is pressed.
 */
import { useState, type KeyboardEvent } from 'react';
import type { FlagView, PanelView } from '../../../shared/api/chair-types.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { flagKindText } from '../../../shared/result/flag-explanation.ts';
import { api } from '../api/api.ts';
import { useUnsavedText } from '../common/unsaved-text.ts';
import type { DrillTarget } from './drill-target.ts';
import { DeviationView } from './deviation-view.tsx';
import { flagAgenda } from './flag-agenda.ts';
import { Changes } from './changes.tsx';

const SUGGESTIONS = ['经合议维持原评分', '经合议，请专家复核后重新签名', '已与纸质原件核对一致'];

export function FlagList(props: {
  readonly view: PanelView;
  readonly actor: string;
  readonly onChanged: (view: PanelView) => void;
  readonly onDrill: (target: DrillTarget) => void;
  readonly onSelect: (allianceId: string) => void;
}) {
  const { view } = props;
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  if (view.flags.length === 0) return <p className="muted">没有需要主任审阅的标记。</p>;
  // A re-signed sheet can change the flags: only keys of flags shown now stay picked.
  const current = new Set(view.flags.map((f) => f.key));
  const chosen = [...picked].filter((key) => current.has(key));
  const toggle = (key: string, on: boolean) =>
    setPicked((set) => {
      const next = new Set(set);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
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
      {view.lock === null && <BulkNote {...props} chosen={chosen} onPick={setPicked} />}
      <ol className="flag-items">
        {flagAgenda(view.flags).map((flag) => (
          <FlagItem key={flag.key} flag={flag} {...props} picked={current.has(flag.key) && picked.has(flag.key)} onPick={(on) => toggle(flag.key, on)} />
        ))}
      </ol>
    </section>
  );
}

/** Enter saves a one-line note (not while an input method is composing); the caller guards repeats. */
function saveOnEnter(save: () => void) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };
}

/** The toolbar for one note on several flags: pick by kind or all without a note, then write it once. */
function BulkNote({
  view,
  actor,
  onChanged,
  chosen,
  onPick,
}: Parameters<typeof FlagList>[0] & { readonly chosen: readonly string[]; readonly onPick: (keys: ReadonlySet<string>) => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'notice'; text: string } | null>(null);
  useUnsavedText(note.trim() !== '');
  const kinds = [...new Set(view.flags.map((f) => f.flag.kind))];
  const save = async () => {
    if (busy || chosen.length === 0 || note.trim() === '') return;
    setBusy(true);
    setMessage(null);
    const result = await api.invoke('flag-notes-save', { meetingId: view.meeting.id, actor, flagKeys: [...chosen], note }).finally(() => setBusy(false));
    if (result.ok) {
      setMessage({ kind: 'notice', text: `已对 ${chosen.length} 个标记保存意见“${note.trim()}”，每个标记分别记入审计日志。` });
      setNote('');
      onPick(new Set());
      onChanged(result.value);
    } else setMessage({ kind: 'error', text: result.error.message });
  };
  return (
    <Changes>
      <div className="flag-bulk" role="group" aria-label="对多个标记写同一意见" data-testid="flag-bulk">
        <span>选择：</span>
        <button type="button" className="secondary small" onClick={() => onPick(new Set(view.flags.filter((f) => f.note === null).map((f) => f.key)))}>
          全部待说明的
        </button>
        {kinds.map((kind) => (
          <button key={kind} type="button" className="secondary small" onClick={() => onPick(new Set(view.flags.filter((f) => f.flag.kind === kind).map((f) => f.key)))}>
            全部“{flagKindText(kind, view.meeting.deviationThreshold).label}”
          </button>
        ))}
        <button type="button" className="link small" onClick={() => onPick(new Set())} disabled={chosen.length === 0}>
          清除选择
        </button>
        <input
          className="bulk-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={saveOnEnter(() => void save())}
          placeholder={chosen.length === 0 ? '先勾选标记，再写一条共同的意见' : `对所选 ${chosen.length} 个标记的意见`}
          aria-label="所选标记的共同意见"
          list="note-suggestions"
          disabled={chosen.length === 0}
          maxLength={2000}
        />
        <button type="button" onClick={() => void save()} disabled={busy || chosen.length === 0 || note.trim() === ''}>
          {busy ? '正在保存……' : `对所选 ${chosen.length} 个标记保存意见`}
        </button>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={`${message.kind} small`} data-testid="flag-bulk-message">
            {message.text}
          </p>
        )}
      </div>
    </Changes>
  );
}

function FlagItem({
  flag,
  view,
  actor,
  onChanged,
  onDrill,
  onSelect,
  picked,
  onPick,
}: { readonly flag: FlagView; readonly picked: boolean; readonly onPick: (on: boolean) => void } & Parameters<typeof FlagList>[0]) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sideBySide, setSideBySide] = useState(false);
  useUnsavedText(note.trim() !== '');
  const comparable = flag.flag.kind === 'deviation' || flag.flag.kind === 'spread';
  const text = flagKindText(flag.flag.kind, view.meeting.deviationThreshold);
  const locked = view.lock !== null;
  const save = async () => {
    if (busy || note.trim() === '') return;
    setBusy(true);
    setError(null);
    const result = await api.invoke('flag-note-save', { meetingId: view.meeting.id, actor, flagKey: flag.key, note }).finally(() => setBusy(false));
    if (result.ok) {
      setNote('');
      onChanged(result.value);
    } else setError(result.error.message);
  };
  const who = flag.flag.expert === undefined || flag.flag.expert === null ? '' : `${flag.flag.expert} ${view.experts.find((e) => e.id === flag.flag.expert)?.name ?? ''}`;
  return (
    <li className={`flag-item ${flag.flag.kind}${flag.note === null ? ' unnoted' : ''}`} data-testid="flag-item" data-kind={flag.flag.kind} data-alliance={flag.allianceId}>
      <div className="flag-head">
        {!locked && (
          <Changes>
            <input
              type="checkbox"
              className="flag-pick"
              checked={picked}
              onChange={(e) => onPick(e.target.checked)}
              aria-label={`选择 ${flag.allianceId} ${text.label} 标记`}
            />
          </Changes>
        )}
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
        {comparable && (
          <button type="button" className="secondary small" aria-expanded={sideBySide} onClick={() => setSideBySide((on) => !on)}>
            {sideBySide ? '收起并排对照' : '并排对照'}
          </button>
        )}
      </div>
      <p className="flag-detail">{flag.flag.detail}</p>
      {comparable && sideBySide && <DeviationView flag={flag} view={view} onDrill={onDrill} />}
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
        <Changes>
          <div className="note-form">
            <input
              value={note}
              onChange={(e) => setNote(e.target.value)}
              onKeyDown={saveOnEnter(() => void save())}
              placeholder={flag.note ? '修改意见（原意见保留在记录中）' : '写明处理意见'}
              aria-label={`对 ${flag.allianceId} ${text.label} 标记的意见`}
              list="note-suggestions"
            />
            <button type="button" onClick={() => void save()} disabled={note.trim() === '' || busy}>
              保存意见
            </button>
          </div>
        </Changes>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
