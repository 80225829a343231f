/**
 * The scoring view's keys, in one table: the key handler (scoring-view.tsx) finds the action of
 * a key press here, and the shortcut sheet (shortcut-sheet.tsx) lists this same table, so the two
 * cannot drift apart (as excalidraw's actions declare their label and key test together).
 *
 * - action: what the scoring view does; its handler is a Record over every action, so the
 *   compiler refuses a key listed with nothing behind it.
 * - press: one way to press the key. A letter compares Shift (A is not Shift+A); any other key
 *   ignores Shift unless the press says otherwise, since `?` and `]` need Shift on some layouts.
 * - scope: `list` keys act when the claim list has the keyboard; `anywhere` keys also act from
 *   the evidence pane. No key acts while a text field has the keyboard, except Esc.
 */

export type ScoringAction =
  | 'next'
  | 'previous'
  | 'accept'
  | 'acceptIndicator'
  | 'reject'
  | 'enterValue'
  | 'clear'
  | 'nextIndicator'
  | 'previousIndicator'
  | 'nextUndecided'
  | 'override'
  | 'comment'
  | 'evidence'
  | 'nextAlliance'
  | 'previousAlliance'
  | 'undo'
  | 'redo'
  | 'back'
  | 'sheet';

export interface KeyPress {
  readonly key: string;
  readonly ctrl?: boolean;
  readonly shift?: boolean;
}

export interface ScoringKey {
  readonly action: ScoringAction;
  /** The keys as the sheet shows them. */
  readonly keys: string;
  readonly what: string;
  readonly presses: readonly KeyPress[];
  readonly scope: 'list' | 'anywhere';
}

export const scoringKeys: readonly ScoringKey[] = [
  { action: 'next', keys: 'J 或 ↓', what: '下一项申报', presses: [{ key: 'j' }, { key: 'ArrowDown' }], scope: 'list' },
  { action: 'previous', keys: 'K 或 ↑', what: '上一项申报', presses: [{ key: 'k' }, { key: 'ArrowUp' }], scope: 'list' },
  { action: 'accept', keys: 'A', what: '认定当前项，并移到下一项', presses: [{ key: 'a' }], scope: 'list' },
  {
    action: 'acceptIndicator',
    keys: 'Shift+A',
    what: '本指标全部认定：认定当前指标中尚未评定的各项（已评定的不变；Ctrl+Z 一次全部撤销）',
    presses: [{ key: 'a', shift: true }],
    scope: 'list',
  },
  {
    action: 'reject',
    keys: 'R',
    what: '不予认定当前项（光标进入理由框；Alt+1…9 选用编号的常用理由并保存，Enter 保存，Esc 取消；保存后移到下一项）',
    presses: [{ key: 'r' }],
    scope: 'list',
  },
  { action: 'enterValue', keys: 'Enter', what: '评议项：输入分值（↑/↓ 每次 0.1，Enter 保存并移到下一项）', presses: [{ key: 'Enter' }], scope: 'list' },
  { action: 'clear', keys: 'Delete', what: '清除当前项的评定', presses: [{ key: 'Delete' }], scope: 'list' },
  { action: 'nextIndicator', keys: 'N', what: '下一个指标', presses: [{ key: 'n' }], scope: 'list' },
  { action: 'previousIndicator', keys: 'P', what: '上一个指标', presses: [{ key: 'p' }], scope: 'list' },
  { action: 'nextUndecided', keys: 'U', what: '跳到下一项未评项', presses: [{ key: 'u' }], scope: 'list' },
  { action: 'override', keys: 'O', what: '改判当前指标（须填理由）', presses: [{ key: 'o' }], scope: 'list' },
  { action: 'comment', keys: 'C', what: '填写评审意见', presses: [{ key: 'c' }], scope: 'list' },
  {
    action: 'evidence',
    keys: 'E',
    what: '进入右侧证明材料（+/− 缩放，0 适合宽度/整页，R 旋转 90°（PDF 中 Shift+R 反向），Ctrl+F 搜索，Enter / Shift+Enter 下一处 / 上一处；Esc 返回）',
    presses: [{ key: 'e' }],
    scope: 'list',
  },
  { action: 'nextAlliance', keys: ']', what: '下一个联盟', presses: [{ key: ']' }], scope: 'list' },
  { action: 'previousAlliance', keys: '[', what: '上一个联盟', presses: [{ key: '[' }], scope: 'list' },
  { action: 'undo', keys: 'Ctrl+Z', what: '撤销上一步（可连续撤销；状态栏写明撤销了什么）', presses: [{ key: 'z', ctrl: true, shift: false }], scope: 'anywhere' },
  {
    action: 'redo',
    keys: 'Ctrl+Shift+Z 或 Ctrl+Y',
    what: '重做刚撤销的一步（撤销后又做了新的评定，就不能再重做）',
    presses: [{ key: 'z', ctrl: true, shift: true }, { key: 'y', ctrl: true }],
    scope: 'anywhere',
  },
  { action: 'back', keys: 'Esc', what: '从证明材料或输入框回到申报列表；关闭理由框', presses: [{ key: 'Escape' }], scope: 'anywhere' },
  { action: 'sheet', keys: '?', what: '显示或关闭本快捷键表', presses: [{ key: '?' }], scope: 'anywhere' },
];

export interface KeyEventLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

function matches(press: KeyPress, event: KeyEventLike): boolean {
  const letter = /^[a-z]$/i.test(event.key);
  if ((letter ? event.key.toLowerCase() : event.key) !== press.key) return false;
  // Cmd on a Mac stands for Ctrl.
  if ((event.ctrlKey || event.metaKey) !== (press.ctrl ?? false)) return false;
  if (event.altKey) return false;
  if (letter || press.shift !== undefined) return event.shiftKey === (press.shift ?? false);
  return true;
}

/** The table's line for a key press, or null when the scoring view has no such key. */
export function scoringKeyOf(event: KeyEventLike): ScoringKey | null {
  return scoringKeys.find((k) => k.presses.some((p) => matches(p, event))) ?? null;
}
