/**
 * Meeting preparation (会议准备): on the clerk's laptop, the meeting's settings, roster and
 * packages, and the meeting file (会议包) that carries them to every expert laptop and the
 * chair's; on those laptops, importing that file in one step.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { JobStatus } from '../../../shared/api/job-types.ts';
import type { ApiError } from '../../../shared/api/result.ts';
import { RefusalView } from '../common/refusal-view.tsx';
import type { MeetingFileImportOutcome, MeetingSetup } from '../../../shared/api/meeting-setup-types.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { parseYuanText } from '../../../shared/meeting/yuan-text.ts';
import { api } from '../api/api.ts';
import { formatBytes } from '../../../shared/format/format-bytes.ts';
import { useJob } from '../packages/use-job.ts';
import { fileSources } from './file-sources.ts';
import { parseRosterText, rosterLine } from './roster-text.ts';
import { MeetingBar, useMeetings } from './meeting-bar.tsx';
import { useActor } from './use-actor.ts';
import { dropSetupDraft, keepSetupDraft, readSetupDraft } from './setup-draft.ts';
import { useFormDraft } from '../common/form-draft.ts';
import './meeting.css';

export function MeetingSetupScreen() {
  const { meetings, meetingId, choose, reload } = useMeetings();
  const [actor, setActor] = useActor();
  const [setup, setSetup] = useState<MeetingSetup | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'notice'; text: string } | null>(null);
  const [generation, setGeneration] = useState(0);
  // Counts setups read from main; the forms start afresh from each (not after their own saves).
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    if (meetingId === null) return;
    let live = true;
    void api.invoke('meeting-setup', { meetingId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setSetup(result.value);
        setLoads((n) => n + 1);
      } else setMessage({ kind: 'error', text: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [meetingId, generation]);

  const shown = setup !== null && setup.meeting.id === meetingId ? setup : null;
  const saved = (next: MeetingSetup, text: string) => {
    setSetup(next);
    setMessage({ kind: 'notice', text });
  };
  const failed = (text: string) => setMessage({ kind: 'error', text });
  // The clerk's own meeting: its preparation comes first, importing a meeting file (what
  // expert laptops do) last; on any other laptop importing is the first thing to do.
  const clerks = shown !== null && !importedHere(shown);
  const fileImport = (
    <MeetingFileImport
      actor={actor}
      onImported={(outcome) => {
        reload();
        choose(outcome.meetingId);
        setGeneration((g) => g + 1);
      }}
    />
  );

  return (
    <section className="screen meeting-setup" aria-labelledby="setup-title">
      <div className="screen-header">
        <h2 id="setup-title">会议准备</h2>
      </div>
      <MeetingBar meetings={meetings} meetingId={meetingId} onChoose={choose} actor={actor} onActor={setActor} />
      <NewMeeting
        current={shown?.meeting ?? null}
        actor={actor}
        onCreated={(id, text) => {
          reload();
          choose(id);
          setMessage({ kind: 'notice', text });
        }}
      />
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
      {shown && importedHere(shown) && <ReadOnlyMeeting setup={shown} />}
      {!clerks && fileImport}
      {shown && clerks && (
        <>
          <SetupForm key={`setup-${loads}`} setup={shown} actor={actor} onSaved={saved} onError={failed} />
          <MeetingFileExport setup={shown} />
          {fileImport}
        </>
      )}
    </section>
  );
}

/**
 * A laptop that took this meeting from a meeting file and never wrote one: an expert's (or the
 * chair's). Its settings are the clerk's, so they are shown, not offered for editing.
 */
function importedHere(setup: MeetingSetup): boolean {
  return setup.files.some((f) => f.direction === 'import') && !setup.files.some((f) => f.direction === 'export');
}

