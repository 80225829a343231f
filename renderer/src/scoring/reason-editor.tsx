/**
 * Reason editor: the reason for rejecting a claim (or for an override): free text, common
 * reasons to pick, and a button that inserts a citation of the evidence on screen
 * (`〔证明材料/合同1.pdf 第3页〕`). Enter saves, Shift+Enter starts a new line, Esc cancels.
 * Alt+1…9 picks the numbered common reason and saves at once; words already typed are kept in
 * front of it, so a quick pick never throws away what was written. (Plain digits stay text: a
 * reason may well start with "3 份合同".) Alt is read from the key's place (`code`), since on a
 * Mac Alt+digit types a symbol.
 * When the save fails the editor stays open with the words typed, says so and what to do: a
 * half-written reason is never lost to a failed save.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useUnsavedText } from '../common/unsaved-text.ts';
import { commonRejectionReasons } from './common-reasons.ts';

export interface ReasonEditorProps {
  readonly label: string;
  readonly initial: string;
  readonly submitLabel: string;
  /** The citation of the file and page on screen, or null when nothing is open. */
  readonly citation: () => string | null;
  /** Saves the reason; a promise of false (not saved) keeps the editor open with the text. */
  readonly onSubmit: (reason: string) => void | Promise<boolean>;
  readonly onCancel: () => void;
  readonly suggestions?: readonly string[];
  /** Default true; false where another field of the same form takes the focus first. */
  readonly autoFocus?: boolean;
}

export function ReasonEditor({
  label,
  initial,
  submitLabel,
  citation,
  onSubmit,
  onCancel,
  suggestions = commonRejectionReasons,
  autoFocus = true,
}: ReasonEditorProps) {
  const [text, setText] = useState(initial);
  const [warning, setWarning] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // Opened on a claim low in the list (a small window), the editor would open below the fold.
  // In braces: newer Chromium returns a promise from scrollIntoView, which React would call as a cleanup.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  useUnsavedText(text.trim() !== initial.trim());

  const insert = (words: string) => {
    const element = area.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const next = text.slice(0, start) + words + text.slice(end);
    setText(next);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + words.length, start + words.length);
    });
  };

  const withPick = (words: string) => (text.trim() === '' ? words : `${text.trimEnd()}；${words}`);

  const submit = (reason: string = text) => {
    if (reason !== text) setText(reason);
    if (reason.trim() === '') {
      setWarning('请填写理由，或从下面选一条常用理由。');
      area.current?.focus();
      return;
    }
    if (saving) return;
    const outcome = onSubmit(reason.trim());
    if (outcome === undefined) return;
    setSaving(true);
    void outcome.then((saved) => {
      setSaving(false);
      if (!saved) {
        setWarning('理由没有保存成功，刚才写的文字还在框中。请再按 Enter（或点“' + submitLabel + '”）重新保存；若一直不成功，请先复制这段文字，再告知会务人员。');
        area.current?.focus();
      }
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
    const pick = digit === undefined ? undefined : suggestions[Number(digit) - 1];
    if (event.altKey && !event.ctrlKey && !event.metaKey && pick !== undefined) {
      event.preventDefault();
      submit(withPick(pick));
      return;
    }
    // Enter saves from the text box only: on a button it presses that button.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.target === area.current) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  const cite = citation();
  return (
    <div className="reason-editor" ref={box} onKeyDown={onKeyDown}>
      <label className="reason-label">
        {label}
        <textarea
          ref={area}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setWarning(null);
          }}
          rows={2}
          autoFocus={autoFocus}
          maxLength={2000}
          aria-invalid={warning !== null}
          aria-describedby={warning ? 'reason-warning' : undefined}
        />
      </label>
      {warning && (
        <p id="reason-warning" className="field-warning" role="alert">
          {warning}
        </p>
      )}
      <div className="reason-picks" role="group" aria-label="常用理由">
        {suggestions.map((s, i) => (
          <button key={s} type="button" className="chip" onClick={() => insert(text.trim() === '' ? s : `；${s}`)} title={i < 9 ? `Alt+${i + 1} 选用并保存` : undefined}>
            {i < 9 && <kbd className="pick-number">{i + 1}</kbd>} {s}
          </button>
        ))}
      </div>
      <div className="reason-actions">
        <button type="button" onClick={() => submit()} disabled={saving}>
          {saving ? '正在保存……' : submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
        <button
          type="button"
          className="secondary"
          disabled={cite === null}
          onClick={() => cite !== null && insert(cite)}
          title={cite ?? '先在右侧打开证明材料'}
          data-testid="insert-citation"
        >
          插入引用{cite !== null && <span className="muted small"> {cite}</span>}
        </button>
        <span className="muted small">Enter 保存 · Alt+数字 选用常用理由并保存 · Shift+Enter 换行 · Esc 取消</span>
      </div>
    </div>
  );
}
