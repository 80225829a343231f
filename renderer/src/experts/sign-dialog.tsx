/**
 * Sign and export (签名并导出): the expert's passphrase opens their key, the
 * year's sheet is signed and written to a folder (a USB stick): in the desktop shell one picked
 * with the system's folder dialog, in the browser shell a path typed here (default
 * `<data>/exports`), with a download of the same file as well. Afterwards the fingerprint is
 * shown large, to be read out to the chair.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ExpertWorkspace, SheetSignResult } from '../../../shared/api/expert-work-types.ts';
import { api } from '../api/api.ts';
import { DraftSheetButton } from './draft-sheet-button.tsx';

export interface SignDialogProps {
  readonly workspace: ExpertWorkspace;
  readonly onSigned: () => void;
  readonly onClose: () => void;
}

const desktop = api.pathForFile !== undefined;

export function SignDialog({ workspace, onSigned, onClose }: SignDialogProps) {
  const [passphrase, setPassphrase] = useState('');
  const [folder, setFolder] = useState(desktop ? '' : workspace.defaultExportDir);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<SheetSignResult | null>(null);
  const [dissent, setDissent] = useState('');
  // A dissent travels only in a format-2 sheet, which a signed-in expert signs.
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    if (workspace.year === null) return;
    let live = true;
    void api.invoke('sign-in-get', { expertId: workspace.expert.id, year: workspace.year }).then((r) => {
      if (live && r.ok) setSignedIn(r.value.signIn !== null);
    });
    return () => {
      live = false;
    };
  }, [workspace.expert.id, workspace.year]);
  const recused = workspace.alliances.filter((a) => a.status === 'recused').length;
  const scored = workspace.alliances.length - recused;

  const pick = async () => {
    const picked = await api.invoke('sheet-folder-pick', {});
    if (picked.ok && picked.value !== null) setFolder(picked.value);
    else if (!picked.ok) setError(picked.error.message);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (workspace.year === null) {
      // The list does not offer signing then; said anyway, so a click never does nothing.
      setError('本机还没有评审会议，没有可签名的评分。请先导入会务人员给您的会议包（.meeting.zip）。');
      return;
    }
    setBusy(true);
    setError(null);
    const signed = await api.invoke('sheet-sign', {
      expertId: workspace.expert.id,
      year: workspace.year,
      passphrase,
      ...(folder.trim() === '' ? {} : { folder: folder.trim() }),
      ...(signedIn && dissent.trim() !== '' ? { dissent } : {}),
    });
    setBusy(false);
    if (signed.ok) {
      setPassphrase('');
      setResult(signed.value);
      onSigned();
    } else setError(signed.error.message);
  };

  const download = () => {
    if (!result) return;
    const url = URL.createObjectURL(new Blob([result.text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.sheet.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog sign-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sign-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !busy) onClose();
        }}
      >
        {result ? (
          <>
            <h2 id="sign-title">已签名并导出</h2>
            <p>
              评分表（第 {result.sheet.version} 版）已写入：
              <br />
              <code data-testid="signed-path">{result.path}</code>
            </p>
            <div className="fingerprint-readout" data-testid="signed-fingerprint" aria-label="签名密钥指纹">
              {result.sheet.fingerprint}
            </div>
            <p className="hint">请把 U 盘交给评审组长，并向组长宣读上面的指纹（共 16 位，四位一组），组长核对后才会导入您的评分表。</p>
            <div className="actions">
              {!desktop && (
                <button type="button" className="secondary" onClick={download}>
                  下载评分表文件
                </button>
              )}
              <button type="button" onClick={onClose} autoFocus>
                完成
              </button>
            </div>
          </>
        ) : (
          <form onSubmit={(e) => void submit(e)}>
            <h2 id="sign-title">签名并导出 {workspace.year} 年度评分表</h2>
            <p>
              {workspace.expert.name}（{workspace.expert.rosterId}）· 评分 {scored} 个联盟，回避 {recused} 个
              {workspace.expert.handSignature ? ' · 附手写签名' : ' · 未绘制手写签名'}
            </p>
            <p className="hint">签名后，本年度的评分和回避将被锁定；如需修改须点击“修改评分”并重新签名，旧的评分表会保留在记录中。</p>
            {signedIn && (
              <label className="field">
                异议（可不填）：对专家组结论的不同意见，由您本人填写，随评分表一起签名
                <textarea value={dissent} onChange={(e) => setDissent(e.target.value)} rows={3} maxLength={5000} aria-label="异议" />
              </label>
            )}
            <label className="field">
              签名口令
              <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoFocus required autoComplete="current-password" />
            </label>
            {desktop ? (
              <div className="field">
                保存到
                <div className="folder-pick">
                  <code>{folder || '（未选择：保存到本机数据目录的 exports 文件夹）'}</code>
                  <button type="button" className="secondary" onClick={() => void pick()}>
                    选择文件夹（如 U 盘）…
                  </button>
                </div>
              </div>
            ) : (
              <label className="field">
                保存到文件夹（完整路径，如 U 盘）
                <input value={folder} onChange={(e) => setFolder(e.target.value)} required data-testid="export-folder" />
              </label>
            )}
            {workspace.year !== null && <DraftSheetButton expertId={workspace.expert.id} year={workspace.year} folder={folder} />}
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
            <div className="actions">
              <button type="submit" disabled={busy || passphrase === ''}>
                {busy ? '正在签名……' : '签名并导出'}
              </button>
              <button type="button" className="secondary" onClick={onClose} disabled={busy}>
                取消
              </button>
              {/* A greyed button with no reason is a dead end to someone new: say what it waits for. */}
              {passphrase === '' && !busy && <span className="muted small"> 输入签名口令后才能签名</span>}
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
