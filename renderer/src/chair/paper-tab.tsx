/**
 * Paper entry (纸质录入): an expert who scored on paper has their sheet typed in twice. The clerk
 * types it (entry 1); a second person types it again from the paper without seeing entry 1
 * (entry 2). When both agree field by field, the sheet counts, marked as paper-entered and by
 * whom; otherwise every mismatch is listed with what each entry says, and whoever typed a wrong
 * field corrects their own entry (each person may reload only the entry they typed).
 *
 * - One alliance at a time: a list of the meeting's alliances with how far each is typed, and
 *   上一个 / 下一个, so the clerk never scrolls a long page. The rows come from the same list
 *   as the blank paper form (shared/paper/paper-form-rows.ts), in the same order, so the paper
 *   and the screen go together row by row.
 * - Keyboard first: Tab follows the form; Enter moves to the next field (and from the last one
 *   to 下一个联盟); on a 认定 box the keys of `choiceKeys` choose.
 * - 全部认定 sets every item still 未填 to 认定, an explicit press, so only the exceptions are
 *   typed. Nothing starts chosen.
 * - The alliance's total so far is the scoring engine's, for comparing with the paper's total.
 * Saving is safe to repeat: the button is disabled while the save runs, and main takes the same
 * entry saved again by the same person as a no-op (paper-sheets.ts).
 */
