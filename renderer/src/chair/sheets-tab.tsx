/**
 * Sheets (评分表): the chair imports the experts' signed sheets (several files, a whole USB
 * folder, or dropped on the page), sees a report per file (every refusal names the file and the
 * reason; a known expert signing with another key is shown as a warning), confirms each new key
 * by typing the fingerprint the expert reads out, and sees every sheet with its status, history
 * included.
 */
import { useEffect, useRef, useState, type DragEvent, type InputHTMLAttributes } from 'react';
import type { PendingKeyView, SheetImportReport, SheetsView } from '../../../shared/api/chair-types.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { api } from '../api/api.ts';
import { useChannelValue } from '../api/use-channel-value.ts';
import { fileSources } from '../meeting/file-sources.ts';
import { Changes, useObserving } from './changes.tsx';
import { SHEET_STATUS_LABELS } from './flag-labels.ts';

const OUTCOME_LABELS: Readonly<Record<SheetImportReport['outcome'], string>> = {
  counted: '已导入，计入结果',
  supersedes: '已导入，取代该专家先前的评分表（旧表保留在记录中）',
  'awaiting-fingerprint': '已导入，待核对指纹后计入',
  'already-imported': '已导入过，未重复导入',
  refused: '未导入',
};

/** `webkitdirectory` is not in React's attribute types; it makes the input pick a folder. */
const folderPicker = { webkitdirectory: '' } as InputHTMLAttributes<HTMLInputElement>;

