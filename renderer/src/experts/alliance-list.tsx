/**
 * Alliance list (联盟列表): the expert's day at a glance. Every imported alliance of the year
 * (its latest package) with the expert's progress, running total and grade beside the
 * alliance's self-score, a status (未开始 / 进行中 / 已完成 / 已回避) and filters; recusal; what
 * still stops signing, and signing itself.
 */
import { useMemo, useState } from 'react';
import type { AllianceProgress, ExpertWorkspace, ReviewStatus, UndecidedView } from '../../../shared/api/expert-work-types.ts';
import { api } from '../api/api.ts';
import { allianceKindLabel, gradeLabel } from '../common/labels.ts';
import { DraftSheetButton } from './draft-sheet-button.tsx';
import { RecusalDialog } from './recusal-dialog.tsx';
import { SignDialog } from './sign-dialog.tsx';
import { SignaturePad } from './signature-pad.tsx';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';

export const statusLabel: Record<ReviewStatus, string> = {
  'not-started': '未开始',
  'in-progress': '进行中',
  complete: '已完成',
  recused: '已回避',
};

export interface AllianceListProps {
  readonly workspace: ExpertWorkspace;
  readonly onOpen: (packageId: number, focus: UndecidedView | null) => void;
  readonly onChanged: () => void;
  readonly onYear: (year: number) => void;
  readonly onSwitchExpert: () => void;
}

