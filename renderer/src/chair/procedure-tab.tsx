/**
 * 合议事项: what the panel settles before the lock (electron/chair/panel-procedure.ts):
 * - 专家签到: each expert's signed paper pledge, recorded by the chair (who, when, the date on it);
 * - 客观分歧: every objective claim the experts decided differently, each expert's decision and
 *   reason side by side, a link to the claim's evidence (the drill-down, with the evidence viewer
 *   beside it); settled when the experts re-sign in agreement, or recorded as standing, with why;
 * - 畸高畸低: every subjective score beyond the meeting's share of the cap from the others' mean,
 *   with the expert's written explanation entered by the chair, or revised by the expert;
 * - 专家组结论 and 监督意见 (conclusion-section.tsx): the panel's conclusion per alliance, and the
 *   observer's notes, both written into the signed panel record.
 * The chair never changes a score here: only the experts' re-signed sheets do.
 */
import { useState } from 'react';
import type { DifferenceView, OutlierView, PanelView } from '../../../shared/api/chair-types.ts';
import { dec } from '../../../shared/decimal/decimal.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { api } from '../api/api.ts';
import type { PanelRecordView } from '../../../shared/api/panel-record-types.ts';
import { ConclusionSection } from './conclusion-section.tsx';
import type { DrillTarget } from './drill-target.ts';
import { ClarificationPanel } from './clarification-panel.tsx';
import './procedure.css';
import { DateField } from '../common/date-field.tsx';
import { Changes } from './changes.tsx';

interface TabProps {
  readonly view: PanelView;
  readonly actor: string;
  readonly onChanged: (view: PanelView) => void;
  readonly onDrill: (target: DrillTarget) => void;
  /** The conclusions and the observer's notes (panel-record-view). */
  readonly record: PanelRecordView | null;
  readonly onRecord: (record: PanelRecordView) => void;
}

type Outcome = { ok: true; value: PanelView } | { ok: false; error: { message: string } };

/** Runs a record request; the new view on success, the message on refusal. */
function useRecord(onChanged: (view: PanelView) => void) {
  const [error, setError] = useState<string | null>(null);
  const run = async (request: () => Promise<Outcome>): Promise<boolean> => {
    setError(null);
    const outcome = await request();
    if (outcome.ok) onChanged(outcome.value);
    else setError(outcome.error.message);
    return outcome.ok;
  };
  return { error, run };
}

const DIFFERENCE_STATUS: Readonly<Record<DifferenceView['status'], string>> = {
  open: '待解决',
  settled: '已由专家重新签名解决',
  standing: '经合议维持分歧',
};

const OUTLIER_STATUS: Readonly<Record<OutlierView['status'], string>> = {
  open: '待说明或修改',
  revised: '专家已修改',
  explained: '已书面说明',
};

function decisionText(d: DifferenceView['decisions'][number]): string {
  switch (d.decision) {
    case 'accept':
      return '认可';
    case 'reject':
      return '不认可';
    case 'value':
      return `评 ${d.value ?? ''}`;
    case 'none':
      return '未判断';
  }
}

export function ProcedureTab(props: TabProps) {
  const procedure = props.view.procedure;
  if (procedure === null) return <p className="muted">会议尚未准备：请先在“会议准备”中保存设置、名册和材料包。</p>;
  return (
    <div className="procedure">
      <PledgeSection {...props} />
      <ClarificationPanel meetingId={props.view.meeting.id} actor={props.actor} locked={props.view.lock !== null} />
      <section className="panel" aria-labelledby="differences-title">
        <h2 id="differences-title">客观分歧（{procedure.differences.filter((d) => d.status === 'open').length} 项待解决）</h2>
        <p className="hint">
          客观指标（是否具备、是否属实）各位专家应当一致。请相关专家对照证明材料复核：修改后重新签名导入，判断一致即自动解决；经合议仍各自维持的，记录维持的理由（记入审计日志）。主任不能修改专家的评分。
        </p>
        {procedure.differences.length === 0 ? (
          <p className="muted" data-testid="no-differences">
            没有客观分歧：各位专家对每一项客观指标的判断都一致。
          </p>
        ) : (
          procedure.differences.map((d) => <DifferenceItem key={`${d.status}|${d.key}`} difference={d} {...props} />)
        )}
      </section>
      <OutlierSection {...props} />
      <ConclusionSection view={props.view} actor={props.actor} record={props.record} onRecord={props.onRecord} />
    </div>
  );
}