export function SheetsTab({ meetingId, actor, onChanged }: { readonly meetingId: number; readonly actor: string; readonly onChanged: () => void }) {
  const [reports, setReports] = useState<readonly SheetImportReport[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [sheets, setSheets] = useChannelValue('chair-sheet-list', { meetingId }, { again: generation, onError: setMessage });
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const observing = useObserving();
  const pendingSection = useRef<HTMLElement>(null);

  // Files chosen before the 操作人 was filled in: kept, so that the chair need not find them again.
  const [waiting, setWaiting] = useState<readonly File[] | null>(null);

  const importFiles = async (picked: readonly File[]) => {
    if (picked.length === 0) return;
    if (actor.trim() === '') {
      setMessage(null);
      setReports([]);
      setWaiting(picked);
      return;
    }
    setWaiting(null);
    setBusy(true);
    setMessage(null);
    setReports([]);
    const sources = await fileSources(picked);
    if (!sources.ok) {
      setBusy(false);
      setMessage(sources.message);
      return;
    }
    const result = await api.invoke('chair-sheet-import', { meetingId, actor, sources: sources.sources });
    setBusy(false);
    if (result.ok) setReports(result.value);
    else setMessage(result.error.message);
    setGeneration((g) => g + 1);
    onChanged();
  };

  const decided = (view: SheetsView) => {
    setSheets(view);
    onChanged();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    // A drop is an import: not in 监督查看, as the buttons are not.
    if (observing) return;
    void importFiles([...event.dataTransfer.files]);
  };

  return (
    <div
      className={`sheets-tab${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <section className="panel" aria-labelledby="import-sheets-title">
        <h2 id="import-sheets-title">导入评分表</h2>
        <Changes>
          <div className="actions">
            <button type="button" onClick={() => files.current?.click()} disabled={busy || sheets?.locked === true}>
              选择评分表文件…
            </button>
            <button type="button" className="secondary" onClick={() => folder.current?.click()} disabled={busy || sheets?.locked === true}>
              导入整个文件夹…
            </button>
          </div>
          <input
            ref={files}
            type="file"
            accept=".json"
            multiple
            hidden
            data-testid="sheet-file-input"
            onChange={(e) => {
              const picked = [...(e.target.files ?? [])];
              e.target.value = '';
              void importFiles(picked);
            }}
          />
          <input
            ref={folder}
            type="file"
            multiple
            hidden
            {...folderPicker}
            data-testid="sheet-folder-input"
            onChange={(e) => {
              const picked = [...(e.target.files ?? [])].filter((f) => f.name.toLowerCase().endsWith('.sheet.json'));
              e.target.value = '';
              void importFiles(picked);
            }}
          />
        </Changes>
        <p className="hint">可一次选择多个 .sheet.json，也可选择 U 盘上的文件夹（其中全部 .sheet.json），或把文件直接拖到本页。每份评分表都核对签名、名册、材料包版本和完整性；新密钥须核对指纹后才计入。</p>
        {busy && <p role="status">正在导入……</p>}
        {waiting && (
          <div className="notice" role="status" data-testid="sheets-waiting">
            <p>
              已选择 {waiting.length} 份评分表（{waiting.slice(0, 5).map((f) => f.name).join('、')}{waiting.length > 5 ? ' 等' : ''}），还没有导入：导入记入审计日志，请先在页面顶部填写“操作人”（您的姓名），再点下面的按钮。
            </p>
            <button type="button" onClick={() => void importFiles(waiting)} disabled={busy || actor.trim() === ''}>
              导入这 {waiting.length} 份评分表
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setWaiting(null)}>
              不导入
            </button>
          </div>
        )}
        {message && (
          <p role="alert" className="error">
            {message}
          </p>
        )}
        {reports.length > 0 && <ImportReports reports={reports} />}
        {/* The next step is below the reports, often below the fold: say so, and take the chair there. */}
        {reports.length > 0 && sheets !== null && sheets.pendingKeys.length > 0 && (
          <p className="next-step">
            <button
              type="button"
              onClick={() => {
                pendingSection.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
                pendingSection.current?.querySelector<HTMLInputElement>('input.readout')?.focus({ preventScroll: true });
              }}
            >
              下一步：核对 {sheets.pendingKeys.length} 位专家的指纹 ↓
            </button>
          </p>
        )}
      </section>

      {sheets && sheets.pendingKeys.length > 0 && (
        <section ref={pendingSection} className="panel pending-keys" aria-labelledby="pending-title">
          <h2 id="pending-title">核对指纹（{sheets.pendingKeys.length}）</h2>
          <p className="hint">请专家本人念出签名时屏幕上显示的指纹（或对照纸质签到表），在下面输入。一致才确认；不一致请拒绝，该密钥签的评分表不会计入。</p>
          {sheets.pendingKeys.map((key) => (
            <PendingKey key={key.publicKey} pending={key} meetingId={meetingId} actor={actor} onDecided={decided} />
          ))}
        </section>
      )}

      <section className="panel" aria-labelledby="sheet-list-title">
        <h2 id="sheet-list-title">已导入的评分表</h2>
        {sheets === null ? (
          <p className="muted">正在读取……</p>
        ) : sheets.sheets.length === 0 ? (
          <p className="muted">还没有导入评分表。</p>
        ) : (
          <table className="table compact" aria-label="已导入的评分表">
            <thead>
              <tr>
                <th scope="col">专家</th>
                <th scope="col">状态</th>
                <th scope="col">签名时间</th>
                <th scope="col">密钥指纹</th>
                <th scope="col">文件</th>
                <th scope="col">导入</th>
              </tr>
            </thead>
            <tbody>
              {sheets.sheets.map((s) => (
                <tr key={s.id} data-testid="sheet-row" data-expert={s.expertId} data-status={s.status} className={`status-${s.status}`}>
                  <td>
                    {s.expertId} {s.expertName}
                  </td>
                  <td>
                    <span className={`sheet-status ${s.status}`}>{SHEET_STATUS_LABELS[s.status]}</span>
                  </td>
                  <td>{chinaDateTime(s.signedAt)}</td>
                  <td>
                    <code>{s.fingerprint}</code>
                  </td>
                  <td className="small">{s.sourceName}</td>
                  <td className="small">
                    {chinaDateTime(s.importedAt)} {s.importedBy}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {sheets && sheets.keys.length > 0 && (
          <p className="small muted">
            已核对的密钥：
            {sheets.keys.map((k) => `${k.expertId} ${k.fingerprint} ${k.decision === 'confirmed' ? '已确认' : '已拒绝'}（${k.decidedBy}）`).join('；')}
          </p>
        )}
      </section>
    </div>
  );
}

function ImportReports({ reports }: { readonly reports: readonly SheetImportReport[] }) {
  return (
    <div className="import-reports" aria-label="导入报告">
      {reports.map((report, i) => {
        const loud = report.problems.some((p) => p.code === 'expert-key-changed' || p.code === 'expert-key-pending' || p.code === 'key-two-experts');
        return (
          <article
            key={`${report.source}-${i}`}
            className={`report report-${report.outcome === 'refused' ? 'refused' : report.outcome === 'already-imported' ? 'already-imported' : 'imported'}${loud ? ' loud' : ''}`}
            data-testid="sheet-report"
            data-outcome={report.outcome}
            role={loud ? 'alert' : undefined}
          >
            <h3>
              {report.source} <span className="outcome">{OUTCOME_LABELS[report.outcome]}</span>
            </h3>
            {report.expertId && (
              <p className="muted">
                {report.expertId} {report.expertName} · 指纹 <code>{report.fingerprint}</code> · 签于 {report.signedAt === null ? '—' : chinaDateTime(report.signedAt)}
              </p>
            )}
            {report.problems.length > 0 && (
              <ul className="problems">
                {report.problems.map((p, j) => (
                  <li key={j} className={report.outcome === 'refused' ? 'error' : 'warning'}>
                    <span className="severity">{report.outcome === 'refused' ? '原因' : '说明'}</span>
                    {p.message}
                  </li>
                ))}
              </ul>
            )}
          </article>
        );
      })}
    </div>
  );
}

function PendingKey(props: {
  readonly pending: PendingKeyView;
  readonly meetingId: number;
  readonly actor: string;
  readonly onDecided: (view: SheetsView) => void;
}) {
  const { pending } = props;
  const [readOut, setReadOut] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorLine = useRef<HTMLParagraphElement>(null);
  // The buttons sit at the bottom of the window as often as not: the refusal under them is brought into view.
  useEffect(() => {
    if (error !== null) errorLine.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  const decide = async (decision: 'confirm' | 'reject') => {
    setError(null);
    const result = await api.invoke('chair-key-decide', {
      meetingId: props.meetingId,
      actor: props.actor,
      publicKey: pending.publicKey,
      decision,
      readOut,
    });
    if (result.ok) props.onDecided(result.value);
    else setError(result.error.message);
  };
  return (
    <div className="pending-key" data-testid="pending-key" data-expert={pending.expertId}>
      <div>
        <strong>
          {pending.expertId} {pending.expertName}
        </strong>
        <span className="muted small"> {pending.sheetCount} 份评分表</span>
      </div>
      <div>
        评分表上的指纹 <strong className="fingerprint-big">{pending.fingerprint}</strong>
      </div>
      <Changes>
        <label>
          专家念出的指纹
          <input
            value={readOut}
            onChange={(e) => setReadOut(e.target.value)}
            placeholder="如 3f9a 0c11 7be2 d405"
            aria-label={`${pending.expertId} 念出的指纹`}
            className="readout"
          />
        </label>
        <div className="actions">
          <button type="button" onClick={() => void decide('confirm')}>
            一致，确认
          </button>
          <button type="button" className="danger" onClick={() => void decide('reject')}>
            不一致，拒绝
          </button>
        </div>
      </Changes>
      {error && (
        <p ref={errorLine} role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
