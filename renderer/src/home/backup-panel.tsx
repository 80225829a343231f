/**
 * Backups (数据备份) on the home screen: the automatic backups (after import, after signing,
 * at exit) and hand-made ones, each restorable. A restore sets the current store aside and
 * backs it up first, so it can itself be undone.
 */
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/api/backup-types.ts';
import { api } from '../api/api.ts';
import { formatBytes } from '../../../shared/format/format-bytes.ts';

const reasonLabel: Record<BackupInfo['reason'], string> = {
  import: '导入后自动备份',
  sign: '签名后自动备份',
  exit: '退出时自动备份',
  manual: '手动备份',
  'before-restore': '恢复前自动备份',
};

export function BackupPanel({ onRestored }: { onRestored: () => void }) {
  const [backups, setBackups] = useState<readonly BackupInfo[] | null>(null);
  const [generation, setGeneration] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.invoke('backup-list', {}).then((result) => {
      if (live && result.ok) setBackups(result.value);
    });
    return () => {
      live = false;
    };
  }, [generation]);

  const backUpNow = async () => {
    const result = await api.invoke('backup-create', {});
    setMessage(result.ok ? `已备份：${result.value.name}` : result.error.message);
    setGeneration((g) => g + 1);
  };

  const restore = async (name: string) => {
    setConfirming(null);
    const result = await api.invoke('backup-restore', { name });
    setMessage(result.ok ? `已从备份恢复。恢复前的数据另存为 ${result.value.setAside}。` : result.error.message);
    setGeneration((g) => g + 1);
    if (result.ok) onRestored();
  };

  return (
    <section className="panel" aria-labelledby="backup-title">
      <div className="screen-header">
        <h2 id="backup-title">数据备份</h2>
        <button type="button" className="secondary" onClick={() => void backUpNow()}>
          立即备份
        </button>
      </div>
      <p className="hint">导入材料包或会议包后、主任导入评分表后、专家签名后和退出程序时会自动备份，保留最近 20 份。证明材料按内容存放、从不删除，备份只需包含数据文件。</p>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {backups === null ? null : backups.length === 0 ? (
        <p className="muted">还没有备份。</p>
      ) : (
        <table className="table" aria-label="备份列表">
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">类型</th>
              <th scope="col" className="num">大小</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name} data-testid="backup-row">
                <td>{chinaDateTime(b.takenAt)}</td>
                <td>{reasonLabel[b.reason]}</td>
                <td className="num">{formatBytes(b.size)}</td>
                <td>
                  {confirming === b.name ? (
                    <span className="confirm">
                      用这份备份替换当前数据？
                      <button type="button" onClick={() => void restore(b.name)}>
                        确认恢复
                      </button>
                      <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                        取消
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="secondary" onClick={() => setConfirming(b.name)}>
                      恢复…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
