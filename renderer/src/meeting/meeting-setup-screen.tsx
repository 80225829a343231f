/**
 * Meeting preparation (会议准备): on the clerk's laptop, the meeting's settings, roster and
 * packages, and the meeting file (会议包) that carries them to every expert laptop and the
 * chair's; on those laptops, importing that file in one step.
 */
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/api/job-types.ts';
import type { MeetingFileImportOutcome, MeetingSetup } from '../../../shared/api/meeting-setup-types.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { api } from '../api/api.ts';
import { formatBytes } from '../../../shared/format/format-bytes.ts';
import { useJob } from '../packages/use-job.ts';
import { fileSources } from './file-sources.ts';
import { parseRosterText, rosterLine } from './roster-text.ts';
import { MeetingBar, useMeetings } from './meeting-bar.tsx';
import { useActor } from './use-actor.ts';
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

  return (
    <section className="screen meeting-setup" aria-labelledby="setup-title">
      <div className="screen-header">
        <h2 id="setup-title">会议准备</h2>
      </div>
      <MeetingBar meetings={meetings} meetingId={meetingId} onChoose={choose} actor={actor} onActor={setActor} />
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
      <MeetingFileImport
        actor={actor}
        onImported={(outcome) => {
          reload();
          choose(outcome.meetingId);
          setGeneration((g) => g + 1);
        }}
      />
      {shown && (
        <>
          <SettingsForm key={`settings-${loads}`} setup={shown} actor={actor} onSaved={saved} onError={failed} />
          <RosterForm key={`roster-${loads}`} setup={shown} actor={actor} onSaved={saved} onError={failed} />
          <PackagesForm key={`packages-${loads}`} setup={shown} actor={actor} onSaved={saved} onError={failed} />
          <MeetingFileExport setup={shown} />
        </>
      )}
    </section>
  );
}

interface FormProps {
  readonly setup: MeetingSetup;
  readonly actor: string;
  readonly onSaved: (setup: MeetingSetup, message: string) => void;
  readonly onError: (message: string) => void;
}

function SettingsForm({ setup, actor, onSaved, onError }: FormProps) {
  const [method, setMethod] = useState(setup.settings.method);
  const [threshold, setThreshold] = useState(setup.settings.deviationThreshold);
  const [budget, setBudget] = useState(setup.settings.budgetYuan ?? '');
  const [outlierPercent, setOutlierPercent] = useState(setup.outlierPercent);
  const [rubricId, setRubricId] = useState(setup.rubricId);
  const save = async () => {
    const result = await api.invoke('meeting-settings-save', {
      meetingId: setup.meeting.id,
      actor,
      rubricId,
      method,
      deviationThreshold: threshold,
      budgetYuan: budget.trim() === '' ? null : budget.trim(),
      outlierPercent,
    });
    if (result.ok) onSaved(result.value, '会议设置已保存。');
    else onError(result.error.message);
  };
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">会议设置</h2>
      <div className="setting-row">
        <label>
          评分细则
          <select value={rubricId} onChange={(e) => setRubricId(e.target.value)} disabled={setup.locked}>
            {setup.rubricIds.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        <fieldset disabled={setup.locked}>
          <legend>汇总方法</legend>
          <label className="inline">
            <input type="radio" name="method" checked={method === 'mean'} onChange={() => setMethod('mean')} /> 平均分
          </label>
          <label className="inline">
            <input type="radio" name="method" checked={method === 'trimmed'} onChange={() => setMethod('trimmed')} /> 去掉一个最高分和一个最低分后平均（5 位及以上专家评分时）
          </label>
        </fieldset>
        <label>
          偏离阈值（分）
          <input value={threshold} onChange={(e) => setThreshold(e.target.value)} inputMode="decimal" disabled={setup.locked} className="short" />
        </label>
        <label title="主观评分与其他专家平均分之差超过该项满分的这一比例时，需该专家书面说明或修改">
          畸高畸低阈值（占该项满分的 %）
          <input value={outlierPercent} onChange={(e) => setOutlierPercent(e.target.value)} inputMode="decimal" disabled={setup.locked} className="short" />
        </label>
        <label>
          奖励预算（元，可不填）
          <input value={budget} onChange={(e) => setBudget(e.target.value)} inputMode="numeric" disabled={setup.locked} placeholder="例如 1000000" />
        </label>
      </div>
      <p className="hint">偏离阈值：某专家总分与专家组平均分相差超过此值时标记“偏离”。奖励：每家优秀联盟 min(20 万元, 预算 ÷ 优秀家数)，取整到元。</p>
      <button type="button" onClick={() => void save()} disabled={setup.locked}>
        保存设置
      </button>
    </section>
  );
}

