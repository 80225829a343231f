/**
 * The expert's comment on the alliance (评审意见), saved a moment after typing stops, when the
 * box is left, and on Ctrl+Enter (debounced-text-area.tsx); it goes into the sheet as the
 * review's `comment`. Escape saves and goes back to the criteria.
 */
import { forwardRef } from 'react';
import { DebouncedTextArea } from './debounced-text-area.tsx';

export interface CommentBoxProps {
  readonly stored: string;
  readonly readOnly: boolean;
  readonly onSave: (comment: string) => void;
  readonly onLeave: () => void;
}

export const CommentBox = forwardRef<HTMLTextAreaElement, CommentBoxProps>(function CommentBox({ stored, readOnly, onSave, onLeave }, ref) {
  return (
    <label className="comment-box">
      <span className="comment-label">评审意见（写入评分表）</span>
      <DebouncedTextArea
        ref={ref}
        stored={stored}
        readOnly={readOnly}
        onSave={onSave}
        onEscape={onLeave}
        rows={3}
        maxLength={5000}
        placeholder="对本联盟的总体意见，可不填"
      />
    </label>
  );
});
