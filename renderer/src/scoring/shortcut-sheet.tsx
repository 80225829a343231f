/**
 * The keyboard shortcut sheet (?): every key of the scoring view, in one dialog, listed from the
 * same table the key handler acts on (scoring-keys.ts).
 */
import { useEffect, useRef } from 'react';
import { scoringKeys } from './scoring-keys.ts';

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="dialog shortcut-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id="shortcut-title">键盘快捷键</h2>
        <table className="shortcut-table">
          <tbody>
            {scoringKeys.map(({ action, keys, what }) => (
              <tr key={action} data-action={action}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">每一次评定在按下的那一刻即已保存；断电或程序意外退出也不会丢失已显示为“已保存”的内容。</p>
        <button ref={closeButton} type="button" onClick={onClose}>
          关闭（Esc）
        </button>
      </div>
    </div>
  );
}
