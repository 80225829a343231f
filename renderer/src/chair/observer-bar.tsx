/**
 * 监督查看: the observer follows the console and the audit log on the chair's laptop. Entering
 * asks the observer's name; while on, every control of the console that would change something
 * is disabled (changes.tsx), what only shows stays usable, and the main process refuses every
 * change anyway
 * (electron/ipc/observer-gate.ts). The observer adds notes (监督意见), kept with their name and
 * time in the audit log and written into the signed panel record. Leaving takes two clicks:
 * 结束监督查看, then 确认结束.
 */
import { useState } from 'react';
import type { PanelRecordView } from '../../../shared/api/panel-record-types.ts';
import type { Result } from '../../../shared/api/result.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { api } from '../api/api.ts';
import './observer.css';

interface ObserverBarProps {
  readonly meetingId: number;
  readonly record: PanelRecordView | null;
  readonly onRecord: (record: PanelRecordView) => void;
}

export function ObserverBar({ meetingId, record, onRecord }: ObserverBarProps) {
  const [entering, setEntering] = useState(false);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const observer = record?.observer ?? null;

  const run = async (request: () => Promise<Result<PanelRecordView>>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await request();
      if (outcome.ok) onRecord(outcome.value);
      else setError(outcome.error.message);
      return outcome.ok;
    } finally {
      setBusy(false);
    }
  };

  if (observer === null) {
    return (
      <div className="observer-bar" data-testid="observer-bar">
        {entering ? (
          <form
            className="observer-enter"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => api.invoke('observer-start', { meetingId, name })).then((ok) => {
                if (ok) setEntering(false);
              });
            }}
          >
            <label>
              监督人姓名
              <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoFocus placeholder="如 市纪委监委驻局纪检组 刘芳" />
            </label>
            <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
              进入监督查看
            </button>
            <button type="button" onClick={() => setEntering(false)}>
              取消
            </button>
            <span className="hint">进入后本机只能查看，不能修改任何内容，直到点“结束监督查看”。</span>
          </form>
        ) : (
          <button type="button" onClick={() => setEntering(true)}>
            监督查看
          </button>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </div>
    );
  }

  return (
    <section className="observer-bar on" aria-labelledby="observer-title" data-testid="observer-bar">
      <div className="observer-head">
        <h3 id="observer-title">监督查看中</h3>
        <span data-testid="observer-name">
          监督人：{observer.name}（{chinaDateTime(observer.since)} 起）
        </span>
        <span className="hint">本机现在只能查看：评分、标记、定稿、导出等一切修改都已停用。</span>
        {confirmEnd ? (
          <span className="observer-end">
            <strong>确认结束监督查看？</strong>
            <button type="button" className="primary" disabled={busy} onClick={() => void run(() => api.invoke('observer-end', { meetingId })).then(() => setConfirmEnd(false))}>
              确认结束
            </button>
            <button type="button" onClick={() => setConfirmEnd(false)}>
              继续监督
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirmEnd(true)}>
            结束监督查看
          </button>
        )}
      </div>
      <form
        className="observer-note"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.invoke('observer-note-add', { meetingId, text: note })).then((ok) => {
            if (ok) setNote('');
          });
        }}
      >
        <label>
          监督意见（记入审计日志和专家组记录）
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
        </label>
        <button type="submit" className="primary" disabled={busy || note.trim() === ''}>
          添加监督意见
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ObserverNotes record={record} />
    </section>
  );
}

/** The observer's notes so far, for the observer and the chair alike. */
export function ObserverNotes({ record }: { readonly record: PanelRecordView | null }) {
  const notes = record?.observerNotes ?? [];
  if (notes.length === 0) return <p className="muted">还没有监督意见。</p>;
  return (
    <ol className="observer-notes" data-testid="observer-notes">
      {notes.map((n, i) => (
        <li key={`${n.at}-${i}`}>
          <span className="observer-note-text">{n.text}</span>
          <span className="muted">
            {' '}
            —— {n.name}，{chinaDateTime(n.at)}
          </span>
        </li>
      ))}
    </ol>
  );
}