function PledgeSection({ view, actor, onChanged }: TabProps) {
  const { error, run } = useRecord(onChanged);
  const [dates, setDates] = useState<Record<string, string>>({});
  const pledges = new Map((view.procedure?.pledges ?? []).map((p) => [p.expertId, p]));
  const signIns = new Map((view.procedure?.sheetSignIns ?? []).map((s) => [s.expertId, s]));
  const locked = view.lock !== null;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="panel" aria-labelledby="pledges-title">
      <h2 id="pledges-title">专家签到（签字承诺书）</h2>
      <p className="hint">每位专家签到后才能定稿。纸质评分表的专家和电子评分表（格式 1）的专家，以其签字的纸质承诺书为签到：收到后在此登记签字日期。</p>
      <table className="table compact" aria-label="专家签到">
        <thead>
          <tr>
            <th scope="col">专家</th>
            <th scope="col">签字承诺书</th>
            <th scope="col">登记</th>
          </tr>
        </thead>
        <tbody>
          {view.experts.map((expert) => {
            const pledge = pledges.get(expert.id);
            const signIn = signIns.get(expert.id);
            if (signIn !== undefined && pledge === undefined) {
              return (
                <tr key={expert.id} data-testid="pledge-row" data-expert={expert.id}>
                  <td>
                    {expert.id} {expert.name}
                  </td>
                  <td>✓ 已在本人电脑上签到并签署承诺书</td>
                  <td>
                    <span className="small muted">评分表内附签到记录，{chinaDateTime(signIn.at)}</span>
                  </td>
                </tr>
              );
            }
            return (
              <tr key={expert.id} data-testid="pledge-row" data-expert={expert.id}>
                <td>
                  {expert.id} {expert.name}
                </td>
                <td>{pledge ? `✓ ${pledge.signedOn} 签字` : <span className="error">✗ 尚未登记</span>}</td>
                <td>
                  {pledge ? (
                    <span className="small muted">
                      {pledge.by}，{chinaDateTime(pledge.at)}
                    </span>
                  ) : (
                    !locked && (
                      <Changes>
                        <span className="record-form">
                          <DateField
                            value={dates[expert.id] ?? today}
                            onChange={(date) => setDates({ ...dates, [expert.id]: date })}
                            label={`${expert.name} 承诺书的签字日期`}
                          />
                          <button
                            type="button"
                            className="secondary small"
                            onClick={() =>
                              void run(() => api.invoke('panel-pledge-record', { meetingId: view.meeting.id, actor, expertId: expert.id, signedOn: dates[expert.id] ?? today }))
                            }
                          >
                            登记承诺书
                          </button>
                        </span>
                      </Changes>
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}

function DifferenceItem({ difference: d, view, actor, onChanged, onDrill }: { readonly difference: DifferenceView } & TabProps) {
  const { error, run } = useRecord(onChanged);
  const [reason, setReason] = useState('');
  const locked = view.lock !== null;
  return (
    <article className={`difference ${d.status}`} data-testid="difference" data-status={d.status} data-alliance={d.allianceId} data-criterion={d.criterionId}>
      <div className="difference-head">
        <span>
          {d.allianceName} <span className="muted small">{d.allianceId}</span>
        </span>
        <span>
          {d.criterionLabel}
          {d.itemTitle !== null && `：${d.itemTitle}`}
        </span>
        <span className={`status-pill ${d.status === 'open' ? 'open-item' : 'done'}`}>{DIFFERENCE_STATUS[d.status]}</span>
        <button
          type="button"
          className="secondary small"
          onClick={() => onDrill({ allianceId: d.allianceId, indicatorId: d.indicatorId, evidenceOf: { criterionId: d.criterionId, itemId: d.itemId } })}
        >
          查看证明材料与逐项对照
        </button>
      </div>
      <table className="table compact" aria-label={`${d.allianceName} ${d.criterionLabel} 各专家判断`}>
        <thead>
          <tr>
            <th scope="col">专家</th>
            <th scope="col">判断</th>
            <th scope="col">理由</th>
          </tr>
        </thead>
        <tbody>
          {d.decisions.map((x) => (
            <tr key={x.expertId}>
              <td>
                {x.expertId} {x.expertName}
              </td>
              <td className={`decision-${x.decision}`}>{decisionText(x)}</td>
              <td>{x.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.standing && (
        <p className="small">
          维持理由：<strong>{d.standing.reason}</strong>（{d.standing.by}，{chinaDateTime(d.standing.at)}）
        </p>
      )}
      {d.status === 'open' && !locked && (
        <Changes>
          <div className="record-form">
            <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="经合议仍维持分歧的，写明理由" aria-label={`${d.allianceName} ${d.criterionLabel} 分歧维持的理由`} />
            <button
              type="button"
              disabled={reason.trim() === ''}
              onClick={() => void run(() => api.invoke('panel-difference-standing', { meetingId: view.meeting.id, actor, differenceKey: d.key, reason }))}
            >
              记录维持分歧
            </button>
          </div>
        </Changes>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </article>
  );
}

function OutlierSection(props: TabProps) {
  const procedure = props.view.procedure;
  if (procedure === null) return null;
  const percent = dec(procedure.outlierShare).times(100).toFixed();
  return (
    <section className="panel outliers" aria-labelledby="outliers-title">
      <h2 id="outliers-title">畸高畸低（{procedure.outliers.filter((o) => o.status === 'open').length} 项待说明）</h2>
      <p className="hint">
        主观评分与其他专家平均分之差超过该项满分的 {percent}%（“会议准备”中设置），请该专家书面说明理由或修改评分后重新签名。说明由主任照专家的书面说明录入，记入审计日志。
      </p>
      {procedure.outliers.length === 0 ? (
        <p className="muted" data-testid="no-outliers">
          没有畸高畸低的主观评分。
        </p>
      ) : (
        <table className="table compact" aria-label="畸高畸低">
          <thead>
            <tr>
              <th scope="col">联盟</th>
              <th scope="col">评分项</th>
              <th scope="col">专家</th>
              <th scope="col" className="num">评分</th>
              <th scope="col" className="num">其他专家平均</th>
              <th scope="col" className="num">相差</th>
              <th scope="col" className="num">阈值</th>
              <th scope="col">状态与说明</th>
            </tr>
          </thead>
          <tbody>
            {procedure.outliers.map((o) => (
              <OutlierRow key={`${o.status}|${o.key}`} outlier={o} {...props} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function OutlierRow({ outlier: o, view, actor, onChanged }: { readonly outlier: OutlierView } & TabProps) {
  const { error, run } = useRecord(onChanged);
  const [text, setText] = useState('');
  const locked = view.lock !== null;
  return (
    <tr data-testid="outlier" data-status={o.status} data-expert={o.expertId}>
      <td>{o.allianceName}</td>
      <td>{o.criterionLabel}</td>
      <td>
        {o.expertId} {o.expertName}
      </td>
      <td className={`num outlier-${o.direction}`}>
        {o.score}
        {o.revisedTo !== null && ` → ${o.revisedTo}`} {o.direction === 'high' ? '畸高' : '畸低'}
      </td>
      <td className="num">{o.othersMean}</td>
      <td className="num">{o.distance}</td>
      <td className="num">{o.limit}</td>
      <td>
        <span className={`status-pill ${o.status === 'open' ? 'open-item' : 'done'}`}>{OUTLIER_STATUS[o.status]}</span>
        {o.explanation && (
          <span className="small">
            {' '}
            {o.explanation.text}
            {o.explanation.source === 'sheet'
              ? `（专家在评分表中写明，${chinaDateTime(o.explanation.at)} 签名）`
              : `（${o.explanation.by} 录入，${chinaDateTime(o.explanation.at)}）`}
          </span>
        )}
        {o.status === 'open' && !locked && (
          <Changes>
            <span className="record-form">
              <input value={text} onChange={(e) => setText(e.target.value)} placeholder="专家的书面说明" aria-label={`${o.expertName} 对 ${o.criterionLabel} 评分的说明`} />
              <button
                type="button"
                className="small"
                disabled={text.trim() === ''}
                onClick={() => void run(() => api.invoke('panel-outlier-explain', { meetingId: view.meeting.id, actor, outlierKey: o.key, explanation: text }))}
              >
                登记说明
              </button>
            </span>
          </Changes>
        )}
        {error && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
      </td>
    </tr>
  );
}
