/**
 * The expert's comment on the alliance (评审意见), saved a moment after typing stops, when the
 * box is left, and on Ctrl+Enter; it goes into the sheet as the review's `comment`.
 */
import { forwardRef, useEffect, useRef, useState } from 'react';

export interface CommentBoxProps {
  readonly stored: string;
  readonly readOnly: boolean;
  readonly onSave: (comment: string) => void;
  readonly onLeave: () => void;
}

export const CommentBox = forwardRef<HTMLTextAreaElement, CommentBoxProps>(function CommentBox({ stored, readOnly, onSave, onLeave }, ref) {
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // What the timer would save, and how: the view may close (another alliance, the list) before it fires.
  const unsaved = useRef<string | null>(null);
  const save = useRef(onSave);
  const text = draft ?? stored;

  useEffect(() => {
    save.current = onSave;
  });

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    unsaved.current = null;
    if (draft !== null && draft !== stored) onSave(draft);
    setDraft(null);
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (unsaved.current !== null) save.current(unsaved.current);
    },
    [],
  );

  return (
    <label className="comment-box">
      <span className="comment-label">评审意见（写入评分表）</span>
      <textarea
        ref={ref}
        value={text}
        readOnly={readOnly}
        rows={3}
        maxLength={5000}
        placeholder="对本联盟的总体意见，可不填"
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
          } else if (e.key === 'Escape') {
            e.preventDefault();
            flush();
            onLeave();
          }
        }}
      />
    </label>
  );
});