function ReadOnlyMeeting({ setup }: { readonly setup: MeetingSetup }) {
  const imported = setup.files.find((f) => f.direction === 'import');
  const budget = setup.settings.budgetYuan;
  return (
    <section className="panel" aria-labelledby="readonly-title" data-testid="meeting-read-only">
      <h2 id="readonly-title">
        {/* A name that already says its year is not prefixed with it again. */}
        {setup.meeting.name.includes(String(setup.meeting.year)) ? setup.meeting.name : `${setup.meeting.year} 年度 · ${setup.meeting.name}`}
      </h2>
      <p className="hint">
        本机的会议来自会务人员拷来的会议包{imported && <>（指纹 <code>{imported.fingerprint}</code>）</>}，这里只能查看。设置、名册或材料包有误时，请会务人员在会务电脑上改好后重新导出会议包，再在本机导入新的会议包。
      </p>
      <dl className="read-only-settings">
        <dt>评分细则</dt>
        <dd>{setup.rubricId}</dd>
        <dt>汇总方法</dt>
        <dd>{setup.settings.method === 'mean' ? '平均分' : '去掉一个最高分和一个最低分后平均'}</dd>
        <dt>偏离阈值</dt>
        <dd>{setup.settings.deviationThreshold} 分</dd>
        <dt>奖励预算</dt>
        <dd>{budget === null ? '未填' : `${budget} 元`}</dd>
        <dt>专家</dt>
        <dd>
          {setup.experts.map((e) => `${e.id} ${e.name}${e.leader ? '（组长）' : ''}`).join('、') || '名册为空'}
        </dd>
        <dt>材料包</dt>
        <dd>
          {setup.packages.length} 个联盟：{setup.packages.map((p) => p.allianceName).join('、')}
        </dd>
      </dl>
    </section>
  );
}

/** Where the 新建会议 form's typed text is kept until it is saved or given up (common/form-draft.ts). */
const NEW_MEETING_DRAFT = 'setup-new-meeting';

/**
 * 新建会议: year, name and budget; the current meeting stays on this laptop, selectable above.
 * What is typed outlives a trip to another screen: the form comes back open with it.
 */
function NewMeeting({ current, actor, onCreated }: { readonly current: MeetingSetup['meeting'] | null; readonly actor: string; readonly onCreated: (meetingId: number, message: string) => void }) {
  const draft = useFormDraft(NEW_MEETING_DRAFT, { year: String(new Date().getFullYear()), name: '', budget: '' });
  const { year, name, budget } = draft.values;
  const [open, setOpen] = useState(draft.returned);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const budgetRead = budget.trim() === '' ? null : parseYuanText(budget);
  if (!open) {
    return (
      <div className="new-meeting-open">
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          新建会议…
        </button>
      </div>
    );
  }
  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (budgetRead && !budgetRead.ok) return setError(`奖励预算：${budgetRead.message}`);
    if (budgetRead && actor.trim() === '') return setError('填写了奖励预算时，请先在上方填写操作人姓名（记入审计日志）。');
    setBusy(true);
    setError(null);
    const created = await api.invoke('meeting-create', { name, year: Number(year) });
    if (!created.ok) {
      setBusy(false);
      return setError(created.error.message);
    }
    const meeting = created.value;
    let budgetNote = '';
    if (budgetRead?.ok) {
      // The new meeting's own defaults, with the budget typed here.
      const setup = await api.invoke('meeting-setup', { meetingId: meeting.id });
      const saved = setup.ok
        ? await api.invoke('meeting-settings-save', {
            meetingId: meeting.id,
            actor,
            rubricId: setup.value.rubricId,
            method: setup.value.settings.method,
            deviationThreshold: setup.value.settings.deviationThreshold,
            budgetYuan: budgetRead.yuan,
          })
        : setup;
      budgetNote = saved.ok ? `奖励预算 ${budgetRead.yuan} 元已保存。` : `奖励预算未保存（${saved.error.message}），请在下方会议设置中重新填写。`;
    }
    setBusy(false);
    setOpen(false);
    draft.reset();
    onCreated(meeting.id, `已新建会议“${meeting.year} · ${meeting.name}”。${budgetNote}下一步：填写专家名册、勾选材料包后点“保存”。`);
  };
  return (
    <form className="panel new-meeting" aria-labelledby="new-meeting-title" onSubmit={(e) => void create(e)}>
      <h2 id="new-meeting-title">新建会议</h2>
      <p className="hint">
        {current
          ? `当前会议“${current.year} · ${current.name}”不会被删除或改动：它和它的评分表、结果都留在本机，随时可在上方“评审会议”中选回。`
          : '本机还没有评审会议。'}
        新会议从空白的名册开始，材料包从本机已导入的同一年度材料包中勾选。
      </p>
      <div className="setting-row">
        <label>
          年度
          <input value={year} onChange={(e) => draft.set({ year: e.target.value })} inputMode="numeric" pattern="[0-9]{4}" required className="short" />
        </label>
        <label className="grow">
          会议名称
          <input value={name} onChange={(e) => draft.set({ name: e.target.value })} required maxLength={200} placeholder="例如：2026 年度联盟考核评审会" />
        </label>
        <label>
          奖励预算（元，可不填）
          <input value={budget} onChange={(e) => draft.set({ budget: e.target.value })} placeholder="例如 1000000 或 100万" aria-describedby="new-budget-read" />
        </label>
      </div>
      {budgetRead && (
        <p id="new-budget-read" className={budgetRead.ok ? 'hint' : 'error'}>
          {budgetRead.ok ? `即 ${budgetRead.yuan} 元` : budgetRead.message}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          新建会议
        </button>{' '}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            draft.reset();
            setOpen(false);
          }}
          disabled={busy}
        >
          {draft.dirty ? '放弃填写' : '取消'}
        </button>
        {draft.returned && (
          <span className="unsaved" data-testid="new-meeting-state">
            {' '}
            上次离开本页时填写的，尚未新建：点“新建会议”完成，或点“放弃填写”
          </span>
        )}
      </div>
    </form>
  );
}