import type { KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { PaperFormView, PaperSheetView } from '../../../shared/api/chair-types.ts';
import type { RequestOf } from '../../../shared/api/contract.ts';
import { formatScore } from '../../../shared/decimal/print-score.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import type { PaperFormRow } from '../../../shared/paper/paper-form-rows.ts';
import { choiceKey, itemClaimText, paperFormRows } from '../../../shared/paper/paper-form-rows.ts';
import { api } from '../api/api.ts';
import { gradeLabel } from '../common/labels.ts';
import { useUnsavedText } from '../common/unsaved-text.ts';
import type { AllianceState, Choice, Draft, DraftReview, FormAlliance } from './paper-draft.ts';
import { acceptAllUnfilled, allianceScore, allianceState, emptyReview, fromContent, toContent } from './paper-draft.ts';
import { mismatchPlace } from './paper-place.ts';
import { PaperFormPrint } from './paper-form-print.tsx';
import './paper-tab.css';
import { DateField } from '../common/date-field.tsx';
import { Changes } from './changes.tsx';

/** The keys that choose on a 认定 box: one list, for the key handling and the hint alike. */
const choiceKeys: readonly { readonly key: string; readonly accept: boolean | null; readonly label: string }[] = [
  { key: '1', accept: true, label: '认定' },
  { key: '2', accept: false, label: '不予认定' },
  { key: '0', accept: null, label: '未填' },
];

function stateText(state: AllianceState): string {
  switch (state.kind) {
    case 'untouched':
      return '未开始';
    case 'recused':
      return '回避';
    case 'typing':
      return `还有 ${state.open} 项未填`;
    case 'complete':
      return '已填完';
  }
}

/** Enter moves on, as Tab does, except where Enter is part of the typing (a comment, an IME). */
function moveOnEnter(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
  const target = event.target as HTMLElement;
  if (target.tagName !== 'INPUT' && target.tagName !== 'SELECT') return;
  event.preventDefault();
  const fields = [...event.currentTarget.querySelectorAll<HTMLElement>('input, select, textarea, button[data-move-target]')].filter(
    (element) => !(element as HTMLInputElement).disabled,
  );
  fields[fields.indexOf(target) + 1]?.focus();
}

export function PaperTab({ meetingId, actor, onChanged }: { readonly meetingId: number; readonly actor: string; readonly onChanged: () => void }) {
  const [form, setForm] = useState<PaperFormView | null>(null);
  const [sheets, setSheets] = useState<readonly PaperSheetView[]>([]);
  const [expertId, setExpertId] = useState('');
  const [entryNo, setEntryNo] = useState<1 | 2>(1);
  const [draft, setDraft] = useState<Draft>({ signedOn: '', reviews: {} });
  const [at, setAt] = useState(0);
  const [message, setMessage] = useState<{ kind: 'error' | 'notice'; text: string } | null>(null);
  const [generation, setGeneration] = useState(0);
  const [saving, setSaving] = useState(false);
  const savingNow = useRef(false);
  // Typed since the form was last emptied, loaded or saved.
  const [typed, setTyped] = useState(false);
  useUnsavedText(typed);

  useEffect(() => {
    let live = true;
    void Promise.all([api.invoke('paper-form', { meetingId }), api.invoke('paper-sheet-list', { meetingId })]).then(([f, s]) => {
      if (!live) return;
      if (f.ok) setForm(f.value);
      else setMessage({ kind: 'error', text: f.error.message });
      if (s.ok) setSheets(s.value);
    });
    return () => {
      live = false;
    };
  }, [meetingId, generation]);

  if (form === null) return message ? <p className="error">{message.text}</p> : <p className="muted">正在读取……</p>;
  const current = sheets.find((s) => s.expertId === expertId) ?? null;
  const alliance = form.alliances[Math.min(at, form.alliances.length - 1)];

  // Another expert or entry starts from an empty form: the second person must never see the
  // first entry while typing (blind re-entry); each may reload only their own entry.
  const choose = (expert: string, entry: 1 | 2) => {
    setExpertId(expert);
    setEntryNo(entry);
    setDraft({ signedOn: '', reviews: {} });
    setAt(0);
    setTyped(false);
    setMessage(null);
  };

  const setReview = (allianceId: string, change: (review: DraftReview) => DraftReview) => {
    setTyped(true);
    setDraft((d) => ({ ...d, reviews: { ...d.reviews, [allianceId]: change(d.reviews[allianceId] ?? emptyReview) } }));
  };

  const save = async () => {
    // A ref, not the state: a double click's second click may come before React has drawn the
    // disabled button, and a second save of an entry already agreed would put an error under
    // the success.
    if (savingNow.current) return;
    savingNow.current = true;
    setMessage(null);
    const content = toContent(draft, form) as RequestOf<'paper-entry-save'>['content'];
    setSaving(true);
    const result = await api.invoke('paper-entry-save', { meetingId, actor, expertId, entryNo, content }).finally(() => {
      savingNow.current = false;
      setSaving(false);
    });
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
    setTyped(false);
    setSheets((list) => [...list.filter((s) => s.expertId !== expertId), result.value]);
    setMessage({
      kind: 'notice',
      text: result.value.agreed
        ? '两次录入一致，纸质评分表已计入结果。'
        : result.value.second === null || result.value.first === null
          ? `第 ${entryNo} 次录入已保存。请另一位工作人员不看本次录入，从纸质评分表再录入一次。`
          : `第 ${entryNo} 次录入已保存，与另一次录入有 ${result.value.mismatches.length} 处不一致，见下表。`,
    });
    onChanged();
    setGeneration((g) => g + 1);
  };

  const loadOwn = async () => {
    const result = await api.invoke('paper-entry-get', { meetingId, expertId, entryNo });
    if (result.ok && result.value !== null) {
      setDraft(fromContent(result.value));
      setTyped(false);
    } else if (result.ok) setMessage({ kind: 'notice', text: `还没有第 ${entryNo} 次录入。` });
    else setMessage({ kind: 'error', text: result.error.message });
  };

  const entering = expertId !== '' && current?.agreed == null && alliance !== undefined;
  return (
    <div className="paper">
      <section className="panel" aria-labelledby="paper-title">
        <h2 id="paper-title">纸质评分表录入</h2>
        <p className="hint">
          两人分别录入同一份纸质评分表：第 1 次由会务人员录入，第 2 次由另一人<strong>不看第 1 次录入</strong>、直接对照纸质原件录入。两次逐项一致后才计入结果，结果中注明“纸质录入”及录入人、复核人。
        </p>
        <PaperFormPrint meetingId={meetingId} year={form.year} experts={form.experts} />
        <div className="setting-row">
          <label>
            专家
            <select value={expertId} onChange={(e) => choose(e.target.value, entryNo)} aria-label="专家">
              <option value="">请选择</option>
              {form.experts.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.id} {e.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>录入次序</legend>
            <label className="inline">
              <input type="radio" checked={entryNo === 1} onChange={() => choose(expertId, 1)} /> 第 1 次录入
            </label>
            <label className="inline">
              <input type="radio" checked={entryNo === 2} onChange={() => choose(expertId, 2)} /> 第 2 次（盲录复核）
            </label>
          </fieldset>
          <Changes>
            <label>
              纸质表签字日期
              <DateField
                value={draft.signedOn}
                onChange={(date) => {
                  setTyped(true);
                  setDraft((d) => ({ ...d, signedOn: date }));
                }}
                label="签字日期"
              />
            </label>
          </Changes>
          <button type="button" className="secondary" onClick={() => void loadOwn()} disabled={expertId === ''}>
            载入我上次的第 {entryNo} 次录入
          </button>
        </div>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
            {message.text}
          </p>
        )}
        {current && <PaperStatus sheet={current} form={form} />}
      </section>
      {entering && (
        <div className="paper-entry">
          <nav className="panel paper-alliances" aria-label="联盟">
            <ol>
              {form.alliances.map((a, i) => {
                const state = allianceState(draft, a, form);
                return (
                  <li key={a.allianceId}>
                    <button
                      type="button"
                      className={`paper-alliance-link ${state.kind}`}
                      aria-current={i === at ? 'step' : undefined}
                      data-testid="paper-alliance-link"
                      data-alliance={a.allianceId}
                      data-state={state.kind}
                      onClick={() => setAt(i)}
                    >
                      <span className="name">{a.allianceName}</span>
                      <span className="state">{stateText(state)}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
            <Changes>
              <button type="button" className="paper-save" onClick={() => void save()} disabled={draft.signedOn === '' || saving}>
                {saving ? '正在保存……' : `保存第 ${entryNo} 次录入`}
              </button>
            </Changes>
            {draft.signedOn === '' && <p className="hint">先填写纸质表上的签字日期，才能保存。</p>}
          </nav>
          <AllianceEntry
            key={`${alliance.allianceId} ${expertId} ${entryNo}`}
            form={form}
            alliance={alliance}
            position={{ at, count: form.alliances.length }}
            draft={draft}
            onChange={(change) => setReview(alliance.allianceId, change)}
            onMove={(step) => setAt((i) => Math.max(0, Math.min(form.alliances.length - 1, i + step)))}
          />
        </div>
      )}
    </div>
  );
}

function PaperStatus({ sheet, form }: { readonly sheet: PaperSheetView; readonly form: PaperFormView }) {
  return (
    <div className="paper-status" data-testid="paper-status">
      <p>
        {sheet.expertId} {sheet.expertName}：第 1 次 {sheet.first ? `${sheet.first.by}（${chinaDateTime(sheet.first.at)}）` : '未录入'}；第 2 次{' '}
        {sheet.second ? `${sheet.second.by}（${chinaDateTime(sheet.second.at)}）` : '未录入'}
      </p>
      {sheet.agreed && (
        <p className="ok">
          ✓ 两次录入一致，已计入：{sheet.agreed.enteredBy} 录入，{sheet.agreed.confirmedBy} 复核（{chinaDateTime(sheet.agreed.at)}）。
        </p>
      )}
      {sheet.mismatches.length > 0 && (
        <table className="table compact mismatch" data-testid="paper-mismatches" aria-label="两次录入不一致之处">
          <thead>
            <tr>
              <th scope="col">位置</th>
              <th scope="col">第 1 次录入</th>
              <th scope="col">第 2 次录入</th>
            </tr>
          </thead>
          <tbody>
            {sheet.mismatches.map((m, i) => (
              <tr key={i}>
                <td>{mismatchPlace(m, form)}</td>
                <td>{m.first}</td>
                <td>{m.second}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ChoiceInput({ value, onChange, label }: { readonly value: Choice | undefined; readonly onChange: (choice: Choice) => void; readonly label: string }) {
  const choice = value ?? { accept: null, reason: '' };
  return (
    <span className="choice">
      <select
        value={choice.accept === null ? '' : choice.accept ? 'yes' : 'no'}
        onChange={(e) => onChange({ ...choice, accept: e.target.value === '' ? null : e.target.value === 'yes' })}
        onKeyDown={(e) => {
          const chosen = choiceKeys.find((k) => k.key === e.key);
          if (chosen === undefined || e.ctrlKey || e.altKey || e.metaKey) return;
          e.preventDefault();
          onChange({ ...choice, accept: chosen.accept });
        }}
        aria-label={label}
      >
        <option value="">未填</option>
        <option value="yes">认定</option>
        <option value="no">不予认定</option>
      </select>
      {choice.accept === false && (
        <input className="reason" value={choice.reason} onChange={(e) => onChange({ ...choice, reason: e.target.value })} placeholder="不予认定的理由" aria-label={`${label} 理由`} />
      )}
    </span>
  );
}

function rowCells(row: PaperFormRow, alliance: FormAlliance, review: DraftReview, onChange: (change: (review: DraftReview) => DraftReview) => void) {
  const setChoice = (key: string, choice: Choice) => onChange((r) => ({ ...r, choices: { ...r.choices, [key]: choice } }));
  switch (row.kind) {
    case 'indicator': {
      const { indicator } = row;
      const override = review.overrides[indicator.id] ?? { score: '', reason: '' };
      const setOverride = (next: { score: string; reason: string }) => onChange((r) => ({ ...r, overrides: { ...r.overrides, [indicator.id]: next } }));
      return (
        <tr key={indicator.id} className="indicator-row">
          <th colSpan={2} scope="rowgroup">
            {indicator.id} {indicator.label}
            {indicator.cap !== null && <span className="muted small">（上限 {indicator.cap} 分）</span>}
            <span className="override-fields">
              改判得分
              <input
                className="short"
                inputMode="decimal"
                value={override.score}
                onChange={(e) => setOverride({ ...override, score: e.target.value })}
                aria-label={`${alliance.allianceId} ${indicator.id} 改判得分`}
              />
              {override.score.trim() !== '' && (
                <input
                  value={override.reason}
                  placeholder="改判理由"
                  onChange={(e) => setOverride({ ...override, reason: e.target.value })}
                  aria-label={`${alliance.allianceId} ${indicator.id} 改判理由`}
                />
              )}
            </span>
          </th>
        </tr>
      );
    }
    case 'flag':
      return (
        <tr key={choiceKey(row)}>
          <td>
            {row.criterion.label}
            {row.note !== null && <span className="muted small">：{row.note}</span>}
          </td>
          <td>
            <ChoiceInput value={review.choices[choiceKey(row)]} onChange={(c) => setChoice(choiceKey(row), c)} label={`${alliance.allianceId} ${row.criterion.id}`} />
          </td>
        </tr>
      );
    case 'item': {
      const claim = itemClaimText(row.item);
      return (
        <tr key={choiceKey(row)}>
          <td>
            {row.criterion.label}：{row.item.title}
            {claim !== '' && <span className="muted small">（{claim}）</span>} <code className="small">{row.item.id}</code>
          </td>
          <td>
            <ChoiceInput
              value={review.choices[choiceKey(row)]}
              onChange={(c) => setChoice(choiceKey(row), c)}
              label={`${alliance.allianceId} ${row.criterion.id} ${row.item.id}`}
            />
          </td>
        </tr>
      );
    }
    case 'judged':
      return (
        <tr key={row.criterion.id}>
          <td>
            {row.criterion.label}（0–{row.criterion.max} 分）
          </td>
          <td>
            <input
              className="short"
              inputMode="decimal"
              value={review.judged[row.criterion.id] ?? ''}
              onChange={(e) => onChange((r) => ({ ...r, judged: { ...r.judged, [row.criterion.id]: e.target.value } }))}
              aria-label={`${alliance.allianceId} ${row.criterion.id}`}
            />
          </td>
        </tr>
      );
  }
}

function AllianceEntry(props: {
  readonly form: PaperFormView;
  readonly alliance: FormAlliance;
  readonly position: { readonly at: number; readonly count: number };
  readonly draft: Draft;
  readonly onChange: (change: (review: DraftReview) => DraftReview) => void;
  readonly onMove: (step: -1 | 1) => void;
}) {
  const { form, alliance, position, draft, onChange, onMove } = props;
  const review = draft.reviews[alliance.allianceId] ?? emptyReview;
  const [accepted, setAccepted] = useState<number | null>(null);
  const first = useRef<HTMLInputElement>(null);
  // A new alliance (this component is keyed by it) starts with the first field of its form.
  useEffect(() => first.current?.focus(), []);
  const score = allianceScore(draft, alliance, form);
  const rows = paperFormRows(form.rubric, alliance.claims);
  const last = position.at === position.count - 1;
  return (
    <section className="panel paper-alliance" aria-labelledby="paper-alliance-title" onKeyDown={moveOnEnter} data-testid="paper-alliance" data-alliance={alliance.allianceId}>
      <header className="paper-alliance-head">
        <h3 id="paper-alliance-title">
          <span className="muted small">
            第 {position.at + 1} / {position.count} 个联盟
          </span>{' '}
          {alliance.allianceName}（{alliance.allianceId}）
        </h3>
        <div className="paper-total" data-testid="paper-total" aria-live="polite">
          {score === null ? (
            '本联盟回避，不评分'
          ) : (
            <>
              按评分细则计算的本联盟总分 <strong data-testid="paper-total-score">{formatScore(score.total)}</strong> 分（{gradeLabel[score.grade]}）
              <span className="muted small">{score.undecided.length > 0 ? `，还有 ${score.undecided.length} 项未填` : '，各项已填完'}。请与纸质表上专家写的总分核对。</span>
            </>
          )}
        </div>
      </header>
      {/* The entry itself: what it types is only for saving. Moving between alliances stays usable. */}
      <Changes>
        <div className="setting-row">
          <label className="inline">
            <input ref={first} type="checkbox" aria-label="回避" checked={review.recused} onChange={(e) => onChange((r) => ({ ...r, recused: e.target.checked }))} /> 回避
          </label>
          {!review.recused && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const result = acceptAllUnfilled(review, alliance, form);
                onChange(() => result.review);
                setAccepted(result.count);
              }}
            >
              全部认定
            </button>
          )}
          <span className="hint">
            “全部认定”把本联盟所有“未填”的条目设为认定，已选的不变；然后只需改录纸质表上不予认定的条目。Enter 到下一格；认定框上按{' '}
            {choiceKeys.map((k) => `${k.key} ${k.label}`).join('、')}。
          </span>
        </div>
        {accepted !== null && (
          <p role="status" className="notice">
            已将 {accepted} 个未填的条目设为认定。请对照纸质表，把不予认定的条目改过来。
          </p>
        )}
        {!review.recused && (
          <table className="table compact paper-table">
            <tbody>{rows.map((row) => rowCells(row, alliance, review, onChange))}</tbody>
          </table>
        )}
        <label className="field">
          {review.recused ? '回避理由' : '总体意见（可不填）'}
          <textarea value={review.comment} rows={2} onChange={(e) => onChange((r) => ({ ...r, comment: e.target.value }))} aria-label={`${alliance.allianceId} 意见`} />
        </label>
      </Changes>
      <div className="paper-moves">
        <button type="button" className="secondary" disabled={position.at === 0} onClick={() => onMove(-1)}>
          ← 上一个联盟
        </button>
        <button type="button" disabled={last} onClick={() => onMove(1)} data-move-target="">
          下一个联盟 →
        </button>
      </div>
    </section>
  );
}
