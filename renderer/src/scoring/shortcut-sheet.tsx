/**
 * The keyboard shortcut sheet (?): every key of the scoring view, in one dialog.
 */
import { useEffect, useRef } from 'react';

export const shortcuts: readonly (readonly [string, string])[] = [
  ['J 或 ↓', '下一项申报'],
  ['K 或 ↑', '上一项申报'],
  ['A', '认定当前项'],
  ['R', '不予认定当前项（光标进入理由框；Enter 保存，Esc 取消）'],
  ['Enter', '评议项：输入分值（↑/↓ 每次 0.1，Enter 保存）'],
  ['Delete', '清除当前项的评定'],
  ['N / P', '下一个 / 上一个指标'],
  ['U', '跳到下一项未评项'],
  ['O', '改判当前指标（须填理由）'],
  ['C', '填写评审意见'],
  ['E', '进入右侧证明材料（+/− 缩放，0 适合宽度/整页，R 旋转 90°（PDF 中 Shift+R 反向），Ctrl+F 搜索，Enter / Shift+Enter 下一处 / 上一处；Esc 返回）'],
  [']  /  [', '下一个 / 上一个联盟'],
  ['Ctrl+Z', '撤销上一步（可连续撤销）'],
  ['Esc', '从证明材料或输入框回到申报列表；关闭对话框'],
  ['?', '显示或关闭本快捷键表'],
];

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
            {shortcuts.map(([key, what]) => (
              <tr key={key}>
                <th scope="row">
                  <kbd>{key}</kbd>
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