interface FormProps {
  readonly setup: MeetingSetup;
  readonly actor: string;
  readonly onSaved: (setup: MeetingSetup, message: string) => void;
  readonly onError: (message: string) => void;
}

interface SettingsValues {
  readonly method: 'mean' | 'trimmed';
  readonly threshold: string;
  readonly budget: string;
  readonly outlierPercent: string;
  readonly rubricId: string;
}

const settingsOf = (setup: MeetingSetup): SettingsValues => ({
  method: setup.settings.method,
  threshold: setup.settings.deviationThreshold,
  budget: setup.settings.budgetYuan ?? '',
  outlierPercent: setup.outlierPercent,
  rubricId: setup.rubricId,
});

const sameSettings = (a: SettingsValues, b: SettingsValues) =>
  a.method === b.method && a.threshold === b.threshold && a.budget === b.budget && a.outlierPercent === b.outlierPercent && a.rubricId === b.rubricId;

const initialPackages = (setup: MeetingSetup): Set<number> => {
  if (setup.packages.length > 0) return new Set(setup.packages.flatMap((p) => (p.packageId === null ? [] : [p.packageId])));
  return new Set(setup.candidates.filter((p) => !p.superseded).map((p) => p.id));
};

const savedPackages = (setup: MeetingSetup): string =>
  [...new Set(setup.packages.flatMap((p) => (p.packageId === null ? [] : [p.packageId])))].sort((a, b) => a - b).join(',');

const packagesKey = (ids: ReadonlySet<number>): string => [...ids].sort((a, b) => a - b).join(',');

/**
 * The whole preparation in one form with one 保存: settings, roster, packages. Each part that
 * changed is saved in turn; a part that is refused stops the save and keeps everything typed,
 * marked unsaved, with the reason.
 */
