/**
 * 说明理由: the expert's written explanation of a judged score (a subjective criterion), beside
 * the score. The panel chair asks for one when the score is far from the other experts' mean;
 * it travels in the signed sheet's `explanations`. Saved like the comment (debounced-text-area.tsx):
 * a moment after typing stops, when the box is left, and when the view closes, so nothing typed
 * is lost.
 */
import { useState } from 'react';
import { DebouncedTextArea } from './debounced-text-area.tsx';

export interface ExplainBoxProps {
  /** The criterion's label, for the box's accessible name ("说明理由：联盟地位"). */
  readonly label: string;
  readonly stored: string;
  readonly readOnly: boolean;
  readonly onSave: (text: string) => void;
}

export function ExplainBox({ label, stored, readOnly, onSave }: ExplainBoxProps) {
  // Closed until asked for; a written explanation is always shown (emptied, it closes again).
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? stored;

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
      <DebouncedTextArea
        stored={stored}
        readOnly={readOnly}
        onSave={onSave}
        rows={2}
        maxLength={2000}
        aria-label={`说明理由：${label}`}
        placeholder="为什么给这个分数；评分与其他专家相差较大时，主任会请您说明"
        autoFocus={opened && stored === ''}
        onDraft={setDraft}
      />
    </label>
  );
}