export function AllianceList({ workspace, onOpen, onChanged, onYear, onSwitchExpert }: AllianceListProps) {
  const [filter, setFilter] = useState<ReviewStatus | 'all' | 'open'>('all');
  const [search, setSearch] = useState('');
  const [recusing, setRecusing] = useState<AllianceProgress | null>(null);
  const [signing, setSigning] = useState(false);
  const [drawing, setDrawing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const { expert, alliances, locked } = workspace;

  const shown = useMemo(() => {
    const words = search.trim().toLowerCase();
    return alliances.filter(
      (a) =>
        (filter === 'all' || (filter === 'open' ? a.status === 'not-started' || a.status === 'in-progress' : a.status === filter)) &&
        (words === '' || a.allianceName.toLowerCase().includes(words) || a.allianceId.toLowerCase().includes(words)),
    );
  }, [alliances, filter, search]);

  const counts = useMemo(() => {
    const c: Record<ReviewStatus, number> = { 'not-started': 0, 'in-progress': 0, complete: 0, recused: 0 };
    for (const a of alliances) c[a.status] += 1;
    return c;
  }, [alliances]);

  const clearRecusal = async (a: AllianceProgress) => {
    const result = await api.invoke('recusal-clear', { expertId: expert.id, packageId: a.packageId });
    if (result.ok) onChanged();
    else setMessage(result.error.message);
  };

  const revise = async () => {
    if (workspace.year === null) return;
    const result = await api.invoke('sheet-revise', { expertId: expert.id, year: workspace.year });
    if (result.ok) onChanged();
    else setMessage(result.error.message);
  };

  const latest = workspace.sheets[0] ?? null;
  // Nothing to score (no meeting file imported): a sheet would sign nothing, and has no year.
  const noMeeting = workspace.year === null || workspace.alliances.length === 0;

  return (
    <section className="screen alliance-list" aria-labelledby="alliances-title">
      <div className="profile-bar">
        <div>
          <strong className="expert-name">{expert.name}</strong> <span className="muted">编号 {expert.rosterId}</span>
          <span className="fingerprint" title="签名密钥指纹：签名后向组长宣读">
            指纹 <code data-testid="expert-fingerprint">{expert.fingerprint}</code>
          </span>
          <span className="muted small">{expert.protection === 'passphrase+os' ? '密钥受口令和系统钥匙串保护' : '密钥受口令保护'}</span>
        </div>
        <div className="hand-signature">
          {expert.handSignature ? (
            <img src={expert.handSignature} alt={`${expert.name}的手写签名`} className="signature-thumb" data-testid="hand-signature" />
          ) : (
            <span className="muted small">尚未手写签名</span>
          )}
          <button type="button" className="secondary small" onClick={() => setDrawing((d) => !d)}>
            {expert.handSignature ? '重新签名' : '手写签名…'}
          </button>
          <button type="button" className="secondary small" onClick={onSwitchExpert}>
            切换专家
          </button>
        </div>
      </div>
      {drawing && (
        <SignaturePad
          onCancel={() => setDrawing(false)}
          onSave={async (handSignature) => {
            const result = await api.invoke('expert-hand-signature-set', { expertId: expert.id, handSignature });
            if (result.ok) {
              setDrawing(false);
              onChanged();
            } else setMessage(result.error.message);
            return result.ok;
          }}
        />
      )}

      <div className="screen-header">
        <h2 id="alliances-title">
          {workspace.year === null ? '联盟评分' : `${workspace.year} 年度联盟评分`}
          {workspace.years.length > 1 && (
            <select aria-label="年度" value={workspace.year ?? ''} onChange={(e) => onYear(Number(e.target.value))} className="year-select">
              {workspace.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </h2>
        <div className="filters" role="group" aria-label="筛选">
          <select aria-label="按状态筛选" value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)} data-testid="status-filter">
            <option value="all">全部（{alliances.length}）</option>
            <option value="open">未完成（{counts['not-started'] + counts['in-progress']}）</option>
            {(Object.keys(statusLabel) as ReviewStatus[]).map((s) => (
              <option key={s} value={s}>
                {statusLabel[s]}（{counts[s]}）
              </option>
            ))}
          </select>
          <input type="search" aria-label="搜索联盟" placeholder="搜索联盟名称或编号" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>

      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}

      {alliances.length === 0 ? (
        <div className="empty no-meeting" role="note" data-testid="no-meeting">
          <p>
            <strong>本机还没有评审会议，没有要评分的联盟。</strong>
          </p>
          <p>
            请导入会务人员发给您的<strong>会议包</strong>（U 盘上文件名以 <code>.meeting.zip</code> 结尾的文件）：点上方的“会议准备”，在“导入会议包”处选择这个文件。导入后，这里会列出本次会议要评审的联盟。
          </p>
        </div>
      ) : (
        <table className="table alliances" aria-label="联盟">
          <thead>
            <tr>
              <th scope="col">联盟</th>
              <th scope="col">进度</th>
              <th scope="col" className="num">自评</th>
              <th scope="col" className="num">我的评分</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => {
              const needed = a.decided + a.undecided;
              return (
                <tr key={a.packageId} data-testid="alliance-row" data-alliance={a.allianceId} className={`status-${a.status}`}>
                  <td>
                    <div className="alliance-name">{a.allianceName}</div>
                    <div className="muted small">
                      {a.allianceId} · {allianceKindLabel[a.allianceKind]}
                      {a.version > 1 && ` · 第 ${a.version} 版`}
                    </div>
                  </td>
                  <td>
                    {a.status === 'recused' ? (
                      <span className="muted small">理由：{a.recusalReason}</span>
                    ) : (
                      <div className="progress-cell">
                        <progress max={needed} value={a.decided} aria-label={`已评 ${a.decided} 项，共 ${needed} 项`} />
                        <span className="small">
                          已评 {a.decided}/{needed}
                          {a.undecided > 0 && <span className="muted">，待评 {a.undecided}</span>}
                        </span>
                      </div>
                    )}
                  </td>
                  <td className="num">
                    {a.selfTotal}
                    <div className="muted small">{gradeLabel[a.selfGrade]}</div>
                  </td>
                  <td className="num" data-testid="row-total">
                    {a.status === 'recused' || a.status === 'not-started' ? (
                      <span className="muted">—</span>
                    ) : (
                      <>
                        <strong>{a.total}</strong>
                        <div className="muted small">{gradeLabel[a.grade]}</div>
                      </>
                    )}
                  </td>
                  <td>
                    <span className={`status-badge ${a.status}`} data-testid="row-status">
                      {statusLabel[a.status]}
                    </span>
                    {a.problemCount > 0 && <div className="field-warning small">{a.problemCount} 处不符合规则</div>}
                    {a.carried > 0 && <div className="field-warning small">材料已补正：{a.carried} 项评定待确认</div>}
                  </td>
                  <td>
                    <div className="row-actions">
                    {a.status !== 'recused' && (
                      <button type="button" onClick={() => onOpen(a.packageId, null)}>
                        {locked ? '查看' : a.status === 'not-started' ? '开始评分' : '评分'}
                      </button>
                    )}
                    {a.firstUndecided && a.status === 'in-progress' && (
                      <button type="button" className="secondary" onClick={() => onOpen(a.packageId, a.firstUndecided)}>
                        跳到未评项
                      </button>
                    )}
                    {!locked &&
                      (a.status === 'recused' ? (
                        <button type="button" className="secondary" onClick={() => void clearRecusal(a)}>
                          撤销回避
                        </button>
                      ) : (
                        <button type="button" className="secondary" onClick={() => setRecusing(a)}>
                          回避…
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <section className="panel sign-panel" aria-labelledby="sign-panel-title">
        <h3 id="sign-panel-title">签名并导出评分表</h3>
        {locked && latest ? (
          <div data-testid="locked-note">
            <p>
              已于 {chinaDateTime(latest.signedAt)} 签名导出第 {latest.version} 版评分表，评分已锁定。指纹{' '}
              <code className="fingerprint-inline">{latest.fingerprint}</code>
            </p>
            <p className="muted small">文件：{latest.filePath}</p>
            <button type="button" className="secondary" onClick={() => void revise()}>
              修改评分（之后须重新签名）
            </button>
          </div>
        ) : workspace.blockers.length > 0 ? (
          <>
            <p>所有联盟都评定完毕（或回避）后才能签名。还差：</p>
            <ul className="blockers" data-testid="blockers">
              {workspace.blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </>
        ) : noMeeting ? (
          <p>还没有联盟可评，不能签名。导入会议包并评完各联盟后，再在这里签名导出。</p>
        ) : (
          <p>全部联盟已评定或回避，可以签名导出。</p>
        )}
        {!locked && (
          <button type="button" onClick={() => setSigning(true)} disabled={workspace.blockers.length > 0 || noMeeting}>
            签名并导出…
          </button>
        )}
        {!locked && workspace.year !== null && <DraftSheetButton expertId={workspace.expert.id} year={workspace.year} folder="" />}
        {workspace.sheets.length > 0 && (
          <details className="sheet-history">
            <summary>签名记录（{workspace.sheets.length}）</summary>
            <ul>
              {workspace.sheets.map((s) => (
                <li key={s.id}>
                  第 {s.version} 版 · {chinaDateTime(s.signedAt)} · {s.fileName}
                  {s.superseded && <span className="muted">（已被新版本取代）</span>}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      {recusing && (
        <RecusalDialog
          alliance={recusing}
          onClose={() => setRecusing(null)}
          onConfirm={async (reason) => {
            const result = await api.invoke('recusal-set', { expertId: expert.id, packageId: recusing.packageId, reason });
            if (!result.ok) return result.error.message;
            setRecusing(null);
            onChanged();
            return null;
          }}
        />
      )}
      {signing && <SignDialog workspace={workspace} onSigned={onChanged} onClose={() => setSigning(false)} />}
    </section>
  );
}
