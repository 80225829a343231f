/**
 * Drill-down (逐项对照): for one alliance and one indicator, every expert's decisions side by
 * side: what the alliance claims (items with their evidence), each expert's acceptance or
 * rejection with the reason, judged values, notes, the criterion scores, the indicator score and
 * any override. The evidence viewer beside it opens the cited files, so the panel can discuss a
 * disagreement with the material on screen.
 */
import { useEffect, useState } from 'react';
import type { PackageFileView } from '../../../shared/api/package-types.ts';
import type { DrillCriterion, DrillDecision, DrillDownView, DrillExpert, EvidenceRef, PanelView } from '../../../shared/api/chair-types.ts';
import { api } from '../api/api.ts';
import { evidenceTarget } from '../evidence/evidence-target.ts';
import { EvidenceViewer } from '../evidence/evidence-viewer.tsx';
import type { DrillTarget } from './drill-target.ts';
import { flagLabel } from './flag-labels.ts';

export function DrillDownTab(props: {
  readonly meetingId: number;
  readonly view: PanelView;
  readonly target: DrillTarget | null;
  readonly onTarget: (target: DrillTarget) => void;
}) {
  const { view } = props;
  const alliances = view.result?.alliances ?? [];
  const indicators = view.rubric?.groups.flatMap((g) => g.indicators) ?? [];
  const target = props.target ?? (alliances[0] && indicators[0] ? { allianceId: alliances[0].allianceId, indicatorId: indicators[0].id } : null);
  const [drill, setDrill] = useState<DrillDownView | null>(null);
  const [files, setFiles] = useState<readonly PackageFileView[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Evidence belongs to the alliance and indicator it was opened for; another target starts empty.
  const [evidence, setEvidence] = useState<{ target: string; paths: readonly string[]; label: string; open: string | null; seq: number }>({
    target: '',
    paths: [],
    label: '',
    open: null,
    seq: 0,
  });

  useEffect(() => {
    if (target === null) return;
    let live = true;
    void api.invoke('panel-drilldown', { meetingId: props.meetingId, allianceId: target.allianceId, indicatorId: target.indicatorId }).then(async (result) => {
      if (!live) return;
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setError(null);
      setDrill(result.value);
      // Opened for one claim (an objective difference): show that claim's evidence at once.
      const claim = target.evidenceOf;
      const criterion = claim === undefined ? undefined : result.value.criteria.find((c) => c.id === claim.criterionId);
      if (claim !== undefined && criterion !== undefined) {
        const item = claim.itemId === null ? null : (criterion.items.find((i) => i.id === claim.itemId) ?? null);
        const refs = item === null ? criterion.evidence : item.evidence;
        const label = item === null ? criterion.label : `${item.id} ${item.title}`;
        const open = claim.reference ?? refs[0]?.path ?? null;
        setEvidence((e) => ({ target: `${target.allianceId}/${target.indicatorId}`, paths: refs.map((r) => r.path), label, open, seq: e.seq + 1 }));
      }
      if (result.value.packageId !== null) {
        const detail = await api.invoke('package-detail', { packageId: result.value.packageId });
        if (live && detail.ok) setFiles(detail.value.files);
      }
    });
    return () => {
      live = false;
    };
  }, [props.meetingId, target?.allianceId, target?.indicatorId, target?.evidenceOf?.criterionId, target?.evidenceOf?.itemId, target?.evidenceOf?.reference]); // eslint-disable-line react-hooks/exhaustive-deps -- the target object is rebuilt each render; its ids are what matter

  if (target === null) return <p className="muted empty">还没有可对照的评分。</p>;
  const shown = drill !== null && drill.allianceId === target.allianceId && drill.indicator.id === target.indicatorId ? drill : null;
  const targetKey = `${target.allianceId}/${target.indicatorId}`;
  const shownEvidence = evidence.target === targetKey ? evidence : { target: targetKey, paths: [], label: '', open: null, seq: evidence.seq };
  const openEvidence = (refs: readonly EvidenceRef[], label: string) =>
    setEvidence({ target: targetKey, paths: refs.map((r) => r.path), label, open: refs[0]?.path ?? null, seq: evidence.seq + 1 });

  return (
    <div className="drill">
      <div className="drill-controls">
        <label>
          联盟
          <select value={target.allianceId} onChange={(e) => props.onTarget({ ...target, allianceId: e.target.value })} aria-label="联盟">
            {alliances.map((a) => (
              <option key={a.allianceId} value={a.allianceId}>
                {a.allianceId} {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          指标
          <select value={target.indicatorId} onChange={(e) => props.onTarget({ ...target, indicatorId: e.target.value })} aria-label="指标">
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {i.id} {i.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {shown && (
        <div className="drill-body">
          <div className="drill-table-wrap">
            <h3>
              {shown.indicator.id} {shown.indicator.label}
              <span className="muted small">
                {' '}
                满分 {shown.indicator.cap ?? '不限（加分项）'} · 专家组得分 <strong data-testid="drill-panel-score">{shown.panelScore ?? '—'}</strong>
              </span>
            </h3>
            <p className="small muted rule">{shown.indicator.rule}</p>
            {shown.flags.map((f, i) => (
              <p key={i} className={`flag-line ${f.kind}`}>
                <span className={`flag-badge ${f.kind}`}>{flagLabel(f.kind)}</span> {f.expert ? `${f.expert}：` : ''}
                {f.detail}
              </p>
            ))}
            <table className="table drill-table" data-testid="drill-table" aria-label="各专家认定对照">
              <thead>
                <tr>
                  <th scope="col">申报</th>
                  {shown.experts.map((e) => (
                    <th scope="col" key={e.id} className="expert-col">
                      {e.id}
                      <div className="small muted">
                        {e.name}
                        {e.paper && '（纸质）'}
                      </div>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.criteria.map((criterion) => (
                  <CriterionRows key={criterion.id} criterion={criterion} experts={shown.experts} onEvidence={openEvidence} />
                ))}
                <tr className="score-row">
                  <th scope="row">指标得分</th>
                  {shown.experts.map((e) => (
                    <td key={e.id} data-testid="drill-indicator-score" data-expert={e.id}>
                      {e.indicator === null ? (
                        '回避'
                      ) : e.indicator.override ? (
                        <span className="override">
                          <strong>{e.indicator.score}</strong>（改判，计算得分 {e.indicator.computed}）
                          <div className="small">理由：{e.indicator.override.reason}</div>
                        </span>
                      ) : (
                        <strong>{e.indicator.score}</strong>
                      )}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">总体意见</th>
                  {shown.experts.map((e) => (
                    <td key={e.id} className="small">
                      {e.comment ?? '—'}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <div className="drill-evidence">
            {shown.packageId === null ? (
              <p className="muted">本机没有这个材料包的文件。</p>
            ) : (
              <EvidenceViewer
                expertId={null}
                packageId={shown.packageId}
                files={files}
                claimEvidence={shownEvidence.paths}
                claimLabel={shownEvidence.label || null}
                opened={shownEvidence.open === null ? null : evidenceTarget(shownEvidence.open)}
                openSeq={shownEvidence.seq}
                onOpen={(reference) => setEvidence({ ...shownEvidence, open: reference, seq: shownEvidence.seq + 1 })}
                onPageChange={() => undefined}
              />
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function decisionText(decision: DrillDecision | undefined, itemId: string | null): { text: string; kind: 'accepted' | 'rejected' | 'value' | 'none' } {
  if (decision === undefined) return { text: '—', kind: 'none' };
  if (itemId !== null) {
    if (decision.accepted.includes(itemId)) return { text: '✓ 认定', kind: 'accepted' };
    const reason = decision.rejected[itemId];
    return reason === undefined ? { text: '—', kind: 'none' } : { text: `✗ 不予认定：${reason}`, kind: 'rejected' };
  }
  if (decision.accept === true) return { text: '✓ 认定', kind: 'accepted' };
  if (decision.accept === false) return { text: `✗ 不予认定：${decision.reason ?? ''}`, kind: 'rejected' };
  if (decision.value !== null) return { text: String(decision.value), kind: 'value' };
  return { text: '—', kind: 'none' };
}

function CriterionRows({
  criterion,
  experts,
  onEvidence,
}: {
  readonly criterion: DrillCriterion;
  readonly experts: readonly DrillExpert[];
  readonly onEvidence: (refs: readonly EvidenceRef[], label: string) => void;
}) {
  const header = (
    <tr className="criterion-row">
      <th scope="row">
        <div>
          <strong>{criterion.label}</strong> <code className="small">{criterion.id}</code>
        </div>
        {criterion.kind === 'judged' && <div className="small muted">联盟自评 {criterion.selfValue ?? '未填'}</div>}
        {criterion.kind === 'flag' && !criterion.claimed && <div className="small muted">未申报</div>}
        {criterion.evidence.length > 0 && (
          <button type="button" className="link small" onClick={() => onEvidence(criterion.evidence, criterion.label)}>
            证明材料（{criterion.evidence.length}）
          </button>
        )}
      </th>
      {experts.map((e) => {
        const decision = e.decisions[criterion.id];
        const shown = criterion.items.length > 0 ? null : decisionText(decision, null);
        return (
          <td key={e.id} className={shown ? `decision ${shown.kind}` : undefined}>
            {e.recused ? '回避' : shown?.text}
            {decision?.note && <div className="small muted">备注：{decision.note}</div>}
            {!e.recused && decision !== undefined && <div className="small muted">得分 {decision.score}</div>}
          </td>
        );
      })}
    </tr>
  );
  return (
    <>
      {header}
      {criterion.items.map((item) => (
        <tr key={item.id} className="item-row">
          <th scope="row">
            <div>
              <code className="small">{item.id}</code> {item.title}
            </div>
            <div className="small muted">
              {[item.date, item.amountWan === null ? null : `${item.amountWan} 万元`, item.note].filter((x) => x !== null && x !== '').join(' · ')}
            </div>
            {item.evidence.length > 0 && (
              <button type="button" className="link small" onClick={() => onEvidence(item.evidence, `${item.id} ${item.title}`)}>
                证明材料（{item.evidence.length}）
              </button>
            )}
          </th>
          {experts.map((e) => {
            const shown = decisionText(e.decisions[criterion.id], item.id);
            return (
              <td key={e.id} className={`decision ${shown.kind}`}>
                {e.recused ? '回避' : shown.text}
              </td>
            );
          })}
        </tr>
      ))}
    </>
  );
}
