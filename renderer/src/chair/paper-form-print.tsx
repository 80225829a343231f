/**
 * Printing the blank paper score form (空白评分表) from the paper tab: for one roster line or
 * with empty name lines, into a folder (desktop: the system's folder picker; browser shell: a
 * typed path, empty for `<data folder>/exports/<year>`). The form's rows are the entry screen's
 * rows in the same order, so what the expert writes is what the clerk then types.
 * Pressing again is safe: the button waits for the answer, and the file is replaced whole.
 */
import { useState } from 'react';
import type { PaperFormFile } from '../../../shared/api/chair-types.ts';
import { api } from '../api/api.ts';

export function PaperFormPrint(props: {
  readonly meetingId: number;
  readonly year: number;
  readonly experts: readonly { readonly id: string; readonly name: string }[];
}) {
  const { meetingId, year, experts } = props;
  const [expertId, setExpertId] = useState('');
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<PaperFormFile | null>(null);
  const [error, setError] = useState<string | null>(null);

  const print = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setWritten(null);
    const result = await api.invoke('paper-form-pdf', { meetingId, expertId: expertId === '' ? null : expertId, folder }).finally(() => setBusy(false));
    if (result.ok) setWritten(result.value);
    else setError(result.error.message);
  };

  return (
    <details className="paper-form-print" data-testid="paper-form-print">
      <summary>打印空白评分表（PDF，供专家在纸上评分）</summary>
      <p className="hint">
        空白评分表与下面的录入界面逐行对应、顺序相同：每个联盟一页起，列出每个指标、每个申报的评分项和条目及其申报内容，留有“认定 / 不予认定 / 得分 / 理由”格，最后是专家签名行。表上标明“空白评分表 · 未签名草稿”。
      </p>
      <div className="setting-row">
        <label>
          印在表上的专家
          <select value={expertId} onChange={(e) => setExpertId(e.target.value)} aria-label="印在表上的专家">
            <option value="">不指定（留空由专家填写姓名）</option>
            {experts.map((e) => (
              <option key={e.id} value={e.id}>
                {e.id} {e.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          保存到文件夹
          <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={`留空则保存到数据文件夹中的 exports/${year}`} aria-label="空白评分表的文件夹" disabled={busy} />
        </label>
        {api.pathForFile && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              void api.invoke('sheet-folder-pick', {}).then((picked) => {
                if (picked.ok && picked.value !== null) setFolder(picked.value);
              })
            }
          >
            选择文件夹…
          </button>
        )}
        <button type="button" onClick={() => void print()} disabled={busy}>
          {busy ? '正在生成……' : '生成空白评分表'}
        </button>
      </div>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {written !== null && (
        <p role="status" className="ok" data-testid="paper-form-written">
          已保存空白评分表 {written.path}（{written.alliances} 个联盟，共 {written.pages} 页）。请用 PDF 阅读器打开并打印。
        </p>
      )}
    </details>
  );
}
