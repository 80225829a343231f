/**
 * 说明理由: the expert's written explanation of a judged score (a subjective criterion), beside
 * the score. The panel chair asks for one when the score is far from the other experts' mean;
 * it travels in the signed sheet's `explanations`. Saved like the comment: a moment after typing
 * stops, when the box is left, and when the view closes, so nothing typed is lost.
 */
import { useEffect, useRef, useState } from 'react';

export interface ExplainBoxProps {
  /** The criterion's label, for the box's accessible name ("说明理由：联盟地位"). */
  readonly label: string;
  readonly stored: string;
  readonly readOnly: boolean;
  readonly onSave: (text: string) => void;
}

export function ExplainBox({ label, stored, readOnly, onSave }: ExplainBoxProps) {
  const [draft, setDraft] = useState<string | null>(null);
  // Closed until asked for; a written explanation is always shown.
  const [opened, setOpened] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const unsaved = useRef<string | null>(null);
  const save = useRef(onSave);
  const text = draft ?? stored;

  useEffect(() => {
    save.current = onSave;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (unsaved.current !== null) save.current(unsaved.current);
    },
    [],
  );

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    unsaved.current = null;
    if (draft !== null && draft !== stored) onSave(draft);
    setDraft(null);
  };

  if (!opened && text === '') {
    if (readOnly) return null;
    return (
      <button
        type="button"
        className="link small explain-open"
        onClick={(e) => {
          e.stopPropagation();
          setOpened(true);
        }}
        title="写明这一评分的理由，随评分表签名交给主任"
      >
        说明理由…
      </button>
    );
  }
  return (
    <label className="explain-box" onClick={(e) => e.stopPropagation()}>
      <span className="explain-label">说明理由（写入评分表）</span>
      <textarea
        value={text}
        readOnly={readOnly}
        rows={2}
        maxLength={2000}
        aria-label={`说明理由：${label}`}
        placeholder="为什么给这个分数；评分与其他专家相差较大时，主任会请您说明"
        autoFocus={opened && stored === ''}
        onChange={(e) => {
          const value = e.target.value;
          setDraft(value);
          unsaved.current = value;
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            timer.current = null;
            unsaved.current = null;
            onSave(value);
          }, 1200);
        }}
        onBlur={flush}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            flush();
          }
        }}
      />
    </label>
  );
}
