/**
 * Recusal (回避): the expert declares a conflict of interest with an alliance and does not score
 * it. The reason is required; it becomes the recused review's comment in the sheet. A recusal
 * can be withdrawn until the sheet is signed.
 */
import { useState } from 'react';
import type { AllianceProgress } from '../../../shared/api/expert-work-types.ts';

const commonReasons = ['本人在该联盟牵头单位任职', '本人所在单位为该联盟成员单位', '本人参与了该联盟材料的编写', '与该联盟存在其他利害关系'];

export interface RecusalDialogProps {
  readonly alliance: AllianceProgress;
  readonly onConfirm: (reason: string) => Promise<string | null>;
  readonly onClose: () => void;
}

export function RecusalDialog({ alliance, onConfirm, onClose }: RecusalDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (reason.trim() === '') {
      setError('请填写回避理由。');
      return;
    }
    const failure = await onConfirm(reason.trim());
    if (failure) setError(failure);
  };
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="recusal-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id="recusal-title">申请回避：{alliance.allianceName}</h2>
        <p className="hint">回避后不对该联盟评分，评分表中只记录回避及理由。签名前可以撤销。</p>
        <label className="reason-label">
          回避理由（必填）
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} autoFocus maxLength={2000} />
        </label>
        <div className="reason-picks" role="group" aria-label="常用理由">
          {commonReasons.map((r) => (
            <button key={r} type="button" className="chip" onClick={() => setReason(r)}>
              {r}
            </button>
          ))}
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={() => void submit()}>
            确认回避
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            取消
          </button>
        </div>
      </div>
    </div>
  );
}
