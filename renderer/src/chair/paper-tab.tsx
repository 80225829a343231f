/**
 * Paper entry (纸质录入): an expert who scored on paper has their sheet typed in twice. The clerk
 * types it (entry 1); a second person types it again from the paper without seeing entry 1
 * (entry 2). When both agree field by field, the sheet counts, marked as paper-entered and by
 * whom; otherwise every mismatch is listed with what each entry says, and whoever typed a wrong
 * field corrects their own entry (each person may reload only the entry they typed).
 * Saving is safe to repeat: the button is disabled while the save runs, and main takes the same
 * entry saved again by the same person as a no-op (paper-sheets.ts).
 */
import { useEffect, useState } from 'react';
import type { PaperFormView, PaperSheetView } from '../../../shared/api/chair-types.ts';
import type { PaperContent } from '../../../shared/paper/paper-entries.ts';
import type { Claim, Criterion, Decision, Override } from '../../../shared/rubric/types.ts';
import type { SheetReview } from '../../../shared/sheet/sheet-schema.ts';
import type { RequestOf } from '../../../shared/api/contract.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { api } from '../api/api.ts';
import { useUnsavedText } from '../common/unsaved-text.ts';
import { mismatchPlace } from './paper-place.ts';

interface Choice {
  readonly accept: boolean | null;
  readonly reason: string;
}

interface DraftReview {
  readonly recused: boolean;
  readonly comment: string;
  /** criterion id → choice (flags), criterion id + '/' + item id → choice (list items). */
  readonly choices: Readonly<Record<string, Choice>>;
  readonly judged: Readonly<Record<string, string>>;
  readonly overrides: Readonly<Record<string, { readonly score: string; readonly reason: string }>>;
}

interface Draft {
  readonly signedOn: string;
  readonly reviews: Readonly<Record<string, DraftReview>>;
}

const emptyReview: DraftReview = { recused: false, comment: '', choices: {}, judged: {}, overrides: {} };

function isList(criterion: Criterion): boolean {
  return criterion.kind !== 'flag' && criterion.kind !== 'judged';
}

function itemsOf(claim: Claim | undefined) {
  return claim !== undefined && 'items' in claim ? claim.items : [];
}

function claimedFlag(claim: Claim | undefined): boolean {
  return claim !== undefined && 'claimed' in claim && claim.claimed;
}

/** The draft as the sheet's reviews: only what the rubric asks to decide is sent. */
function toContent(draft: Draft, form: PaperFormView): PaperContent {
  const criteria = form.rubric.groups.flatMap((g) => g.indicators.flatMap((i) => i.criteria));
  const reviews: SheetReview[] = form.alliances.map((alliance) => {
    const review = draft.reviews[alliance.allianceId] ?? emptyReview;
    const base = { allianceId: alliance.allianceId, packageDigest: alliance.digest };
    if (review.recused) return { ...base, recused: true, decisions: {}, comment: review.comment };
    const decisions: Record<string, Decision> = {};
    for (const criterion of criteria) {
      const claim = alliance.claims[criterion.id];
      if (criterion.kind === 'flag') {
        if (!claimedFlag(claim)) continue;
        const choice = review.choices[criterion.id];
        if (choice?.accept === true) decisions[criterion.id] = { accept: true };
        else if (choice?.accept === false) decisions[criterion.id] = { accept: false, reason: choice.reason };
      } else if (criterion.kind === 'judged') {
        const text = review.judged[criterion.id] ?? '';
        if (text.trim() !== '') decisions[criterion.id] = { value: Number(text) };
      } else {
        const items = itemsOf(claim);
        if (items.length === 0) continue;
        const accepted: string[] = [];
        const rejected: Record<string, string> = {};
        for (const item of items) {
          const choice = review.choices[`${criterion.id}/${item.id}`];
          if (choice?.accept === true) accepted.push(item.id);
          else if (choice?.accept === false) rejected[item.id] = choice.reason;
        }
        decisions[criterion.id] = { accepted, rejected };
      }
    }
    const overrides: Record<string, Override> = {};
    for (const [id, o] of Object.entries(review.overrides)) if (o.score.trim() !== '') overrides[id] = { score: Number(o.score), reason: o.reason };
    return {
      ...base,
      recused: false,
      decisions,
      ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
      ...(review.comment.trim() !== '' ? { comment: review.comment } : {}),
    };
  });
  return { signedOn: draft.signedOn, reviews };
}

