/**
 * Finalizing (定稿): last year's result (for 取消市级联盟资格), the consequences and the award split
 * with the rule used, what still stands in the way, the lock itself (the result text of format 1
 * and its SHA-256), the publicity list (公示名单) of excellent alliances, saving the locked result,
 * exporting its signed PDFs and workbook (result-documents-panel.tsx), and reopening for one of
 * art. 64's four grounds with a written, logged reason. The lock conditions are listed one by one
 * with ✓/✗ (panel-procedure.ts); the lock button stays disabled while any blocker stands, and
 * the handler refuses the same way whatever the screen shows.
 *
 * Every action is safe to repeat from here: a button is disabled while its call runs, and 定稿
 * asks first in a dialog naming the meeting, how many alliances and what locking means; a second
 * 定稿 of a locked result is answered calmly by main (finalize.ts). The conclusions table lists
 * alliances by rank (shared/result/result-ranking.ts, as the documents print them).
 */
import { useEffect, useRef, useState } from 'react';
import type { PanelView } from '../../../shared/api/chair-types.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { CONSEQUENCE_LABELS } from '../../../shared/panel/consequence.ts';
import type { ReopenGround } from '../../../shared/panel/reopen-grounds.ts';
import { REOPEN_GROUND_LABELS, REOPEN_GROUNDS } from '../../../shared/panel/reopen-grounds.ts';
import { rankAlliances } from '../../../shared/result/result-ranking.ts';
import { api } from '../api/api.ts';
import { useUnsavedText } from '../common/unsaved-text.ts';
import { gradeLabel } from '../common/labels.ts';
import { fileSources } from '../meeting/file-sources.ts';
import { ResultDocumentsPanel } from './result-documents-panel.tsx';
import './procedure.css';
import { Changes } from './changes.tsx';

