/**
 * A text area for what an expert writes into the sheet (the comment, an explanation): what is
 * typed is saved a moment after typing stops, when the box is left, on Ctrl+Enter, and when the
 * view closes (another alliance, the list) before the moment has passed, so nothing typed is lost.
 * The box around it (label, wording, limits) is the caller's.
 */
import { forwardRef, useEffect, useRef, useState, type TextareaHTMLAttributes } from 'react';

/** How long typing must stop before the text is saved. */
const saveDelayMs = 1200;

export interface DebouncedTextAreaProps extends Pick<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'rows' | 'maxLength' | 'placeholder' | 'autoFocus' | 'aria-label'
> {
  /** The saved text; shown until the expert types. */
  readonly stored: string;
  readonly readOnly: boolean;
  readonly onSave: (text: string) => void;
  /** Escape saves and then calls this; without it, Escape is left to the page. */
  readonly onEscape?: () => void;
  /** What is typed and not yet taken back by a save (null: the stored text is shown), for a box that changes with it. */
  readonly onDraft?: (draft: string | null) => void;
}

export const DebouncedTextArea = forwardRef<HTMLTextAreaElement, DebouncedTextAreaProps>(function DebouncedTextArea(
  { stored, readOnly, onSave, onEscape, onDraft, ...attributes },
  ref,
) {
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // What the timer would save, and how: the view may close before it fires.
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
    onDraft?.(null);
  };

  return (
    <textarea
      {...attributes}
      ref={ref}
      value={text}
      readOnly={readOnly}
      onChange={(e) => {
        const value = e.target.value;
        setDraft(value);
        onDraft?.(value);
        unsaved.current = value;
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          timer.current = null;
          unsaved.current = null;
          onSave(value);
        }, saveDelayMs);
      }}
      onBlur={flush}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          flush();
        } else if (e.key === 'Escape' && onEscape !== undefined) {
          e.preventDefault();
          flush();
          onEscape();
        }
      }}
    />
  );
});
