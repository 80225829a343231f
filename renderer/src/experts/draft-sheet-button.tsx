/**
 * 打印评分表（未签名草稿）: writes the year's scores as a PDF marked as an unsigned draft to the
 * folder chosen for the sheet, to check on paper before signing or to sign in ink. It changes
 * nothing, so pressing it again simply writes the draft again.
 */
import { useState } from 'react';
import { api } from '../api/api.ts';

export interface DraftSheetButtonProps {
  readonly expertId: number;
  readonly year: number;
  /** The folder the sheet is to go to; '' for the default (`<data>/exports`). */
  readonly folder: string;
}

export function DraftSheetButton({ expertId, year, folder }: DraftSheetButtonProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ readonly error: boolean; readonly text: string } | null>(null);

  async function print(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const written = await api.invoke('sheet-draft-pdf', { expertId, year, ...(folder.trim() === '' ? {} : { folder: folder.trim() }) });
    setBusy(false);
    setMessage(
      written.ok
        ? { error: false, text: `已写入未签名草稿（${written.value.pages} 页）：${written.value.path}。请打开打印，核对无误后再签名。` }
        : { error: true, text: written.error.message },
    );
  }

  return (
    <div className="draft-sheet">
      <button type="button" className="secondary" onClick={() => void print()} disabled={busy}>
        {busy ? '正在生成草稿……' : '打印评分表（未签名草稿）'}
      </button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'hint'} data-testid="draft-sheet-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