export function FinalizeTab({ view, actor, onChanged }: { readonly view: PanelView; readonly actor: string; readonly onChanged: () => void }) {
  const meetingId = view.meeting.id;
  const [message, setMessage] = useState<{ kind: 'error' | 'notice'; text: string } | null>(null);
  const [reason, setReason] = useState('');
  const [ground, setGround] = useState<ReopenGround | null>(null);
  const conditions = view.procedure?.conditions ?? [];
  const previousNone = view.procedure?.previousNone ?? null;
  // What stops the lock besides the conditions listed (a package missing, an alliance nobody reviewed).
  const otherBlockers = view.blockers.filter((b) => !conditions.some((c) => c.missing.includes(b)));
  const [folder, setFolder] = useState('');
  const previousInput = useRef<HTMLInputElement>(null);
  const result = view.result;
  const lock = view.lock;
  // While a call runs every action button is disabled: a double click sends one request.
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  useUnsavedText(reason.trim() !== '');

  const run = async <T,>(action: () => Promise<{ ok: true; value?: T } | { ok: false; error: { message: string } }>, done: string | ((value: T | undefined) => string)) => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await action();
      if (outcome.ok) {
        setMessage({ kind: 'notice', text: typeof done === 'string' ? done : done(outcome.value) });
        onChanged();
      } else setMessage({ kind: 'error', text: outcome.error.message });
    } finally {
      setBusy(false);
    }
  };

  const finalize = () => {
    setConfirming(false);
    void run(
      () => api.invoke('panel-finalize', { meetingId, actor }),
      (locked) =>
        locked?.alreadyLocked === true
          ? `结果已于 ${chinaDateTime(locked.lockedAt)} 由 ${locked.lockedBy} 定稿锁定，无需再次定稿。`
          : '结果已定稿锁定。',
    );
  };

  const importPrevious = async (files: readonly File[]) => {
    const sources = await fileSources(files.slice(0, 1));
    const source = sources.ok ? sources.sources[0] : undefined;
    if (!sources.ok || source === undefined) return setMessage({ kind: 'error', text: sources.ok ? '没有选择文件' : sources.message });
    await run(() => api.invoke('previous-result-import', { meetingId, actor, source }), '已导入上一年度结果。');
  };

  return (
    <div className="finalize">
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind} data-testid="finalize-message">
          {message.text}
        </p>
      )}

      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">上一年度结果与考核结论</h2>
        {view.previous ? (
          <p data-testid="previous-summary">
            已导入{view.previous.kind === 'list' ? `上一年度考核等级名单` : ` ${view.previous.year} 年度结果`} <code>{view.previous.sourceName}</code>
            {view.previous.reading !== null && `（${view.previous.reading}）`}：{view.previous.allianceCount} 个联盟，不合格：
            {view.previous.failed.length === 0 ? '无' : view.previous.failed.join('、')}；{view.previous.importedBy} 于 {chinaDateTime(view.previous.importedAt)} 导入。
          </p>
        ) : (
          <p className="muted">
            尚未导入上一年度结果。连续两年不合格的联盟取消市级联盟资格，需要上一年度的结果文件（{view.meeting.year - 1}-result.json），或市科技局的考核等级名单（.xlsx 或
            .csv，含“联盟编号”“考核等级”两列，等级为 优秀 / 合格 / 不合格）才能判断。
          </p>
        )}
        <Changes>
          <input
            ref={previousInput}
            type="file"
            accept=".json,.xlsx,.csv"
            hidden
            data-testid="previous-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void importPrevious(files);
            }}
          />
          <button type="button" className="secondary" onClick={() => previousInput.current?.click()} disabled={lock !== null || busy}>
            导入上一年度结果…
          </button>
          {view.previous === null &&
            (previousNone !== null ? (
              <p data-testid="previous-none">
                {previousNone.by} 于 {chinaDateTime(previousNone.at)} 确认：本会议没有上一年度结果（已记入审计日志）。
              </p>
            ) : (
              <button
                type="button"
                className="secondary"
                disabled={lock !== null || busy}
                onClick={() => void run(() => api.invoke('panel-previous-none', { meetingId, actor }), '已确认本会议没有上一年度结果，记入审计日志。')}
              >
                确认没有上一年度结果
              </button>
            ))}
        </Changes>
        <p className="hint">
          {view.awardRule ??
            (view.meeting.budgetYuan === null
              ? '未填写奖励预算：优秀联盟的奖励金额暂不计算（可在“会议准备”中填写预算）。'
              : `奖励预算 ${view.meeting.budgetYuan} 元；导入评分表、算出优秀联盟后，这里写明每家优秀联盟的奖励金额。`)}
        </p>
        {result && (
          <table className="table compact" aria-label="考核结论" data-testid="consequence-table">
            <thead>
              <tr>
                <th scope="col" className="num">名次</th>
                <th scope="col">联盟</th>
                <th scope="col" className="num">总分</th>
                <th scope="col">等级</th>
                <th scope="col">结论</th>
                <th scope="col">依据</th>
                <th scope="col" className="num">奖励（元）</th>
              </tr>
            </thead>
            <tbody>
              {rankAlliances(result.alliances).map(({ alliance: a, rank }) => (
                <tr key={a.allianceId} data-testid="consequence-row" data-alliance={a.allianceId} data-rank={rank ?? ''}>
                  <td className="num" title={rank === null ? '全部专家回避，没有总分，不排名' : undefined}>
                    {rank ?? '—'}
                  </td>
                  <td>
                    {a.name} <span className="muted small">{a.allianceId}</span>
                  </td>
                  <td className="num">{a.total ?? '—'}</td>
                  <td>{a.grade === null ? '—' : gradeLabel[a.grade]}</td>
                  <td>{a.consequence === null ? '—' : CONSEQUENCE_LABELS[a.consequence]}</td>
                  <td className="small">{view.consequenceReasons[a.allianceId] ?? ''}</td>
                  <td className="num">{a.award === null ? '—' : a.award.toLocaleString('en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {lock === null ? (
        <section className="panel" aria-labelledby="lock-title">
          <h2 id="lock-title">定稿</h2>
          <ul className="lock-conditions" data-testid="lock-conditions" aria-label="定稿条件">
            {conditions.map((c) => (
              <li key={c.id} className={c.met ? 'met' : 'unmet'} data-condition={c.id} data-met={c.met}>
                <span className="cond-mark">{c.met ? '✓' : '✗'}</span> {c.label}
                {c.missing.length > 0 && (
                  <ul className="small">
                    {c.missing.slice(0, 5).map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                    {c.missing.length > 5 && <li className="muted">另有 {c.missing.length - 5} 项</li>}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {view.blockers.length > 0 ? (
            otherBlockers.length > 0 && (
              <>
                <p>此外，以下事项处理完毕后才能定稿：</p>
                <ul className="blockers" data-testid="blockers">
                  {otherBlockers.map((b, i) => (
                    <li key={i}>{b}</li>
                  ))}
                </ul>
              </>
            )
          ) : (
            <p data-testid="blockers-none">定稿条件都已满足，可以定稿。定稿后结果锁定，只有出现财政部令第87号第六十四条所列情形之一，才能写明事由重新开启，并记入审计日志。</p>
          )}
          <Changes>
            <button
              type="button"
              disabled={view.blockers.length > 0 || busy}
              title={view.blockers.length > 0 ? `尚不能定稿：${conditions.filter((c) => !c.met).map((c) => c.label).join('；')}` : undefined}
              onClick={() => setConfirming(true)}
            >
              {busy ? '正在定稿……' : '定稿并锁定结果'}
            </button>
            {confirming && (
              <ConfirmLock
                meetingName={view.meeting.name}
                year={view.meeting.year}
                alliances={result?.alliances.length ?? 0}
                excellent={result?.alliances.filter((a) => a.grade === 'excellent').length ?? 0}
                onConfirm={finalize}
                onCancel={() => setConfirming(false)}
              />
            )}
          </Changes>
          {view.blockers.length > 0 && (
            <p className="hint" data-testid="lock-unmet">
              尚不能定稿。未满足：{conditions.filter((c) => !c.met).map((c) => c.label).join('；') || '见上'}。
            </p>
          )}
        </section>
      ) : (
        <section className="panel locked-panel" aria-labelledby="lock-title">
          <h2 id="lock-title">已定稿</h2>
          <p data-testid="lock-info">
            {chinaDateTime(lock.lockedAt)} 由 {lock.lockedBy} 定稿。结果文件（格式 1）SHA-256：<code data-testid="lock-sha">{lock.resultSha256}</code>
            {lock.intact ? (
              <span className="ok"> 校验一致</span>
            ) : (
              <strong className="error" role="alert">
                {' '}
                ⚠ 保存的结果与其 SHA-256 不符，数据被改动过！
              </strong>
            )}
          </p>
          {lock.auditHead && <p className="small muted">定稿时审计日志链头指纹：{lock.auditHead}（建议抄录在会议纪要上）</p>}
          <h3>公示名单（考核优秀的联盟）</h3>
          {lock.publicity.length === 0 ? (
            <p className="muted">本年度没有考核优秀的联盟。</p>
          ) : (
            <table className="table compact" data-testid="publicity-list" aria-label="公示名单">
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">联盟</th>
                  <th scope="col" className="num">总分</th>
                  <th scope="col" className="num">奖励（元）</th>
                </tr>
              </thead>
              <tbody>
                {lock.publicity.map((p) => (
                  <tr key={p.allianceId}>
                    <td>{p.rank}</td>
                    <td>
                      {p.name} <span className="muted small">{p.allianceId}</span>
                    </td>
                    <td className="num">{p.total}</td>
                    <td className="num">{p.award === null ? '—' : p.award.toLocaleString('en-US')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Changes>
            <div className="setting-row">
              <label className="grow">
                保存定稿结果到文件夹
                <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="例如 E:\ 或 /media/usb" aria-label="保存到文件夹" />
              </label>
              {api.pathForFile && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void api.invoke('sheet-folder-pick', {}).then((picked) => {
                      if (picked.ok && picked.value !== null) setFolder(picked.value);
                    })
                  }
                >
                  选择文件夹…
                </button>
              )}
              <button
                type="button"
                className="secondary"
                disabled={folder.trim() === ''}
                onClick={() =>
                  void (async () => {
                    setMessage(null);
                    const saved = await api.invoke('panel-result-export', { meetingId, folder });
                    setMessage(saved.ok ? { kind: 'notice', text: `已保存 ${saved.value.resultPath} 和 ${saved.value.publicityPath}。` } : { kind: 'error', text: saved.error.message });
                  })()
                }
              >
                保存结果与公示名单
              </button>
            </div>
            <ResultDocumentsPanel meetingId={meetingId} year={view.meeting.year} />
          </Changes>
          <h3>重新开启</h3>
          <p className="hint">
            定稿后只有出现财政部令第87号第六十四条所列情形之一才能重新开启：请选择事由并写明具体情况。事由、理由和操作人记入审计日志并保存在定稿记录中，本次定稿的记录保留。
          </p>
          <Changes>
            <fieldset className="reopen-grounds" aria-label="重新开启的法定事由">
              {REOPEN_GROUNDS.map((g) => (
                <label key={g} className="inline">
                  <input type="radio" name="reopen-ground" checked={ground === g} onChange={() => setGround(g)} /> {REOPEN_GROUND_LABELS[g]}
                </label>
              ))}
            </fieldset>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} placeholder="写明重新开启的理由" aria-label="重新开启的理由" className="reason" />
            <div>
              <button
                type="button"
                className="danger"
                disabled={reason.trim() === '' || ground === null || busy}
                onClick={() =>
                  void run(async () => {
                    if (ground === null) return { ok: false, error: { message: '请选择重新开启的法定事由。' } };
                    const reopened = await api.invoke('panel-reopen', { meetingId, actor, ground, reason });
                    if (reopened.ok) {
                      setReason('');
                      setGround(null);
                    }
                    return reopened;
                  }, '已重新开启，可以修改；再次定稿时将生成新的定稿记录。')
                }
              >
                重新开启
              </button>
            </div>
          </Changes>
        </section>
      )}

      {view.reopenings.length > 0 && (
        <section className="panel" aria-labelledby="reopen-title">
          <h2 id="reopen-title">定稿与重新开启记录</h2>
          <ul className="reopen-list">
            {view.reopenings.map((r, i) => (
              <li key={i} data-testid="reopening">
                {chinaDateTime(r.lockedAt)} {r.lockedBy} 定稿（<code>{r.resultSha256.slice(0, 16)}…</code>）；{chinaDateTime(r.reopenedAt)} {r.reopenedBy} 重新开启，事由：{r.ground === null ? '（未选择事由）' : REOPEN_GROUND_LABELS[r.ground]}；理由：{r.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/**
 * The question before 定稿, as a modal <dialog> (focus stays inside, Esc cancels). The focus
 * starts on 取消: Enter alone must not lock the year's result.
 */
function ConfirmLock(props: {
  readonly meetingName: string;
  readonly year: number;
  readonly alliances: number;
  readonly excellent: number;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-lock"
      aria-labelledby="confirm-lock-title"
      data-testid="confirm-lock"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="confirm-lock-title">确认定稿</h2>
      <p>
        将对“{props.meetingName}”（{props.year} 年度）的 <strong>{props.alliances}</strong> 个联盟的考核结果定稿锁定（其中考核优秀 {props.excellent} 个）。
      </p>
      <ul>
        <li>定稿后不能再导入评分表、录入纸质评分表、修改标记意见或会议设置；结果文件及其 SHA-256 记入审计日志。</li>
        <li>只有出现财政部令第87号第六十四条所列情形之一，才能由主任写明事由后重新开启，并记入审计日志。</li>
      </ul>
      <div className="actions">
        <button type="button" onClick={props.onConfirm}>
          确认定稿
        </button>
        <button type="button" className="secondary" autoFocus onClick={props.onCancel}>
          取消
        </button>
      </div>
    </dialog>
  );
}
