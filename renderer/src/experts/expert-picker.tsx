/**
 * Choosing who works on this laptop: the expert profiles kept here, and a form to add one.
 * Adding a profile makes the expert's signing key on this laptop; the passphrase chosen here
 * unlocks it when they sign (it is asked for nothing else) and cannot be recovered.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ExpertProfile, RosterChoices } from '../../../shared/api/expert-work-types.ts';
import { api } from '../api/api.ts';

export function ExpertPicker({ onChoose }: { onChoose: (expert: ExpertProfile) => void }) {
  const [experts, setExperts] = useState<readonly ExpertProfile[] | null>(null);
  const [rosters, setRosters] = useState<readonly RosterChoices[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.invoke('expert-list', {}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setExperts(result.value);
        if (result.value.length === 0) setAdding(true);
      } else setError(result.error.message);
    });
    void api.invoke('expert-roster-choices', {}).then((result) => {
      if (!live) return;
      if (result.ok) setRosters(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="screen expert-picker" aria-labelledby="picker-title">
      <div className="screen-header">
        <h2 id="picker-title">专家评分 · 请选择您的专家档案</h2>
      </div>
      <p className="hint">一台电脑可供几位专家轮流使用，每位专家只看到自己的评分。签名密钥只保存在本机。</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {experts === null ? (
        <p className="muted">正在读取……</p>
      ) : (
        experts.length > 0 && (
          <ul className="expert-cards" aria-label="本机的专家档案">
            {experts.map((e) => (
              <li key={e.id}>
                <button type="button" className="expert-card" onClick={() => onChoose(e)} data-testid="expert-card">
                  <span className="expert-name">{e.name}</span>
                  <span className="muted">
                    编号 {e.rosterId}
                    {e.title !== '' && ` · ${e.title}`}
                  </span>
                  {e.employer !== '' && <span className="muted">{e.employer}</span>}
                  <span className="fingerprint" title="签名密钥指纹">
                    指纹 <code>{e.fingerprint}</code>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )
      )}
      {adding ? (
        rosters === null ? (
          <p className="muted">正在读取名册……</p>
        ) : (
          <CreateExpertForm rosters={rosters} onCreated={onChoose} onCancel={experts && experts.length > 0 ? () => setAdding(false) : null} />
        )
      ) : (
        <button type="button" className="secondary" onClick={() => setAdding(true)}>
          新建专家档案…
        </button>
      )}
    </section>
  );
}

interface CreateProps {
  /** The rosters on this laptop; when there are any, the expert chooses an entry and types no id. */
  readonly rosters: readonly RosterChoices[];
  readonly onCreated: (expert: ExpertProfile) => void;
  readonly onCancel: (() => void) | null;
}

function CreateExpertForm({ rosters, onCreated, onCancel }: CreateProps) {
  const [name, setName] = useState('');
  const [rosterId, setRosterId] = useState('');
  const [meetingId, setMeetingId] = useState<number | null>(rosters[0]?.meetingId ?? null);
  const roster = rosters.find((r) => r.meetingId === meetingId) ?? null;
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== again) {
      setError('两次输入的口令不一致。');
      return;
    }
    if (roster !== null && rosterId === '') {
      setError('请先在名册中选择您自己的一行。');
      return;
    }
    setBusy(true);
    const result = await api.invoke(
      'expert-create',
      roster !== null ? { meetingId: roster.meetingId, rosterId, passphrase } : { name, rosterId, passphrase },
    );
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(result.error.message);
  };

  return (
    <form className="panel create-expert" onSubmit={(e) => void submit(e)} aria-labelledby="create-expert-title">
      <h3 id="create-expert-title">新建专家档案</h3>
      {roster !== null ? (
        <RosterChoice
          rosters={rosters}
          roster={roster}
          rosterId={rosterId}
          onMeeting={(id) => {
            setMeetingId(id);
            setRosterId('');
          }}
          onChoose={setRosterId}
        />
      ) : null}
      <div className="form-grid">
        {roster === null && (
          <>
            <label>
              姓名
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} autoFocus autoComplete="off" />
            </label>
            <label>
              专家编号（会务组提供，如 E01）
              <input value={rosterId} onChange={(e) => setRosterId(e.target.value)} required maxLength={64} pattern="[A-Za-z0-9_\-]+" autoComplete="off" />
            </label>
          </>
        )}
        <label>
          签名口令（至少 8 个字符）
          <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} required minLength={8} autoComplete="new-password" />
        </label>
        <label>
          再输入一次口令
          <input type="password" value={again} onChange={(e) => setAgain(e.target.value)} required minLength={8} autoComplete="new-password" />
        </label>
      </div>
      <p className="hint">口令只在签名时使用，用来保护本机上的签名密钥。请牢记：口令无法找回，忘记后只能新建档案并向组长报告新的指纹。</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? '正在生成密钥……' : '创建档案并生成签名密钥'}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            取消
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * The roster entries to choose from: the id, name, title and employer are the roster's, shown,
 * never typed. An entry that already has a profile here cannot be chosen twice.
 */
function RosterChoice({
  rosters,
  roster,
  rosterId,
  onMeeting,
  onChoose,
}: {
  rosters: readonly RosterChoices[];
  roster: RosterChoices;
  rosterId: string;
  onMeeting: (meetingId: number) => void;
  onChoose: (rosterId: string) => void;
}) {
  return (
    <fieldset className="roster-choice">
      <legend>请在“{roster.meetingName}”的专家名册中选择您自己</legend>
      {rosters.length > 1 && (
        <label>
          会议
          <select value={roster.meetingId} onChange={(e) => onMeeting(Number(e.target.value))}>
            {rosters.map((r) => (
              <option key={r.meetingId} value={r.meetingId}>
                {r.year} 年度 · {r.meetingName}
              </option>
            ))}
          </select>
        </label>
      )}
      <table className="table compact">
        <thead>
          <tr>
            <th aria-label="选择" />
            <th>编号</th>
            <th>姓名</th>
            <th>职称</th>
            <th>专业</th>
            <th>工作单位</th>
          </tr>
        </thead>
        <tbody>
          {roster.experts.map((e) => {
            const taken = e.profileId !== null;
            return (
              <tr key={e.id} className={taken ? 'muted' : undefined}>
                <td>
                  <input
                    type="radio"
                    name="roster-entry"
                    aria-label={`${e.id} ${e.name}`}
                    checked={rosterId === e.id}
                    disabled={taken}
                    onChange={() => onChoose(e.id)}
                  />
                </td>
                <td>{e.id}</td>
                <td>
                  {e.name}
                  {e.leader && <span className="leader-mark">组长</span>}
                </td>
                <td>{e.title}</td>
                <td>{e.specialty}</td>
                <td>
                  {e.employer}
                  {taken && <span className="muted">（本机已有档案）</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">编号和姓名以名册为准，不需要输入；名册有误请告诉会务人员改正后重新导出会议包。</p>
    </fieldset>
  );
}
