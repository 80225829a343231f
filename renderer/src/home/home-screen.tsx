/**
 * Home screen (首页): what the app is, where its data lives, and the meetings on this
 * laptop. Every number here comes from the store through the API.
 */
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { useEffect, useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../shared/api/app-types.ts';
import type { Meeting } from '../../../shared/api/meeting-types.ts';
import { api } from '../api/api.ts';
import { BackupPanel } from './backup-panel.tsx';
import { useFormDraft } from '../common/form-draft.ts';

export function HomeScreen({ onOpenPackages }: { onOpenPackages: () => void }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [meetings, setMeetings] = useState<readonly Meeting[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Typed text outlives a trip to another screen (common/form-draft.ts).
  const draft = useFormDraft('home-new-meeting', { name: '', year: String(new Date().getFullYear()) });
  const { name, year } = draft.values;
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void Promise.all([api.invoke('app-info', {}), api.invoke('meeting-list', {})]).then(([infoResult, listResult]) => {
      if (!live) return;
      if (infoResult.ok) setInfo(infoResult.value);
      if (listResult.ok) setMeetings(listResult.value);
      const failed = !infoResult.ok ? infoResult.error : !listResult.ok ? listResult.error : null;
      setError(failed ? failed.message : null);
    });
    return () => {
      live = false;
    };
  }, [generation]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await api.invoke('meeting-create', { name, year: Number(year) });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    draft.reset();
    setGeneration((g) => g + 1);
  };

  return (
    <div className="screen home">
      <p className="subtitle">合肥市产业技术创新战略联盟年度考核 · 离线专家评审</p>

      <section className="panel start" aria-labelledby="start-title">
        <h2 id="start-title">开始</h2>
        <p>导入各联盟提交的材料包，或先载入示例会议熟悉流程。</p>
        <button type="button" onClick={onOpenPackages}>
          材料包与示例会议
        </button>
      </section>

      {info?.startupNotice && (
        <p role="alert" className="error">
          {info.startupNotice.message}
        </p>
      )}

      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}

      <section aria-labelledby="meetings-title" className="panel">
        <h2 id="meetings-title">评审会议</h2>
        {meetings === null ? (
          <p className="muted">正在读取……</p>
        ) : meetings.length === 0 ? (
          <p className="muted">本机还没有评审会议。</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">会议名称</th>
                <th scope="col">创建时间</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id} data-testid="meeting-row">
                  <td>{m.year}</td>
                  <td>{m.name}</td>
                  <td>{chinaDateTime(m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <form className="create-form" onSubmit={(e) => void create(e)}>
          <label>
            会议名称
            <input value={name} onChange={(e) => draft.set({ name: e.target.value })} required maxLength={200} placeholder="例如：2026 年度联盟考核评审会" />
          </label>
          <label>
            年度
            <input value={year} onChange={(e) => draft.set({ year: e.target.value })} inputMode="numeric" pattern="[0-9]{4}" required />
          </label>
          <button type="submit" disabled={busy}>
            新建会议
          </button>
          {draft.dirty && (
            <button type="button" className="secondary" onClick={draft.reset} disabled={busy}>
              放弃填写
            </button>
          )}
        </form>
      </section>

      <BackupPanel onRestored={() => setGeneration((g) => g + 1)} />

      <footer className="home-footer">
        {info ? (
          <span>
            版本 {info.version} · {info.shell === 'desktop' ? '桌面版' : '浏览器版'} · 数据目录 <code>{info.dataDir}</code> · 数据版本 {info.schemaVersion}
          </span>
        ) : (
          <span className="muted">正在连接……</span>
        )}
      </footer>
    </div>
  );
}