function SetupForm({ setup, actor, onSaved, onError }: FormProps) {
  const meetingId = setup.meeting.id;
  const readOnly = setup.locked;
  // What was typed before going to another screen (or reloading) comes back, still unsaved.
  const [draft] = useState(() => (readOnly ? null : readSetupDraft(meetingId)));
  const [returned, setReturned] = useState(draft !== null);
  const [settings, setSettings] = useState<SettingsValues>(() => draft?.settings ?? settingsOf(setup));
  const [settingsBase, setSettingsBase] = useState<SettingsValues>(() => settingsOf(setup));
  const [rosterBase, setRosterBase] = useState(() => setup.experts.map(rosterLine).join('\n'));
  const [roster, setRoster] = useState(() => draft?.roster ?? rosterBase);
  const [chosen, setChosen] = useState<Set<number>>(() => (draft ? new Set(draft.packageIds) : initialPackages(setup)));
  const [packagesBase, setPackagesBase] = useState(() => savedPackages(setup));
  const [saving, setSaving] = useState(false);

  const settingsDirty = !sameSettings(settings, settingsBase);
  const rosterDirty = roster !== rosterBase;
  const packagesDirty = packagesKey(chosen) !== packagesBase;
  const dirty = settingsDirty || rosterDirty || packagesDirty;

  useEffect(() => {
    if (readOnly) return;
    if (dirty) keepSetupDraft(meetingId, { settings, roster, packageIds: [...chosen] });
    else dropSetupDraft(meetingId);
  }, [readOnly, dirty, meetingId, settings, roster, chosen]);

  const discard = () => {
    setSettings(settingsBase);
    setRoster(rosterBase);
    setChosen(initialPackages(setup));
    setReturned(false);
    dropSetupDraft(meetingId);
  };

  const budgetRead = settings.budget.trim() === '' ? null : parseYuanText(settings.budget);
  const set = (patch: Partial<SettingsValues>) => setSettings((s) => ({ ...s, ...patch }));

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const done: string[] = [];
    let latest: MeetingSetup | null = null;
    const fail = (part: string, message: string) => {
      if (latest) onSaved(latest, '');
      // Main's message may already say what was not saved (名册未保存：…); it is not said twice.
      // …and its own "请改正后再试" is said once, by the sentence added here.
      const said = message.replace(/请改正后再试。?$/u, '');
      const reason = said.includes('未保存') ? said : `${part}未保存：${said}`;
      onError(`${done.length > 0 ? `${done.join('、')}已保存；` : ''}${reason} 您填写的内容都还在，改正后再点“保存”。`);
    };
    try {
      if (settingsDirty) {
        const result = await api.invoke('meeting-settings-save', {
          meetingId: setup.meeting.id,
          actor,
          rubricId: settings.rubricId,
          method: settings.method,
          deviationThreshold: settings.threshold,
          budgetYuan: settings.budget.trim() === '' ? null : settings.budget.trim(),
          outlierPercent: settings.outlierPercent,
        });
        if (!result.ok) return fail('会议设置', result.error.message);
        latest = result.value;
        const next = settingsOf(result.value);
        setSettings(next);
        setSettingsBase(next);
        done.push('会议设置');
      }
      if (rosterDirty) {
        const result = await api.invoke('meeting-roster-save', { meetingId: setup.meeting.id, actor, experts: parseRosterText(roster) });
        if (!result.ok) return fail('专家名册', result.error.message);
        latest = result.value;
        setRosterBase(roster);
        done.push('专家名册');
      }
      if (packagesDirty) {
        const result = await api.invoke('meeting-packages-save', { meetingId: setup.meeting.id, actor, packageIds: [...chosen] });
        if (!result.ok) return fail('会议材料包', result.error.message);
        latest = result.value;
        setPackagesBase(savedPackages(result.value));
        done.push('会议材料包');
      }
      setReturned(false);
      if (latest) onSaved(latest, `已保存：${done.join('、')}。`);
      else onSaved(setup, '没有需要保存的改动。');
    } finally {
      setSaving(false);
    }
  };

  const toggle = (id: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const leader = setup.experts.find((e) => e.leader);
  const unsaved = <span className="unsaved">（未保存）</span>;

  return (
    <form
      className="setup-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <section className="panel" aria-labelledby="settings-title">
        <h2 id="settings-title">会议设置{settingsDirty && unsaved}</h2>
        <div className="setting-row">
          <label>
            评分细则
            <select value={settings.rubricId} onChange={(e) => set({ rubricId: e.target.value })} disabled={readOnly}>
              {setup.rubricIds.map((id) => (
                <option key={id}>{id}</option>
              ))}
            </select>
          </label>
          <fieldset disabled={readOnly}>
            <legend>汇总方法</legend>
            <label className="inline">
              <input type="radio" name="method" checked={settings.method === 'mean'} onChange={() => set({ method: 'mean' })} /> 平均分
            </label>
            <label className="inline">
              <input type="radio" name="method" checked={settings.method === 'trimmed'} onChange={() => set({ method: 'trimmed' })} /> 去掉一个最高分和一个最低分后平均（5 位及以上专家评分时）
            </label>
          </fieldset>
          <label>
            偏离阈值（分）
            <input value={settings.threshold} onChange={(e) => set({ threshold: e.target.value })} inputMode="decimal" disabled={readOnly} className="short" />
          </label>
          <label title="主观评分与其他专家平均分之差超过该项满分的这一比例时，需该专家书面说明或修改">
            畸高畸低阈值（占该项满分的 %）
            <input value={settings.outlierPercent} onChange={(e) => set({ outlierPercent: e.target.value })} inputMode="decimal" disabled={readOnly} className="short" />
          </label>
          <label>
            奖励预算（元，可不填）
            <input value={settings.budget} onChange={(e) => set({ budget: e.target.value })} disabled={readOnly} placeholder="例如 1000000 或 100万" />
          </label>
        </div>
        {budgetRead && !(budgetRead.ok && budgetRead.yuan === settings.budget.trim()) && (
          <p className={budgetRead.ok ? 'hint' : 'error'} data-testid="budget-read">
            奖励预算：{budgetRead.ok ? `即 ${budgetRead.yuan} 元` : budgetRead.message}
          </p>
        )}
        <p className="hint">偏离阈值：某专家总分与专家组平均分相差超过此值时标记“偏离”。奖励：每家优秀联盟 min(20 万元, 预算 ÷ 优秀家数)，取整到元。</p>
      </section>

      <section className="panel" aria-labelledby="roster-title">
        <h2 id="roster-title">
          专家名册（{setup.experts.length} 位）{rosterDirty && unsaved}
        </h2>
        <p className="hint">
          每行一位专家：编号，姓名，职称，专业，工作单位，组长（用逗号或制表符分隔；职称以后可不填，组长只在一行标出；只有编号和姓名时也可用空格分隔，如“E02 李华”），例如“E01，王明，教授，材料科学，合肥工业大学，组长”。可从表格中整行复制粘贴。编号由会务人员分配，专家在本机建档时从名册中选择自己，评分表上的编号须与名册一致才能导入。
        </p>
        <textarea
          value={roster}
          onChange={(e) => setRoster(e.target.value)}
          rows={Math.max(4, Math.min(12, setup.experts.length + 2))}
          aria-label="专家名册"
          disabled={readOnly}
          className="roster-text"
        />
        {setup.experts.length > 0 && (
          <table className="table compact roster-table" aria-label="已保存的专家名册">
            <thead>
              <tr>
                <th>编号</th>
                <th>姓名</th>
                <th>职称</th>
                <th>专业</th>
                <th>工作单位</th>
                <th>组长</th>
              </tr>
            </thead>
            <tbody>
              {setup.experts.map((e) => (
                <tr key={e.id}>
                  <td>{e.id}</td>
                  <td>{e.name}</td>
                  <td>{e.title}</td>
                  <td>{e.specialty}</td>
                  <td>{e.employer}</td>
                  <td>{e.leader ? '组长' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {setup.experts.length > 0 && leader === undefined && <p className="hint">尚未指定组长：在组长那一行末尾加上“组长”后保存。</p>}
      </section>

      <section className="panel" aria-labelledby="packages-title">
        <h2 id="packages-title">
          会议材料包（已选 {chosen.size} 个联盟）{packagesDirty && unsaved}
        </h2>
        {setup.candidates.length === 0 ? (
          <p className="muted">本机没有 {setup.meeting.year} 年度的材料包。请先在“材料包”页导入各联盟的材料包。</p>
        ) : (
          <table className="table compact" aria-label="可选的材料包">
            <thead>
              <tr>
                <th scope="col">选用</th>
                <th scope="col">联盟</th>
                <th scope="col">版本</th>
                <th scope="col">摘要</th>
                <th scope="col" className="num">自评分</th>
              </tr>
            </thead>
            <tbody>
              {setup.candidates.map((p) => (
                <tr key={p.id} className={p.superseded ? 'superseded' : undefined}>
                  <td>
                    <input type="checkbox" checked={chosen.has(p.id)} onChange={() => toggle(p.id)} disabled={readOnly} aria-label={`选用 ${p.allianceName} 第 ${p.version} 版`} />
                  </td>
                  <td>
                    {p.allianceName} <span className="muted small">{p.allianceId}</span>
                  </td>
                  <td>
                    第 {p.version} 版{p.superseded && <span className="muted small">（已有新版）</span>}
                  </td>
                  <td>
                    <code title={p.digest}>{p.digest.slice(0, 12)}</code>
                  </td>
                  <td className="num">{p.selfTotal}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <div className="save-bar">
        <button type="submit" disabled={readOnly || saving || !dirty}>
          {saving ? '正在保存……' : '保存'}
        </button>
        <span className={dirty ? 'unsaved' : 'muted'} data-testid="save-state">
          {readOnly ? '本会议已定稿，不能再修改。' : dirty ? (returned ? '有未保存的修改（上次离开本页时留下的，点“保存”保存）' : '有未保存的修改') : '所有修改都已保存'}
        </span>
        {dirty && !saving && (
          <button type="button" className="secondary" onClick={discard}>
            放弃修改
          </button>
        )}
      </div>
    </form>
  );
}

function MeetingFileExport({ setup }: { readonly setup: MeetingSetup }) {
  const [folder, setFolder] = useState('');
  const [done, setDone] = useState<{ path: string; fingerprint: string; bytes: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = async () => {
    const result = await api.invoke('sheet-folder-pick', {});
    if (result.ok && result.value !== null) setFolder(result.value);
  };
  const write = async () => {
    setError(null);
    setDone(null);
    const result = await api.invoke('meeting-file-export', { meetingId: setup.meeting.id, folder });
    if (result.ok) setDone(result.value);
    else setError(result.error.message);
  };
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">导出会议包</h2>
      <p className="hint">会议包（.meeting.zip）包含年度、评分细则、会议设置、专家名册和全部材料包。拷到 U 盘，在每台专家电脑和主任电脑上“导入会议包”。</p>
      <div className="setting-row">
        <label className="grow">
          保存到文件夹
          <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="例如 E:\ 或 /media/usb" aria-label="保存到文件夹" />
        </label>
        {api.pathForFile && (
          <button type="button" className="secondary" onClick={() => void pick()}>
            选择文件夹…
          </button>
        )}
        <button type="button" onClick={() => void write()} disabled={folder.trim() === '' || !setup.prepared}>
          导出会议包
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {done && (
        <div role="status" className="fingerprint-box" data-testid="meeting-file-exported">
          <p>
            已写出 <code>{done.path}</code>（{formatBytes(done.bytes)}）。
          </p>
          <p>
            会议包指纹 <strong className="fingerprint-big">{done.fingerprint}</strong>
          </p>
          <p className="hint">请在会上宣读此指纹；各电脑导入会议包后显示的指纹应与此相同。</p>
        </div>
      )}
      {setup.files.length > 0 && (
        <ul className="file-history" aria-label="会议包记录">
          {setup.files.map((f, i) => (
            <li key={i}>
              {chinaDateTime(f.at)} {f.direction === 'export' ? '导出' : '导入'} <code>{f.fingerprint}</code> <span className="muted small">{f.fileName}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MeetingFileImport({ actor, onImported }: { readonly actor: string; readonly onImported: (outcome: MeetingFileImportOutcome) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<MeetingFileImportOutcome | null>(null);
  const [error, setError] = useState<Pick<ApiError, 'message' | 'problems'> | null>(null);
  const job = useJob(jobId, (status: JobStatus) => {
    setJobId(null);
    if (status.state === 'done') {
      void api.invoke('meeting-file-import-outcome', { jobId: status.id }).then((result) => {
        if (result.ok) {
          setOutcome(result.value);
          onImported(result.value);
        } else setError(result.error);
      });
    } else if (status.state === 'failed') setError(status.error ?? { message: '导入失败，本机数据未改动。' });
    else setError({ message: '导入已取消，本机数据未改动。' });
  });
  const start = async (files: readonly File[]) => {
    setError(null);
    setOutcome(null);
    const sources = await fileSources(files.slice(0, 1));
    if (!sources.ok) return setError({ message: sources.message });
    const source = sources.sources[0];
    if (source === undefined) return;
    // The file says everything the import needs; a typed operator is logged when there is one.
    const result = await api.invoke('meeting-file-import', actor.trim() === '' ? { source } : { actor, source });
    if (result.ok) setJobId(result.value.jobId);
    else setError(result.error);
  };
  const progress = job?.progress;
  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">导入会议包</h2>
      <p className="hint">专家电脑和主任电脑：选择会务人员拷来的 .meeting.zip，一步导入会议设置、专家名册和全部材料包；每个材料包的摘要都会核对，文件损坏或被改动时拒绝导入。</p>
      <input
        ref={input}
        type="file"
        accept=".zip"
        hidden
        data-testid="meeting-file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void start(files);
        }}
      />
      <button type="button" onClick={() => input.current?.click()} disabled={jobId !== null}>
        导入会议包（.meeting.zip）…
      </button>
      {jobId !== null && (
        <p role="status">
          正在导入：{progress?.current || '检查会议包……'} {progress && progress.bytesTotal > 0 && `（${formatBytes(progress.bytesDone)} / ${formatBytes(progress.bytesTotal)}）`}
        </p>
      )}
      {error && <RefusalView error={error} testId="meeting-file-refused" />}
      {outcome && (
        <div role="status" className="fingerprint-box" data-testid="meeting-file-imported">
          <p>
            {outcome.outcome === 'created' ? '已导入' : outcome.outcome === 'updated' ? '已更新' : '已导入过，未改动'}：{outcome.year} 年度 · {outcome.name}，材料包 {outcome.packages.length} 个。
          </p>
          <p>
            会议包指纹 <strong className="fingerprint-big">{outcome.fingerprint}</strong>
          </p>
          <p className="hint">请与会务人员宣读的指纹核对；不一致时请勿使用，向会务人员重新拷贝。</p>
        </div>
      )}
    </section>
  );
}