function RosterForm({ setup, actor, onSaved, onError }: FormProps) {
  const [text, setText] = useState(setup.experts.map(rosterLine).join('\n'));
  const save = async () => {
    const result = await api.invoke('meeting-roster-save', { meetingId: setup.meeting.id, actor, experts: parseRosterText(text) });
    if (result.ok) onSaved(result.value, '专家名册已保存。');
    else onError(result.error.message);
  };
  const leader = setup.experts.find((e) => e.leader);
  return (
    <section className="panel" aria-labelledby="roster-title">
      <h2 id="roster-title">专家名册（{setup.experts.length} 位）</h2>
      <p className="hint">
        每行一位专家：编号，姓名，职称，专业，工作单位，组长（用逗号或制表符分隔；职称以后可不填，组长只在一行标出；只有编号和姓名时也可用空格分隔，如“E02 李华”），例如“E01，王明，教授，材料科学，合肥工业大学，组长”。可从表格中整行复制粘贴。编号由会务人员分配，专家在本机建档时从名册中选择自己，评分表上的编号须与名册一致才能导入。
      </p>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={Math.max(4, Math.min(12, setup.experts.length + 2))}
        aria-label="专家名册"
        disabled={setup.locked}
        className="roster-text"
      />
      <div>
        <button type="button" onClick={() => void save()} disabled={setup.locked}>
          保存名册
        </button>
      </div>
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
  );
}

function PackagesForm({ setup, actor, onSaved, onError }: FormProps) {
  const initial = () => {
    if (setup.packages.length > 0) return new Set(setup.packages.flatMap((p) => (p.packageId === null ? [] : [p.packageId])));
    return new Set(setup.candidates.filter((p) => !p.superseded).map((p) => p.id));
  };
  const [chosen, setChosen] = useState<Set<number>>(initial);
  const save = async () => {
    const result = await api.invoke('meeting-packages-save', { meetingId: setup.meeting.id, actor, packageIds: [...chosen] });
    if (result.ok) onSaved(result.value, '会议材料包已保存。');
    else onError(result.error.message);
  };
  const toggle = (id: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section className="panel" aria-labelledby="packages-title">
      <h2 id="packages-title">会议材料包（{setup.packages.length} 个联盟）</h2>
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
                  <input type="checkbox" checked={chosen.has(p.id)} onChange={() => toggle(p.id)} disabled={setup.locked} aria-label={`选用 ${p.allianceName} 第 ${p.version} 版`} />
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
      <button type="button" onClick={() => void save()} disabled={setup.locked}>
        保存材料包选择
      </button>
    </section>
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
  const [error, setError] = useState<string | null>(null);
  const job = useJob(jobId, (status: JobStatus) => {
    setJobId(null);
    if (status.state === 'done') {
      void api.invoke('meeting-file-import-outcome', { jobId: status.id }).then((result) => {
        if (result.ok) {
          setOutcome(result.value);
          onImported(result.value);
        } else setError(result.error.message);
      });
    } else if (status.state === 'failed') setError(status.error?.message ?? '导入失败');
    else setError('导入已取消，本机数据未改动。');
  });
  const start = async (files: readonly File[]) => {
    setError(null);
    setOutcome(null);
    const sources = await fileSources(files.slice(0, 1));
    if (!sources.ok) return setError(sources.message);
    const source = sources.sources[0];
    if (source === undefined) return;
    const result = await api.invoke('meeting-file-import', { actor, source });
    if (result.ok) setJobId(result.value.jobId);
    else setError(result.error.message);
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
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