function fromContent(content: PaperContent): Draft {
  const reviews: Record<string, DraftReview> = {};
  for (const review of content.reviews) {
    const choices: Record<string, Choice> = {};
    const judged: Record<string, string> = {};
    for (const [id, d] of Object.entries(review.decisions ?? {})) {
      if ('accept' in d) choices[id] = { accept: d.accept, reason: d.reason ?? '' };
      else if ('accepted' in d) {
        for (const item of d.accepted) choices[`${id}/${item}`] = { accept: true, reason: '' };
        for (const [item, reason] of Object.entries(d.rejected)) choices[`${id}/${item}`] = { accept: false, reason };
      } else judged[id] = String(d.value);
    }
    const overrides: Record<string, { score: string; reason: string }> = {};
    for (const [id, o] of Object.entries(review.overrides ?? {})) overrides[id] = { score: String(o.score), reason: o.reason };
    reviews[review.allianceId] = { recused: review.recused, comment: review.comment ?? '', choices, judged, overrides };
  }
  return { signedOn: content.signedOn, reviews };
}

export function PaperTab({ meetingId, actor, onChanged }: { readonly meetingId: number; readonly actor: string; readonly onChanged: () => void }) {
  const [form, setForm] = useState<PaperFormView | null>(null);
  const [sheets, setSheets] = useState<readonly PaperSheetView[]>([]);
  const [expertId, setExpertId] = useState('');
  const [entryNo, setEntryNo] = useState<1 | 2>(1);
  const [draft, setDraft] = useState<Draft>({ signedOn: '', reviews: {} });
  const [message, setMessage] = useState<{ kind: 'error' | 'notice'; text: string } | null>(null);
  const [generation, setGeneration] = useState(0);
  const [saving, setSaving] = useState(false);
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

  // Another expert or entry starts from an empty form: the second person must never see the
  // first entry while typing (blind re-entry); each may reload only their own entry.
  const choose = (expert: string, entry: 1 | 2) => {
    setExpertId(expert);
    setEntryNo(entry);
    setDraft({ signedOn: '', reviews: {} });
    setTyped(false);
    setMessage(null);
  };

  const setReview = (allianceId: string, change: (review: DraftReview) => DraftReview) => {
    setTyped(true);
    setDraft((d) => ({ ...d, reviews: { ...d.reviews, [allianceId]: change(d.reviews[allianceId] ?? emptyReview) } }));
  };

  const save = async () => {
    if (saving) return;
    setMessage(null);
    const content = toContent(draft, form) as RequestOf<'paper-entry-save'>['content'];
    setSaving(true);
    const result = await api.invoke('paper-entry-save', { meetingId, actor, expertId, entryNo, content }).finally(() => setSaving(false));
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
    }
    else if (result.ok) setMessage({ kind: 'notice', text: `还没有第 ${entryNo} 次录入。` });
    else setMessage({ kind: 'error', text: result.error.message });
  };

  return (
    <div className="paper">
      <section className="panel" aria-labelledby="paper-title">
        <h2 id="paper-title">纸质评分表录入</h2>
        <p className="hint">
          两人分别录入同一份纸质评分表：第 1 次由会务人员录入，第 2 次由另一人<strong>不看第 1 次录入</strong>、直接对照纸质原件录入。两次逐项一致后才计入结果，结果中注明“纸质录入”及录入人、复核人。
        </p>
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
          <label>
            纸质表签字日期
            <input type="date" value={draft.signedOn} onChange={(e) => setDraft((d) => ({ ...d, signedOn: e.target.value }))} aria-label="签字日期" />
          </label>
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
      {expertId !== '' && current?.agreed == null && (
        <>
          {form.alliances.map((alliance) => (
            <AllianceEntry key={alliance.allianceId} form={form} alliance={alliance} review={draft.reviews[alliance.allianceId] ?? emptyReview} onChange={(change) => setReview(alliance.allianceId, change)} />
          ))}
          <button type="button" onClick={() => void save()} disabled={draft.signedOn === '' || saving}>
            {saving ? '正在保存……' : `保存第 ${entryNo} 次录入`}
          </button>
        </>
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
        aria-label={label}
      >
        <option value="">未填</option>
        <option value="yes">认定</option>
        <option value="no">不予认定</option>
      </select>
      {choice.accept === false && (
        <input value={choice.reason} onChange={(e) => onChange({ ...choice, reason: e.target.value })} placeholder="理由" aria-label={`${label} 理由`} />
      )}
    </span>
  );
}

function AllianceEntry(props: {
  readonly form: PaperFormView;
  readonly alliance: PaperFormView['alliances'][number];
  readonly review: DraftReview;
  readonly onChange: (change: (review: DraftReview) => DraftReview) => void;
}) {
  const { form, alliance, review, onChange } = props;
  const setChoice = (key: string, choice: Choice) => onChange((r) => ({ ...r, choices: { ...r.choices, [key]: choice } }));
  return (
    <details className="panel paper-alliance" open>
      <summary>
        {alliance.allianceId} {alliance.allianceName}
      </summary>
      <label className="inline">
        <input type="checkbox" checked={review.recused} onChange={(e) => onChange((r) => ({ ...r, recused: e.target.checked }))} /> 回避
      </label>
      {!review.recused && (
        <table className="table compact paper-table">
          <tbody>
            {form.rubric.groups.flatMap((group) =>
              group.indicators.map((indicator) => {
                const rows = indicator.criteria.flatMap((criterion) => {
                  const claim = alliance.claims[criterion.id];
                  if (criterion.kind === 'flag') {
                    if (!claimedFlag(claim)) return [];
                    return [
                      <tr key={criterion.id}>
                        <td>{criterion.label}</td>
                        <td>
                          <ChoiceInput value={review.choices[criterion.id]} onChange={(c) => setChoice(criterion.id, c)} label={`${alliance.allianceId} ${criterion.id}`} />
                        </td>
                      </tr>,
                    ];
                  }
                  if (criterion.kind === 'judged') {
                    return [
                      <tr key={criterion.id}>
                        <td>{criterion.label}（0–{criterion.max}）</td>
                        <td>
                          <input
                            className="short"
                            inputMode="decimal"
                            value={review.judged[criterion.id] ?? ''}
                            onChange={(e) => onChange((r) => ({ ...r, judged: { ...r.judged, [criterion.id]: e.target.value } }))}
                            aria-label={`${alliance.allianceId} ${criterion.id}`}
                          />
                        </td>
                      </tr>,
                    ];
                  }
                  if (!isList(criterion)) return [];
                  return itemsOf(claim).map((item) => (
                    <tr key={`${criterion.id}/${item.id}`}>
                      <td>
                        {criterion.label}：<code className="small">{item.id}</code> {item.title}
                      </td>
                      <td>
                        <ChoiceInput
                          value={review.choices[`${criterion.id}/${item.id}`]}
                          onChange={(c) => setChoice(`${criterion.id}/${item.id}`, c)}
                          label={`${alliance.allianceId} ${criterion.id} ${item.id}`}
                        />
                      </td>
                    </tr>
                  ));
                });
                const override = review.overrides[indicator.id] ?? { score: '', reason: '' };
                return [
                  <tr key={indicator.id} className="indicator-row">
                    <th colSpan={2} scope="rowgroup">
                      {indicator.id} {indicator.label}
                      <span className="override-fields">
                        改判得分
                        <input
                          className="short"
                          inputMode="decimal"
                          value={override.score}
                          onChange={(e) => onChange((r) => ({ ...r, overrides: { ...r.overrides, [indicator.id]: { ...override, score: e.target.value } } }))}
                          aria-label={`${alliance.allianceId} ${indicator.id} 改判得分`}
                        />
                        {override.score.trim() !== '' && (
                          <input
                            value={override.reason}
                            placeholder="改判理由"
                            onChange={(e) => onChange((r) => ({ ...r, overrides: { ...r.overrides, [indicator.id]: { ...override, reason: e.target.value } } }))}
                            aria-label={`${alliance.allianceId} ${indicator.id} 改判理由`}
                          />
                        )}
                      </span>
                    </th>
                  </tr>,
                  ...rows,
                ];
              }),
            )}
          </tbody>
        </table>
      )}
      <label className="field">
        {review.recused ? '回避理由' : '总体意见（可不填）'}
        <textarea value={review.comment} rows={2} onChange={(e) => onChange((r) => ({ ...r, comment: e.target.value }))} aria-label={`${alliance.allianceId} 意见`} />
      </label>
    </details>
  );
}
