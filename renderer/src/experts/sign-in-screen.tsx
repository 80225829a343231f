/**
 * Sign-in (签到) before scoring: the expert confirms who they are, reads the pledge (承诺书),
 * draws their signature, declares for every alliance of the year either no conflict or a
 * recusal with a reason from the standard list, and signs with their passphrase. Until then
 * the year cannot be scored (main refuses it too). Afterwards the sign-in is shown read-only.
 */
import { useState } from 'react';
import type { AllianceProgress, ExpertProfile, SignInView } from '../../../shared/api/expert-work-types.ts';
import type { RecusalReasonCode, SignIn } from '../../../shared/sheet/sign-in.ts';
import { RECUSAL_REASONS, recusalReasonText } from '../../../shared/sheet/sign-in.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { api } from '../api/api.ts';
import { SignaturePad } from './signature-pad.tsx';

type Choice = { readonly reason: RecusalReasonCode | 'none' | ''; readonly detail: string };

export interface SignInScreenProps {
  readonly expert: ExpertProfile;
  readonly view: SignInView;
  readonly alliances: readonly AllianceProgress[];
  readonly onSignedIn: (view: SignInView) => void;
  readonly onSwitchExpert: () => void;
}

export function SignInScreen({ expert, view, alliances, onSignedIn, onSwitchExpert }: SignInScreenProps) {
  const [confirmed, setConfirmed] = useState(false);
  const [signature, setSignature] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(true);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Any change clears the last refusal: it described the form as it was then.
  const choose = (allianceId: string, change: Partial<Choice>) => {
    setError(null);
    setChoices((current) => ({ ...current, [allianceId]: { reason: '', detail: '', ...current[allianceId], ...change } }));
  };
  const noneForAll = () => {
    setError(null);
    setChoices(Object.fromEntries(alliances.map((a) => [a.allianceId, { reason: 'none', detail: '' }])));
  };

  const submit = async () => {
    const undeclared = alliances.filter((a) => (choices[a.allianceId]?.reason ?? '') === '');
    const missing = [
      ...(confirmed ? [] : ['请勾选“以上身份信息是本人”']),
      ...(signature === null ? ['请先手写签名并点“保存签名”'] : []),
      ...(undeclared.length > 0 ? [`请对每个联盟声明是否回避（还有 ${undeclared.map((a) => a.allianceName).join('、')}）`] : []),
      ...(passphrase === '' ? ['请输入签名口令'] : []),
    ];
    if (missing.length > 0 || signature === null) {
      setError(`${missing.join('；')}。`);
      return;
    }
    const recusals = alliances.flatMap((a) => {
      const choice = choices[a.allianceId];
      if (choice === undefined || choice.reason === 'none' || choice.reason === '') return [];
      return [{ allianceId: a.allianceId, reason: choice.reason, ...(choice.detail.trim() === '' ? {} : { detail: choice.detail.trim() }) }];
    });
    setBusy(true);
    const result = await api.invoke('sign-in-save', { expertId: expert.id, year: view.year, passphrase, handSignature: signature, recusals });
    setBusy(false);
    if (result.ok) onSignedIn(result.value);
    else setError(result.error.message);
  };

  return (
    <section className="screen sign-in" aria-labelledby="sign-in-title">
      <div className="screen-header">
        <h2 id="sign-in-title">签到 · {view.year} 年度评审</h2>
        <button type="button" className="secondary" onClick={onSwitchExpert}>
          切换专家
        </button>
      </div>
      <p className="hint">评分开始前请完成签到：确认身份，阅读并签署承诺书，对每个联盟声明是否回避，最后输入口令签名。签到后不能更改。</p>

      <div className="panel">
        <h3>一、确认身份</h3>
        <dl className="identity">
          <dt>姓名</dt>
          <dd>{expert.name}</dd>
          <dt>专家编号</dt>
          <dd>{expert.rosterId}</dd>
          {expert.title !== '' && (
            <>
              <dt>职称</dt>
              <dd>{expert.title}</dd>
            </>
          )}
          {expert.employer !== '' && (
            <>
              <dt>工作单位</dt>
              <dd>{expert.employer}</dd>
            </>
          )}
          <dt>密钥指纹</dt>
          <dd>
            <code>{expert.fingerprint}</code>
          </dd>
        </dl>
        <label className="inline">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(e) => {
              setError(null);
              setConfirmed(e.target.checked);
            }}
          />{' '}
          以上身份信息是本人
        </label>
      </div>

      <div className="panel">
        <h3>二、阅读并签署承诺书</h3>
        <pre className="pledge-text" aria-label="承诺书">{view.pledgeText}</pre>
        {drawing ? (
          <SignaturePad
            onCancel={() => setDrawing(false)}
            onSave={async (dataUrl) => {
              setError(null);
              setSignature(dataUrl);
              setDrawing(false);
              return true;
            }}
          />
        ) : (
          <div className="signature-preview">
            {signature !== null ? <img src={signature} alt="手写签名" /> : <span className="muted">尚未签名</span>}
            <button type="button" className="secondary" onClick={() => setDrawing(true)}>
              {signature === null ? '手写签名…' : '重新签名'}
            </button>
          </div>
        )}
      </div>

      <div className="panel">
        <h3>三、声明回避</h3>
        <p className="hint">与联盟的成员单位有下列关系之一的，应当回避该联盟：选择理由；“其他利害关系”请写明情况。没有利害关系的选“不回避”。</p>
        <button type="button" className="secondary" onClick={noneForAll}>
          与所有联盟均无利害关系
        </button>
        <table className="table compact recusal-declaration">
          <thead>
            <tr>
              <th>联盟</th>
              <th>是否回避</th>
              <th>情况说明</th>
            </tr>
          </thead>
          <tbody>
            {alliances.map((a) => {
              const choice = choices[a.allianceId] ?? { reason: '', detail: '' };
              return (
                <tr key={a.allianceId}>
                  <td>
                    {a.allianceName} <span className="muted">{a.allianceId}</span>
                  </td>
                  <td>
                    <select
                      aria-label={`${a.allianceName} 是否回避`}
                      value={choice.reason}
                      onChange={(e) => choose(a.allianceId, { reason: e.target.value as Choice['reason'] })}
                    >
                      <option value="">请选择</option>
                      <option value="none">不回避（无利害关系）</option>
                      {RECUSAL_REASONS.map((r) => (
                        <option key={r.code} value={r.code}>
                          回避：{r.words}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {choice.reason !== '' && choice.reason !== 'none' && (
                      <input
                        aria-label={`${a.allianceName} 回避情况说明`}
                        value={choice.detail}
                        onChange={(e) => choose(a.allianceId, { detail: e.target.value })}
                        placeholder={choice.reason === 'other' ? '请写明具体情况（必填）' : '可补充说明（可不填）'}
                        maxLength={500}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="panel">
        <h3>四、签名</h3>
        <label className="field">
          签名口令
          <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="current-password" />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={() => void submit()} disabled={busy}>
            {busy ? '正在签名……' : '签署承诺书并签到'}
          </button>
        </div>
      </div>
    </section>
  );
}

/** The stored sign-in, read-only, above the alliance list. */
export function SignInSummary({ signIn, alliances }: { signIn: SignIn; alliances: readonly AllianceProgress[] }) {
  const name = (id: string) => alliances.find((a) => a.allianceId === id)?.allianceName ?? id;
  return (
    <details className="panel sign-in-summary" data-testid="sign-in-summary">
      <summary>
        已签到 {chinaDateTime(signIn.at)} · 已签署承诺书 · {signIn.recusals.length === 0 ? '未声明回避' : `声明回避 ${signIn.recusals.length} 个联盟`}
      </summary>
      <pre className="pledge-text">{signIn.pledge.text}</pre>
      {signIn.recusals.length > 0 && (
        <ul>
          {signIn.recusals.map((r) => (
            <li key={r.allianceId}>
              {name(r.allianceId)}：{recusalReasonText(r)}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
