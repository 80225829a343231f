/**
 * The chair's console (主任控制台): the panel on a projector. Tabs: the overview (matrix
 * of alliances × experts with the panel result, flags with their notes, charts), sheets (import,
 * fingerprint confirmation, history), paper entry, sign-ins and differences (procedure-tab.tsx:
 * pledges, objective differences, outliers), the drill-down of one alliance and indicator,
 * finalizing (last year's result, awards, lock, publicity list, reopening), the audit log, and
 * 材料核查, the evidence cross-check (cross-check-tab.tsx).
 *
 * Every number shown comes from `panel-view`: the result the shared merge computed (or the
 * locked one); the screen never computes a score. Chart data comes from shared/charts/.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PanelView } from '../../../shared/api/chair-types.ts';
import type { PanelRecordView } from '../../../shared/api/panel-record-types.ts';
import { api } from '../api/api.ts';
import { MeetingBar, useMeetings } from '../meeting/meeting-bar.tsx';
import { useActor } from '../meeting/use-actor.ts';
import { AuditTab } from './audit-tab.tsx';
import { CrossCheckTab } from './cross-check-tab.tsx';
import { DrillDownTab } from './drill-down-tab.tsx';
import type { DrillTarget } from './drill-target.ts';
import { FinalizeTab } from './finalize-tab.tsx';
import { ObservingContext } from './changes.tsx';
import { ObserverBar } from './observer-bar.tsx';
import { OverviewTab } from './overview-tab.tsx';
import { PaperTab } from './paper-tab.tsx';
import { ProcedureTab } from './procedure-tab.tsx';
import { SheetsTab } from './sheets-tab.tsx';
import '../evidence/evidence.css';
import '../meeting/meeting.css';
import './chair.css';

type TabId = 'overview' | 'sheets' | 'paper' | 'procedure' | 'drill' | 'finalize' | 'audit' | 'cross-check';

export function ChairScreen() {
  const { meetings, meetingId, choose } = useMeetings();
  const [actor, setActor] = useActor();
  const [tab, setTab] = useState<TabId>('overview');
  const [view, setView] = useState<PanelView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [record, setRecord] = useState<PanelRecordView | null>(null);

  useEffect(() => {
    if (meetingId === null) return;
    let live = true;
    void api.invoke('panel-record-view', { meetingId }).then((result) => {
      if (live && result.ok) setRecord(result.value);
    });
    return () => {
      live = false;
    };
  }, [meetingId, generation]);

  useEffect(() => {
    if (meetingId === null) return;
    let live = true;
    void api.invoke('panel-view', { meetingId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setView(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [meetingId, generation]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const onRecord = useCallback((next: PanelRecordView) => {
    setRecord(next);
    // The audit log and the console follow each note and each entering or leaving of the mode.
    setGeneration((g) => g + 1);
  }, []);
  const observing = (record?.observer ?? null) !== null;
  const shown = view !== null && view.meeting.id === meetingId ? view : null;
  const unnoted = shown?.flags.filter((f) => f.note === null).length ?? 0;
  const pending = shown?.experts.filter((e) => e.state === 'awaiting-fingerprint').length ?? 0;
  const procedure = shown?.procedure ?? null;
  const openItems =
    procedure === null || shown?.lock !== null
      ? 0
      : procedure.differences.filter((d) => d.status === 'open').length +
        procedure.outliers.filter((o) => o.status === 'open').length +
        (shown?.experts.filter((e) => !procedure.pledges.some((p) => p.expertId === e.id)).length ?? 0);

  const tabs: { id: TabId; label: string; badge?: number }[] = [
    { id: 'overview', label: '总览', badge: unnoted },
    { id: 'sheets', label: '评分表', badge: pending },
    { id: 'paper', label: '纸质录入' },
    { id: 'procedure', label: '签到与分歧', badge: openItems },
    { id: 'drill', label: '逐项对照' },
    { id: 'finalize', label: '定稿' },
    { id: 'audit', label: '审计日志' },
    { id: 'cross-check', label: '材料核查' },
  ];

  return (
    <section className="screen chair" aria-labelledby="chair-title">
      <div className="screen-header">
        <h2 id="chair-title">主任控制台</h2>
        {shown && (
          <div className="meeting-facts">
            <span>{shown.meeting.year} 年度</span>
            <span>汇总方法：{shown.meeting.method === 'mean' ? '平均分' : '去掉最高最低分后平均'}</span>
            <span>偏离阈值 {shown.meeting.deviationThreshold} 分</span>
            {shown.lock ? (
              <span className="status-pill locked" data-testid="lock-state">
                已定稿
              </span>
            ) : (
              <span className="status-pill open" data-testid="lock-state">
                未定稿
              </span>
            )}
          </div>
        )}
      </div>
      <MeetingBar meetings={meetings} meetingId={meetingId} onChoose={choose} actor={actor} onActor={setActor} />
      {meetingId !== null && <ObserverBar meetingId={meetingId} record={record} onRecord={onRecord} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <nav className="tabs" aria-label="主任控制台">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            className={`tab${tab === t.id ? ' active' : ''}`}
            aria-current={tab === t.id ? 'page' : undefined}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.badge !== undefined && t.badge > 0 && <span className="badge warn">{t.badge}</span>}
          </button>
        ))}
      </nav>
      {meetingId === null ? (
        <p className="muted empty">本机还没有评审会议。请在“会议准备”中导入会议包，或在首页新建会议。</p>
      ) : shown === null ? (
        <p className="muted">正在读取……</p>
      ) : (
        // 监督查看: inside the tabs, each group of controls that changes something is disabled
        // (changes.tsx); what only shows stays usable. Main refuses such calls anyway.
        <ObservingContext.Provider value={observing}>
          <div className="tab-content" data-testid="chair-tab-content" data-observing={observing ? '' : undefined}>
            {tab === 'overview' && (
              <OverviewTab
                view={shown}
                actor={actor}
                onChanged={setView}
                onDrill={(target) => {
                  setDrill(target);
                  setTab('drill');
                }}
              />
            )}
            {tab === 'sheets' && <SheetsTab meetingId={meetingId} actor={actor} onChanged={refresh} />}
            {tab === 'paper' && <PaperTab meetingId={meetingId} actor={actor} onChanged={refresh} />}
            {tab === 'procedure' && (
              <ProcedureTab
                view={shown}
                actor={actor}
                record={record}
                onRecord={onRecord}
                onChanged={setView}
                onDrill={(target) => {
                  setDrill(target);
                  setTab('drill');
                }}
              />
            )}
            {tab === 'drill' && <DrillDownTab meetingId={meetingId} view={shown} target={drill} onTarget={setDrill} />}
            {tab === 'finalize' && <FinalizeTab view={shown} actor={actor} onChanged={refresh} />}
            {tab === 'audit' && <AuditTab meetingId={meetingId} generation={generation} />}
            {tab === 'cross-check' && (
              <CrossCheckTab
                meetingId={meetingId}
                actor={actor}
                rubric={shown.rubric}
                onDrill={(target) => {
                  setDrill(target);
                  setTab('drill');
                }}
              />
            )}
          </div>
        </ObservingContext.Provider>
      )}
    </section>
  );
}
